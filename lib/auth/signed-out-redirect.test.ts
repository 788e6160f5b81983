import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { goToSignIn, installSignedOutRedirect, markSigningOut, signInUrl, unmarkSigningOut } from './signed-out-redirect';

function fakeWindow(pathname: string, search = '') {
  const assign = vi.fn();
  const responses: Response[] = [];
  const w = {
    location: { pathname, search, origin: 'http://127.0.0.1:3000', href: `http://127.0.0.1:3000${pathname}${search}`, assign },
    fetch: vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => responses.shift() ?? new Response('{}')),
  };
  vi.stubGlobal('window', w);
  return { w, assign, responses };
}

describe('signed-out redirect', () => {
  beforeEach(() => vi.unstubAllGlobals());
  afterEach(() => vi.unstubAllGlobals());

  it('sends a lost session to sign-in and back to the page it was on', () => {
    expect(signInUrl({ pathname: '/rollouts/shop/frontend', search: '?step=2' })).toBe('/sign-in?reason=expired&next=%2Frollouts%2Fshop%2Ffrontend%3Fstep%3D2');
    const { assign } = fakeWindow('/pods');
    goToSignIn();
    expect(assign).toHaveBeenCalledWith('/sign-in?reason=expired&next=%2Fpods');
  });

  it('does nothing on the sign-in page itself', () => {
    const { assign } = fakeWindow('/sign-in');
    goToSignIn();
    expect(assign).not.toHaveBeenCalled();
  });

  it('a deliberate sign-out is not reported as an expired session, until it fails', () => {
    const { assign } = fakeWindow('/pods');
    markSigningOut();
    goToSignIn();
    expect(assign).not.toHaveBeenCalled();
    unmarkSigningOut();
    goToSignIn();
    expect(assign).toHaveBeenCalledTimes(1);
  });

  it('a 401 from the studio itself redirects; one from elsewhere does not', async () => {
    const { w, assign, responses } = fakeWindow('/pods');
    installSignedOutRedirect();
    responses.push(new Response('{}', { status: 401 }), new Response('{}', { status: 401 }));
    await w.fetch('https://example.invalid/x');
    expect(assign).not.toHaveBeenCalled();
    await w.fetch('/api/cluster');
    expect(assign).toHaveBeenCalledWith('/sign-in?reason=expired&next=%2Fpods');
  });
});
