// The proxy as Next calls it: a NextRequest in, a refusal or NextResponse.next() out.
import { afterEach, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { proxy } from './proxy';

function call(url: string, headers: Record<string, string>, method = 'GET'): Response {
  return proxy(new NextRequest(url, { method, headers }));
}
const passes = (r: Response) => r.headers.get('x-middleware-next') === '1';

afterEach(() => {
  delete process.env.STUDIO_ALLOWED_HOSTS;
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
