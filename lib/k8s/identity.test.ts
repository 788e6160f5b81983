import { afterEach, describe, expect, it } from 'vitest';
import { currentIdentity, currentViewer, identityKey, markUnauthorized, NoIdentityError, runAsStudio, runWithIdentity, wasUnauthorized } from './identity';

afterEach(() => {
  delete process.env.STUDIO_AUTH;
});

describe('ambient identity', () => {
  it('without sign-in a call with no identity uses the kubeconfig; with sign-in it is refused', () => {
    expect(currentIdentity()).toEqual({ kind: 'kubeconfig' });
    process.env.STUDIO_AUTH = 'proxy';
    expect(() => currentIdentity()).toThrow(NoIdentityError);
  });

  it('runAsStudio: background work acts with the studio credentials and is named as the studio', async () => {
    process.env.STUDIO_AUTH = 'token';
    const seen = await runAsStudio(async () => {
      await new Promise((r) => setTimeout(r, 1));
      return { identity: currentIdentity(), viewer: currentViewer()?.user };
    });
    expect(seen).toEqual({ identity: { kind: 'kubeconfig' }, viewer: 'kube-lua-studio' });
  });

  it('an unauthorized mark stays inside its own request', async () => {
    const a = runWithIdentity({ kind: 'token', token: 'a' }, { user: 'a', groups: [], via: 'token' }, async () => {
      markUnauthorized();
      return wasUnauthorized();
    });
    const b = runWithIdentity({ kind: 'token', token: 'b' }, { user: 'b', groups: [], via: 'token' }, async () => wasUnauthorized());
    expect(await Promise.all([a, b])).toEqual([true, false]);
  });

  it('cache keys never hold the token and do not depend on group order', () => {
    expect(identityKey({ kind: 'token', token: 'secret-token' })).not.toContain('secret-token');
    expect(identityKey({ kind: 'token', token: 'x' })).not.toBe(identityKey({ kind: 'token', token: 'y' }));
    expect(identityKey({ kind: 'impersonate', user: 'u', groups: ['b', 'a'] })).toBe(identityKey({ kind: 'impersonate', user: 'u', groups: ['a', 'b'] }));
    expect(identityKey({ kind: 'impersonate', user: 'u', groups: [] })).not.toBe(identityKey({ kind: 'kubeconfig' }));
  });
});
