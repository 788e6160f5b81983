import { describe, expect, it } from 'vitest';
import { SessionStore } from './session-store';

const viewer = { user: 'alice', groups: [], via: 'token' as const };
const identity = { kind: 'token' as const, token: 't' };

function store(now: { t: number }, limits = { idleMs: 30 * 60_000, maxMs: 12 * 3_600_000 }) {
  return new SessionStore({ limits: () => limits, now: () => now.t });
}

describe('SessionStore', () => {
  it('issues opaque 256-bit ids and finds them again', () => {
    const now = { t: 0 };
    const s = store(now);
    const a = s.create(identity, viewer);
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.id, 'base64url')).toHaveLength(32);
    expect(s.create(identity, viewer).id).not.toBe(a.id);
    expect(s.touch(a.id)?.viewer.user).toBe('alice');
  });
  it('refuses forged and malformed ids', () => {
    const s = store({ t: 0 });
    s.create(identity, viewer);
    expect(s.touch('A'.repeat(43))).toBeNull();
    expect(s.touch('not an id')).toBeNull();
    expect(s.touch(undefined)).toBeNull();
  });
  it('expires after the idle time, and activity restarts the idle clock', () => {
    const now = { t: 0 };
    const s = store(now);
    const a = s.create(identity, viewer);
    now.t = 29 * 60_000;
    expect(s.touch(a.id)).not.toBeNull();
    now.t += 29 * 60_000;
    expect(s.touch(a.id)).not.toBeNull();
    now.t += 30 * 60_000;
    expect(s.touch(a.id)).toBeNull();
    now.t += 1;
    expect(s.touch(a.id)).toBeNull();
  });
  it('expires at the absolute limit however active', () => {
    const now = { t: 0 };
    const s = store(now, { idleMs: 60_000, maxMs: 5 * 60_000 });
    const a = s.create(identity, viewer);
    for (let i = 0; i < 4; i++) {
      now.t += 50_000;
      expect(s.touch(a.id)).not.toBeNull();
    }
    now.t = 5 * 60_000;
    expect(s.touch(a.id)).toBeNull();
  });
  it('refuses an id replayed after sign-out, and signals the end', () => {
    const s = store({ t: 0 });
    const a = s.create(identity, viewer);
    expect(a.ended.signal.aborted).toBe(false);
    expect(s.end(a.id)).toBe(true);
    expect(a.ended.signal.aborted).toBe(true);
    expect(s.touch(a.id)).toBeNull();
    expect(s.end(a.id)).toBe(false);
  });
  it('tells its owner once when a session ends, expired or signed out (the client cache forgets its token)', () => {
    const now = { t: 0 };
    const ended: string[] = [];
    const s = new SessionStore({ limits: () => ({ idleMs: 1000, maxMs: 1e9 }), now: () => now.t, onEnd: (x) => ended.push(x.id) });
    const a = s.create(identity, viewer);
    const b = s.create(identity, viewer);
    s.end(a.id);
    s.end(a.id);
    now.t = 2000;
    expect(s.touch(b.id)).toBeNull();
    expect(ended).toEqual([a.id, b.id]);
  });
  it('drops the least recently used session beyond the bound', () => {
    const s = new SessionStore({ limits: () => ({ idleMs: 1e9, maxMs: 1e9 }), maxSessions: 2 });
    const a = s.create(identity, viewer);
    const b = s.create(identity, viewer);
    s.touch(a.id);
    s.create(identity, viewer);
    expect(s.touch(b.id)).toBeNull();
    expect(s.touch(a.id)).not.toBeNull();
  });
});
