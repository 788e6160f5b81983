// Reconnect backoff shared by the server's watch loops (watch-stream.ts) and the browser's
// EventSource (watch-client.ts). Pure: no server-only or browser API.

export interface Backoff {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 500, maxMs: 10_000 };

/** Exponential backoff (attempt 1 waits `initialMs`) with ±20 % jitter so many tabs do not reconnect in lockstep. */
export function backoffDelay(attempt: number, { initialMs, maxMs }: Backoff = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const base = Math.min(maxMs, initialMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(Math.min(maxMs, base * (0.8 + 0.4 * random())));
}
