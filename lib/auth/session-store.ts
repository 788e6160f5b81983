// Server-side sessions: the browser holds only an opaque 256-bit random id; the token and the user
// stay here. Idle and absolute expiry; deleting an id (sign-out) makes it unknown for good, so a
// replayed cookie is refused like a forged one. Pure apart from the random source (injectable).
import { randomBytes } from 'node:crypto';
import type { ClusterIdentity, Viewer } from '@/lib/k8s/identity';
import type { SessionLimits } from './config';

export interface Session {
  id: string;
  identity: ClusterIdentity;
  viewer: Viewer;
  /** the API server the token was validated against: the token is never sent to another cluster */
  server?: string;
  createdAt: number;
  lastSeenAt: number;
  /** aborted when the session ends (sign-out, expiry, eviction): open watch streams close with it */
  ended: AbortController;
}

export interface SessionStoreOptions {
  limits: () => SessionLimits;
  now?: () => number;
  randomId?: () => string;
  /** Beyond this many live sessions the least recently used one is dropped (memory bound). */
  maxSessions?: number;
  /** Called once when a session ends (sign-out, expiry, revoked token, eviction). */
  onEnd?: (session: Session) => void;
}

const ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly now: () => number;
  private readonly randomId: () => string;

  constructor(private readonly opts: SessionStoreOptions) {
    this.now = opts.now ?? Date.now;
    this.randomId = opts.randomId ?? (() => randomBytes(32).toString('base64url'));
  }

  create(identity: ClusterIdentity, viewer: Viewer, server?: string): Session {
    this.sweep();
    const t = this.now();
    const session: Session = { id: this.randomId(), identity, viewer, server, createdAt: t, lastSeenAt: t, ended: new AbortController() };
    this.sessions.set(session.id, session);
    const max = this.opts.maxSessions ?? 10_000;
    while (this.sessions.size > max) this.end(this.sessions.keys().next().value!);
    return session;
  }

  /** The live session for this id, its idle clock restarted; null for unknown, ended or expired ids. */
  touch(id: string | undefined | null): Session | null {
    if (!id || !ID_PATTERN.test(id)) return null;
    const s = this.sessions.get(id);
    if (!s) return null;
    const t = this.now();
    if (this.expired(s, t)) {
      this.end(id);
      return null;
    }
    s.lastSeenAt = t;
    // re-insert: Map order is then least-recently-used first
    this.sessions.delete(id);
    this.sessions.set(id, s);
    return s;
  }

  end(id: string | undefined | null): boolean {
    const s = id ? this.sessions.get(id) : undefined;
    if (!s) return false;
    this.sessions.delete(s.id);
    s.ended.abort();
    this.opts.onEnd?.(s);
    return true;
  }

  get size(): number {
    return this.sessions.size;
  }

  private expired(s: Session, t: number): boolean {
    const { idleMs, maxMs } = this.opts.limits();
    return t - s.lastSeenAt >= idleMs || t - s.createdAt >= maxMs;
  }

  private sweep(): void {
    const t = this.now();
    for (const [id, s] of this.sessions) if (this.expired(s, t)) this.end(id);
  }
}
