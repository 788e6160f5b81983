// The proxy as Next calls it: a NextRequest in, a refusal or NextResponse.next() out.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';
import { authState } from './lib/auth/state';
import { proxy } from './proxy';

function call(url: string, headers: Record<string, string>, method = 'GET'): Response {
  return proxy(new NextRequest(url, { method, headers }));
}
const passes = (r: Response) => r.headers.get('x-middleware-next') === '1';

// The studio as `npm start` runs it on loopback (the sign-in gate reads HOST and STUDIO_AUTH).
beforeEach(() => {
  process.env.HOST = '127.0.0.1';
});
afterEach(() => {
  for (const k of ['STUDIO_ALLOWED_HOSTS', 'HOST', 'STUDIO_AUTH', 'STUDIO_TRUSTED_PROXIES', 'STUDIO_PROXY_USER_HEADER']) delete process.env[k];
});

describe('proxy', () => {
  it('refuses /api/cluster under a foreign Host with a plain-text 421', async () => {
    const r = call('http://127.0.0.1:3000/api/cluster', { host: 'evil.example:3000' });
    expect(r.status).toBe(421);
    expect(r.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await r.text()).toMatch(/^Host evil\.example:3000 is not allowed: .*STUDIO_ALLOWED_HOSTS/);
  });

  it('lets loopback requests through', () => {
    expect(passes(call('http://127.0.0.1:3000/api/cluster', { host: '127.0.0.1:3000' }))).toBe(true);
    expect(passes(call('http://localhost:3000/pods', { host: 'localhost:3000' }))).toBe(true);
  });

  it('reads STUDIO_ALLOWED_HOSTS at request time', () => {
    expect(call('http://127.0.0.1:3000/pods', { host: 'studio.lan:3000' }).status).toBe(421);
    process.env.STUDIO_ALLOWED_HOSTS = 'studio.lan';
    expect(passes(call('http://127.0.0.1:3000/pods', { host: 'studio.lan:3000' }))).toBe(true);
  });

  it('refuses server actions that are cross-origin or carry no Origin', () => {
    const base = { host: '127.0.0.1:3000', 'next-action': 'abc123', 'content-type': 'text/plain;charset=UTF-8' };
    expect(call('http://127.0.0.1:3000/settings', { ...base, origin: 'http://evil.example' }, 'POST').status).toBe(403);
    expect(call('http://127.0.0.1:3000/settings', base, 'POST').status).toBe(403);
    expect(passes(call('http://127.0.0.1:3000/settings', { ...base, origin: 'http://127.0.0.1:3000' }, 'POST'))).toBe(true);
  });

  it('treats a form POST to a page as a server action (no-JS forms carry no Next-Action)', () => {
    expect(call('http://127.0.0.1:3000/settings', { host: '127.0.0.1:3000', 'content-type': 'multipart/form-data; boundary=x' }, 'POST').status).toBe(403);
    expect(passes(call('http://127.0.0.1:3000/api/kube', { host: '127.0.0.1:3000', 'content-type': 'application/json' }, 'POST'))).toBe(true);
  });
});

describe('proxy: sign-in gate (STUDIO_AUTH=token)', () => {
  const host = { host: '127.0.0.1:3000' };
  beforeEach(() => {
    process.env.STUDIO_AUTH = 'token';
  });
  const viewer = { user: 'alice', groups: [], via: 'token' as const };

  it('sends pages without a session to sign-in, keeping the path', () => {
    const r = call('http://127.0.0.1:3000/rollouts?ns=shop', host);
    expect(r.status).toBe(307);
    expect(r.headers.get('location')).toBe('http://127.0.0.1:3000/sign-in?next=%2Frollouts%3Fns%3Dshop');
  });

  it('answers /api/* and server actions without a session with 401 JSON', async () => {
    const api = call('http://127.0.0.1:3000/api/cluster', host);
    expect(api.status).toBe(401);
    expect(await api.json()).toMatchObject({ signedOut: true });
    const action = call('http://127.0.0.1:3000/plugins', { ...host, origin: 'http://127.0.0.1:3000', 'next-action': 'abc' }, 'POST');
    expect(action.status).toBe(401);
  });

  it('lets the sign-in page, the health probe and static files through', () => {
    for (const p of ['/sign-in', '/api/healthz', '/_next/static/chunks/main.js']) expect(passes(call(`http://127.0.0.1:3000${p}`, host))).toBe(true);
  });

  it('passes a live session, and refuses it once ended or forged', () => {
    const { sessions } = authState();
    const s = sessions.create({ kind: 'token', token: 'secret' }, viewer);
    const cookie = { ...host, cookie: `kls_session=${s.id}` };
    expect(passes(call('http://127.0.0.1:3000/api/cluster', cookie))).toBe(true);
    sessions.end(s.id);
    expect(call('http://127.0.0.1:3000/api/cluster', cookie).status).toBe(401);
    expect(call('http://127.0.0.1:3000/api/cluster', { ...host, cookie: `kls_session=${'x'.repeat(43)}` }).status).toBe(401);
  });
});

describe('proxy: trusted proxy headers (STUDIO_AUTH=proxy)', () => {
  beforeEach(() => {
    process.env.STUDIO_AUTH = 'proxy';
    process.env.STUDIO_TRUSTED_PROXIES = '10.0.0.0/24';
  });
  const req = (address: string, extra: Record<string, string> = {}) => ({ host: '127.0.0.1:3000', 'x-kls-remote-address': address, ...extra });

  it('trusts the user header from a configured proxy address', () => {
    expect(passes(call('http://127.0.0.1:3000/pods', req('10.0.0.9', { 'x-forwarded-user': 'alice', 'x-forwarded-groups': 'dev' })))).toBe(true);
    expect(call('http://127.0.0.1:3000/pods', req('10.0.0.9')).status).toBe(401);
  });

  it('ignores the headers from any other address, and logs that once per address', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (let i = 0; i < 2; i++) expect(call('http://127.0.0.1:3000/pods', req('192.0.2.7', { 'x-forwarded-user': 'admin' })).status).toBe(401);
    expect(warn.mock.calls.filter((c) => String(c[0]).includes('192.0.2.7'))).toHaveLength(1);
    warn.mockRestore();
  });

  it('honours a configured header name', () => {
    process.env.STUDIO_PROXY_USER_HEADER = 'X-Auth-Request-User';
    expect(passes(call('http://127.0.0.1:3000/pods', req('10.0.0.9', { 'x-auth-request-user': 'bob' })))).toBe(true);
    expect(call('http://127.0.0.1:3000/pods', req('10.0.0.9', { 'x-forwarded-user': 'bob' })).status).toBe(401);
  });
});
