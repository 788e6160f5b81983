import { describe, expect, it } from 'vitest';
import { authStartupDecision, bindsLoopbackOnly } from './startup-check.mjs';

describe('bindsLoopbackOnly', () => {
  it.each(['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.0.2'])('%s is loopback', (h) => expect(bindsLoopbackOnly(h)).toBe(true));
  it.each(['', undefined, '0.0.0.0', '::', '10.0.0.5', 'studio.example'])('%s is not', (h) => expect(bindsLoopbackOnly(h)).toBe(false));
});

describe('authStartupDecision', () => {
  it('defaults to none on loopback', () => expect(authStartupDecision({ HOST: '127.0.0.1' })).toEqual({ ok: true, mode: 'none', warning: null }));
  it('refuses a non-loopback HOST without STUDIO_AUTH, saying why', () => {
    const d = authStartupDecision({ HOST: '0.0.0.0' });
    expect(d.ok).toBe(false);
    expect(!d.ok && d.reason).toMatch(/Refusing to start: HOST=0\.0\.0\.0 .*STUDIO_AUTH=token/);
  });
  it('refuses an unset HOST (next start binds every interface)', () => expect(authStartupDecision({}).ok).toBe(false));
  it('warns loudly for an explicit none on a non-loopback HOST', () => {
    const d = authStartupDecision({ HOST: '0.0.0.0', STUDIO_AUTH: 'none' });
    expect(d).toMatchObject({ ok: true, mode: 'none' });
    expect(d.ok && d.warning).toMatch(/^WARNING: STUDIO_AUTH=none/);
  });
  it('accepts token anywhere', () => expect(authStartupDecision({ HOST: '0.0.0.0', STUDIO_AUTH: 'Token' })).toEqual({ ok: true, mode: 'token', warning: null }));
  it('refuses proxy without trusted proxies', () => expect(authStartupDecision({ HOST: '0.0.0.0', STUDIO_AUTH: 'proxy' }).ok).toBe(false));
  it('accepts proxy with trusted proxies', () => expect(authStartupDecision({ HOST: '0.0.0.0', STUDIO_AUTH: 'proxy', STUDIO_TRUSTED_PROXIES: '10.0.0.0/8' })).toMatchObject({ ok: true, mode: 'proxy' }));
  it('reads the bind address from `next start -H` when HOST is unset', () => {
    expect(authStartupDecision({}, ['node', 'next', 'start', '-H', '127.0.0.1']).ok).toBe(true);
    expect(authStartupDecision({}, ['node', 'next', 'start', '--hostname=0.0.0.0']).ok).toBe(false);
  });
  it('refuses an unknown mode', () => expect(authStartupDecision({ HOST: '127.0.0.1', STUDIO_AUTH: 'oidc' })).toMatchObject({ ok: false }));
});
