// Test helper: pulls protocol events from the stream generator or an SSE Response body, waiting for
// one that matches. Lives under lib/k8s so the integration tests of this folder can share it.
import { decodeEvents, parseWatchEvent } from '../sse';
import type { WatchEvent } from '../types';

export class EventReader {
  readonly seen: WatchEvent[] = [];
  private pending: Promise<IteratorResult<WatchEvent>> | undefined;

  constructor(private readonly source: AsyncIterator<WatchEvent>) {}

  static fromResponse(res: Response): EventReader {
    const body = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    async function* events(): AsyncGenerator<WatchEvent> {
      let buffer = '';
      for (;;) {
        const { value, done } = await body.read();
        if (done) return;
        const { data, rest } = decodeEvents(buffer + value);
        buffer = rest;
        for (const d of data) {
          const e = parseWatchEvent(d);
          if (e) yield e;
        }
      }
    }
    return new EventReader(events());
  }

  /** Waits until every predicate matched one event, in any order (parallel kinds race each other). */
  async all(preds: ((e: WatchEvent) => boolean)[], timeoutMs = 5000): Promise<WatchEvent[]> {
    const found: (WatchEvent | undefined)[] = preds.map(() => undefined);
    const deadline = Date.now() + timeoutMs;
    while (found.some((f) => !f)) {
      const e = await this.next((ev) => preds.some((p, i) => !found[i] && p(ev)), Math.max(1, deadline - Date.now()), 'all events');
      const i = preds.findIndex((p, j) => !found[j] && p(e));
      found[i] = e;
    }
    return found as WatchEvent[];
  }

  /** Resolves with the first event (from now on) matching `pred`; rejects after `timeoutMs`. */
  async next(pred: (e: WatchEvent) => boolean, timeoutMs = 5000, what = 'event'): Promise<WatchEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; saw ${JSON.stringify(this.seen.slice(-8).map(brief))}`);
      this.pending ??= this.source.next();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const r = await Promise.race([
        this.pending,
        new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), left))),
      ]);
      clearTimeout(timer);
      if (r === 'timeout') continue;
      this.pending = undefined;
      if (r.done) throw new Error(`stream ended while waiting for ${what}`);
      this.seen.push(r.value);
      if (pred(r.value)) return r.value;
    }
  }
}

function brief(e: WatchEvent): string {
  if (e.type === 'snapshot') return `${e.kind} snapshot(${e.items.length})@${e.resourceVersion}`;
  if (e.type === 'status') return `${e.kind} ${e.state}${e.reason ? ` (${e.reason})` : ''}`;
  return `${e.kind} ${e.type} ${e.object.metadata.name}`;
}
