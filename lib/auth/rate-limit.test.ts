import { describe, expect, it } from 'vitest';
import { FailureRateLimit } from './rate-limit';

describe('FailureRateLimit', () => {
  it('allows 5 failures a minute, then answers with the wait', () => {
    const now = { t: 0 };
    const rl = new FailureRateLimit({ max: 5, windowMs: 60_000, now: () => now.t });
    for (let i = 0; i < 5; i++) {
      expect(rl.check('1.2.3.4')).toEqual({ ok: true });
      rl.fail('1.2.3.4');
      now.t += 1_000;
    }
    expect(rl.check('1.2.3.4')).toEqual({ ok: false, retryAfterSeconds: 55 });
    expect(rl.check('5.6.7.8')).toEqual({ ok: true });
    now.t = 60_001;
    expect(rl.check('1.2.3.4')).toEqual({ ok: true });
  });
  it('a success clears the address', () => {
    const rl = new FailureRateLimit({ max: 2, windowMs: 60_000 });
    rl.fail('a');
    rl.fail('a');
    expect(rl.check('a').ok).toBe(false);
    rl.succeed('a');
    expect(rl.check('a').ok).toBe(true);
  });
  it('bounds the addresses it remembers', () => {
    const rl = new FailureRateLimit({ max: 1, windowMs: 60_000, maxKeys: 2 });
    rl.fail('a');
    rl.fail('b');
    rl.fail('c');
    expect(rl.check('a').ok).toBe(true);
    expect(rl.check('c').ok).toBe(false);
  });
});
