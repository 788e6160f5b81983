// The shared watch worker's bookkeeping, without any worker API so tests drive it with fakes: ONE
// EventSource per (context, namespace) for the union of kinds every connected tab wants, every
// message fanned out to the subscriptions that want its kind, and the last state of each kind kept
// so a tab that joins an open stream gets a snapshot at once instead of only later events.
// Backoff is not here: when the stream fails every subscriber gets `error`, and each tab's
// WatchClient reconnects with lib/k8s/backoff.ts exactly as it does with a direct EventSource.
import { parseWatchEvent } from '../sse';
import { reduceWatchEvent } from '../watch-reducer';
import type { EventSourceLike } from '../watch-client';
import type { ListState, StatusEvent } from '../types';
import { parseWatchUrl, watchUrl, type WorkerMessage } from './protocol';

/** One tab's end of the connection (a MessagePort in the worker). */
export interface HubPort {
  post(message: WorkerMessage): void;
}

export interface WatchHubOptions {
  createEventSource: (url: string) => EventSourceLike;
  /** Collects a tab's close+open (navigation, a page mounting lists) into one reopen. */
  debounceMs?: number;
}

interface Subscription {
  port: HubPort;
  id: number;
  stream: Stream;
  kinds: ReadonlySet<string>;
}

interface KindCache {
  list?: ListState;
  status?: StatusEvent;
}

interface Stream {
  key: string;
  context: string;
  namespace: string;
  subs: Set<Subscription>;
  es: EventSourceLike | null;
  openKinds: string;
  open: boolean;
  cache: Map<string, KindCache>;
  timer: ReturnType<typeof setTimeout> | null;
}

export class WatchHub {
  private readonly streams = new Map<string, Stream>();
  private readonly ports = new Map<HubPort, Map<number, Subscription>>();
  private readonly debounceMs: number;

  constructor(private readonly opts: WatchHubOptions) {
    this.debounceMs = opts.debounceMs ?? 20;
  }

  /** A tab opened its EventSourceLike `id` for `url` (an `/api/watch` URL). */
  open(port: HubPort, id: number, url: string): void {
    this.close(port, id);
    const target = parseWatchUrl(url);
    if (!target) {
      port.post({ t: 'error', id });
      return;
    }
    const key = `${target.context}\u0000${target.namespace}`;
    let stream = this.streams.get(key);
    if (!stream) {
      stream = { key, context: target.context, namespace: target.namespace, subs: new Set(), es: null, openKinds: '', open: false, cache: new Map(), timer: null };
      this.streams.set(key, stream);
    }
    const sub: Subscription = { port, id, stream, kinds: new Set(target.kinds) };
    stream.subs.add(sub);
    let mine = this.ports.get(port);
    if (!mine) this.ports.set(port, (mine = new Map()));
    mine.set(id, sub);
    const open = new Set(stream.openKinds ? stream.openKinds.split(',') : []);
    if (stream.es && target.kinds.every((k) => open.has(k))) this.replay(stream, sub);
    this.schedule(stream);
  }

  close(port: HubPort, id: number): void {
    const sub = this.ports.get(port)?.get(id);
    if (!sub) return;
    this.ports.get(port)!.delete(id);
    sub.stream.subs.delete(sub);
    this.schedule(sub.stream);
  }

  /** The tab went away (pagehide, or its Web Lock was released): forget all it subscribed to. */
  dropPort(port: HubPort): void {
    const mine = this.ports.get(port);
    if (!mine) return;
    for (const id of [...mine.keys()]) this.close(port, id);
    this.ports.delete(port);
  }

  /** Kinds the open EventSource of (context, namespace) carries; for tests and debugging. */
  openKinds(context: string, namespace: string): string[] {
    const s = this.streams.get(`${context}\u0000${namespace}`);
    return s?.es && s.openKinds ? s.openKinds.split(',') : [];
  }

  get openStreams(): number {
    return [...this.streams.values()].filter((s) => s.es).length;
  }

  private schedule(s: Stream): void {
    if (s.timer) clearTimeout(s.timer);
    s.timer = setTimeout(() => {
      s.timer = null;
      this.reconcile(s);
    }, this.debounceMs);
  }

  private reconcile(s: Stream): void {
    const kinds = [...new Set([...s.subs].flatMap((sub) => [...sub.kinds]))].sort();
    const wanted = kinds.join(',');
    if (!kinds.length) {
      s.es?.close();
      this.streams.delete(s.key);
      return;
    }
    if (s.es && wanted === s.openKinds) return;
    s.es?.close();
    // The new stream lists every kind again; states of the old one must not be replayed after it.
    s.cache.clear();
    s.open = false;
    const es = this.opts.createEventSource(watchUrl({ context: s.context, namespace: s.namespace, kinds }));
    s.es = es;
    s.openKinds = wanted;
    es.onopen = () => {
      if (s.es !== es) return;
      s.open = true;
      for (const sub of s.subs) sub.port.post({ t: 'open', id: sub.id });
    };
    es.onmessage = (ev: MessageEvent) => {
      if (s.es !== es) return;
      const data = String(ev.data);
      const event = parseWatchEvent(data);
      if (!event) return;
      const c = s.cache.get(event.kind) ?? {};
      if (event.type === 'status') c.status = event;
      else if (event.type === 'snapshot' || c.list) c.list = reduceWatchEvent(c.list, event);
      s.cache.set(event.kind, c);
      for (const sub of s.subs) if (sub.kinds.has(event.kind)) sub.port.post({ t: 'message', id: sub.id, data });
    };
    es.onerror = () => {
      if (s.es !== es) return;
      // Like the direct EventSource: closed here, and every tab backs off and reopens on its own.
      es.close();
      if (s.timer) clearTimeout(s.timer);
      this.streams.delete(s.key);
      for (const sub of s.subs) {
        this.ports.get(sub.port)?.delete(sub.id);
        sub.port.post({ t: 'error', id: sub.id });
      }
      s.subs.clear();
    };
  }

  /** What a tab joining an open stream missed: open, then each kind's current list and last status. */
  private replay(s: Stream, sub: Subscription): void {
    if (s.open) sub.port.post({ t: 'open', id: sub.id });
    for (const kind of sub.kinds) {
      const c = s.cache.get(kind);
      if (c?.list) sub.port.post({ t: 'message', id: sub.id, data: JSON.stringify({ kind, type: 'snapshot', items: c.list.items, resourceVersion: c.list.resourceVersion, ...(c.list.partial ? { more: true } : {}) }) });
      if (c?.status) sub.port.post({ t: 'message', id: sub.id, data: JSON.stringify(c.status) });
    }
  }
}
