import { describe, expect, it } from 'vitest';
import { checkRequest, hostGuardConfig, isLoopbackHostname, splitHostPort, type GuardRequest } from './host-guard';

const none = hostGuardConfig({});
const get = (host: string | null, extra: Partial<GuardRequest> = {}): GuardRequest => ({ method: 'GET', host, origin: null, serverAction: false, ...extra });
const action = (host: string, origin: string | null): GuardRequest => ({ method: 'POST', host, origin, serverAction: true });

describe('splitHostPort', () => {
  it.each([
    ['127.0.0.1:3000', { hostname: '127.0.0.1', port: '3000' }],
    ['LocalHost', { hostname: 'localhost', port: null }],
    ['[::1]:3000', { hostname: '::1', port: '3000' }],
    ['::1', { hostname: '::1', port: null }],
    ['studio.lan.', { hostname: 'studio.lan', port: null }],
  ])('%s', (value, expected) => expect(splitHostPort(value)).toEqual(expected));

  it.each(['', 'a b', 'evil.example/x', 'user@host', 'host:port', '[::1', 'x:1:y'])('refuses %j', (value) => expect(splitHostPort(value)).toBeNull());
});

describe('isLoopbackHostname', () => {
  it.each(['localhost', 'localhost.', '127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'])('%s is loopback', (h) => expect(isLoopbackHostname(h)).toBe(true));
  it.each(['evil.example', 'localhost.evil.example', '127.0.0.1.evil.example', '128.0.0.1', '127.0.0.256', '0.0.0.0', '192.168.1.5', '::'])('%s is not', (h) => expect(isLoopbackHostname(h)).toBe(false));
});

describe('checkRequest: Host', () => {
  it.each(['127.0.0.1:3199', 'localhost:3000', 'localhost', '[::1]:3000', '127.0.0.2'])('accepts loopback %s on any route', (host) => {
    expect(checkRequest(get(host), none)).toEqual({ ok: true });
  });

  it('refuses a foreign Host with 421 and says how to allow it', () => {
    const v = checkRequest(get('evil.example:3000'), none);
    expect(v).toMatchObject({ ok: false, status: 421 });
    expect(!v.ok && v.message).toMatch(/^Host evil\.example:3000 is not allowed: .*set STUDIO_ALLOWED_HOSTS/);
  });

  it('refuses a missing or malformed Host', () => {
    expect(checkRequest(get(null), none)).toMatchObject({ ok: false, status: 421, message: expect.stringMatching(/^A request without a Host header/) });
    expect(checkRequest(get('evil.example:3000@127.0.0.1'), none)).toMatchObject({ ok: false, status: 421 });
  });

  it('never echoes control characters', () => {
    const v = checkRequest(get('evil\r\n.example'), none);
    expect(!v.ok && v.message).not.toMatch(/\r/);
  });

  it('accepts listed hosts, with or without a port', () => {
    const cfg = hostGuardConfig({ STUDIO_ALLOWED_HOSTS: ' studio.lan , 10.0.0.5:8080,[fd00::1]:3000' });
    expect(checkRequest(get('studio.lan:3000'), cfg)).toEqual({ ok: true });
    expect(checkRequest(get('STUDIO.LAN'), cfg)).toEqual({ ok: true });
    expect(checkRequest(get('10.0.0.5:8080'), cfg)).toEqual({ ok: true });
    expect(checkRequest(get('10.0.0.5:3000'), cfg)).toMatchObject({ ok: false, status: 421 });
    expect(checkRequest(get('[fd00::1]:3000'), cfg)).toEqual({ ok: true });
    expect(checkRequest(get('sub.studio.lan'), cfg)).toMatchObject({ ok: false });
  });

  it('allows a concrete HOST bind address, not a wildcard one', () => {
    expect(checkRequest(get('192.168.1.5:3000'), hostGuardConfig({ HOST: '192.168.1.5' }))).toEqual({ ok: true });
    expect(checkRequest(get('[fd00::2]:3000'), hostGuardConfig({ HOST: 'fd00::2' }))).toEqual({ ok: true });
    expect(checkRequest(get('192.168.1.5:3000'), hostGuardConfig({ HOST: '0.0.0.0' }))).toMatchObject({ ok: false, status: 421 });
    expect(checkRequest(get('192.168.1.5:3000'), hostGuardConfig({ HOST: '::' }))).toMatchObject({ ok: false, status: 421 });
    expect(checkRequest(get('evil.example:3000'), hostGuardConfig({ HOST: '127.0.0.1' }))).toMatchObject({ ok: false, status: 421 });
  });
});

describe('checkRequest: Origin', () => {
  it('accepts a server action from the same origin', () => {
    expect(checkRequest(action('127.0.0.1:3199', 'http://127.0.0.1:3199'), none)).toEqual({ ok: true });
    expect(checkRequest(action('localhost', 'http://localhost'), none)).toEqual({ ok: true });
  });

  it('refuses a server action from another origin, even another local port', () => {
    for (const origin of ['http://evil.example', 'http://127.0.0.1:5173', 'http://localhost:3199', 'null', 'file://', 'garbage']) {
      const v = checkRequest(action('127.0.0.1:3199', origin), none);
      expect(v, origin).toMatchObject({ ok: false, status: 403 });
    }
    const v = checkRequest(action('127.0.0.1:3199', 'http://evil.example'), none);
    expect(!v.ok && v.message).toMatch(/^Cross-origin server action refused: Origin http:\/\/evil\.example is not this studio \(127\.0\.0\.1:3199\)/);
  });

  it('refuses a server action without Origin', () => {
    expect(checkRequest(action('127.0.0.1:3199', null), none)).toMatchObject({ ok: false, status: 403, message: expect.stringMatching(/no Origin header/) });
  });

  it('accepts an allowed origin', () => {
    const cfg = hostGuardConfig({ STUDIO_ALLOWED_HOSTS: 'studio.lan:3000' });
    expect(checkRequest(action('127.0.0.1:3199', 'http://studio.lan:3000'), cfg)).toEqual({ ok: true });
    expect(checkRequest(action('studio.lan:3000', 'https://studio.lan:3000'), cfg)).toEqual({ ok: true });
  });

  it('refuses other cross-origin writes but lets tools without Origin post', () => {
    expect(checkRequest({ method: 'POST', host: '127.0.0.1:3199', origin: 'http://evil.example', serverAction: false }, none)).toMatchObject({ ok: false, status: 403 });
    expect(checkRequest({ method: 'POST', host: '127.0.0.1:3199', origin: null, serverAction: false }, none)).toEqual({ ok: true });
    expect(checkRequest(get('127.0.0.1:3199', { origin: 'http://evil.example' }), none)).toEqual({ ok: true });
  });
});
