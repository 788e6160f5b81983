import { describe, expect, it } from 'vitest';
import { bootCheck } from './boot';

describe('bootCheck', () => {
  it('refuses an exposed studio without STUDIO_AUTH', () => expect(bootCheck({ HOST: '0.0.0.0' }, [])).toMatchObject({ ok: false }));
  it('refuses proxy mode with a malformed trusted proxy', () =>
    expect(bootCheck({ HOST: '0.0.0.0', STUDIO_AUTH: 'proxy', STUDIO_TRUSTED_PROXIES: '10.0.0.0/8, proxy.local' }, [])).toEqual({
      ok: false,
      reason: expect.stringContaining('proxy.local'),
    }));
  it('starts on loopback', () => expect(bootCheck({}, ['node', 'next', 'start', '-H', '127.0.0.1'])).toEqual({ ok: true, warning: null }));
});
