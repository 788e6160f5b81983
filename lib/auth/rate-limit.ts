// Sign-in failures per client address: after `max` failures within `windowMs` further attempts are
// refused (429) until the oldest failure leaves the window. A success clears the address. Pure.
export interface RateLimitOptions {
  max: number;
  windowMs: number;
  now?: () => number;
  /** Addresses tracked at most (memory bound against address-spraying). */
  maxKeys?: number;
}

export type RateVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

export class FailureRateLimit {
  private readonly failures = new Map<string, number[]>();
  private readonly now: () => number;

  constructor(private readonly opts: RateLimitOptions) {
    this.now = opts.now ?? Date.now;
  }

  check(key: string): RateVerdict {
    const recent = this.recent(key);
    if (recent.length < this.opts.max) return { ok: true };
    const retryMs = recent[0] + this.opts.windowMs - this.now();
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(retryMs / 1000)) };
  }

  fail(key: string): void {
    const recent = this.recent(key);
    recent.push(this.now());
    this.failures.delete(key);
    this.failures.set(key, recent);
    const max = this.opts.maxKeys ?? 10_000;
    while (this.failures.size > max) this.failures.delete(this.failures.keys().next().value!);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.opts.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }
}
