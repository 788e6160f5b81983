// Browser side of the watch protocol without React: keeps ONE EventSource per (context, namespace)
// for the union of kinds that mounted lists subscribe to, and folds every event into the TanStack
// Query cache with the pure reducer. The provider owns one instance and hands it an EventSource
// factory backed by the shared watch worker (shared-watch/), so tabs share one stream; tests drive
// it with a fake EventSource. Events are batched per animation frame: a burst of 1,000 pod changes
// is one cache update (one render), not 1,000.
import type { QueryClient } from '@tanstack/react-query';
import { reduceWatchEvent, reduceWatchEvents, EMPTY_LIST } from './watch-reducer';
import { parseWatchEvent } from './sse';
import { backoffDelay, DEFAULT_BACKOFF, type Backoff } from './backoff';
import { watchUrl } from './shared-watch/protocol';
import type { ListState, ListStateName, WatchEvent } from './types';
import { msg, type Msg } from '@/lib/i18n/message';

/** The English of shell.connection.lost (watch-client.test.ts keeps the two equal). */
export const LOST = 'Lost the live connection to the studio server';

export const kubeQueryKey = (context: string, namespace: string, kind: string) => ['kube', context, namespace, kind] as const;

export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((this: EventSourceLike, ev: Event) => unknown) | null;
  onmessage: ((this: EventSourceLike, ev: MessageEvent) => unknown) | null;
  onerror: ((this: EventSourceLike, ev: Event) => unknown) | null;
  close(): void;
}

export interface WatchClientOptions {
  createEventSource?: (url: string) => EventSourceLike;
  /** Collects mount/unmount bursts (a page rendering many lists) into one reconnect. */
  debounceMs?: number;
  backoff?: Backoff;
  random?: () => number;
  /**
   * Runs `flush` once for the events queued since the last one (default: the next animation frame,
   * or 100 ms when the tab is hidden and frames stop; synchronous where there are no frames).
   */
  scheduleFlush?: ((flush: () => void) => void) | null;
}

export interface ConnectionState {
  state: 'connected' | 'reconnecting' | 'error' | 'idle';
  reason?: string;
  /** `reason` in the reader's language, when the studio wrote it */
  reasonMsg?: Msg;
}

interface Stream {
  context: string;
  namespace: string;
  refs: Map<string, number>;
  /** Sorted kinds of the open EventSource, joined by commas. */
  openKinds: string;
  es: EventSourceLike | null;
  timer: ReturnType<typeof setTimeout> | null;
  attempt: number;
  down: { reason: string; retryInMs: number } | null;
  kindStates: Map<string, { state: ListStateName; reason?: string; reasonMsg?: Msg; scope?: 'kind' }>;
  /** Events received but not yet folded into the cache, per kind, in order. */
  pending: Map<string, WatchEvent[]>;
  flushScheduled: boolean;
}

function frameScheduler(): ((flush: () => void) => void) | null {
  if (typeof requestAnimationFrame !== 'function') return null;
  return (flush) => {
    let done = false;
    const run = () => {
      if (done) return;
      done = true;
      flush();
    };
    requestAnimationFrame(run);
    setTimeout(run, 100);
  };
}

export class WatchClient {
  private readonly streams = new Map<string, Stream>();
  private readonly listeners = new Set<() => void>();
  private connection: ConnectionState = { state: 'idle' };
  private readonly opts: Required<Omit<WatchClientOptions, 'scheduleFlush'>>;
  private readonly scheduleFlush: ((flush: () => void) => void) | null;

  constructor(
    private readonly queryClient: QueryClient,
    opts: WatchClientOptions = {},
  ) {
    this.opts = {
      createEventSource: opts.createEventSource ?? ((url) => new EventSource(url) as unknown as EventSourceLike),
      debounceMs: opts.debounceMs ?? 50,
      backoff: opts.backoff ?? DEFAULT_BACKOFF,
      random: opts.random ?? Math.random,
    };
    this.scheduleFlush = opts.scheduleFlush === undefined ? frameScheduler() : opts.scheduleFlush;
  }

  /** Registers interest in one kind; returns the matching unsubscribe. */
  subscribe(context: string, namespace: string, kind: string): () => void {
    const id = `${context}\u0000${namespace}`;
    let s = this.streams.get(id);
    if (!s) {
      s = { context, namespace, refs: new Map(), openKinds: '', es: null, timer: null, attempt: 0, down: null, kindStates: new Map(), pending: new Map(), flushScheduled: false };
      this.streams.set(id, s);
    }
    const stream = s;
    stream.refs.set(kind, (stream.refs.get(kind) ?? 0) + 1);
    this.schedule(stream, this.opts.debounceMs);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const n = (stream.refs.get(kind) ?? 1) - 1;
      if (n > 0) stream.refs.set(kind, n);
      else stream.refs.delete(kind);
      this.schedule(stream, this.opts.debounceMs);
    };
  }

  /** Closes everything (provider unmount, context switch). */
  dispose(): void {
    for (const s of this.streams.values()) this.closeStream(s);
    this.streams.clear();
    this.updateConnection();
  }

  getConnection = (): ConnectionState => this.connection;

  onConnectionChange = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  /** Kinds the open stream of (context, namespace) carries; for tests and debugging. */
  openKinds(context: string, namespace: string): string[] {
    const s = this.streams.get(`${context}\u0000${namespace}`);
    return s?.es && s.openKinds ? s.openKinds.split(',') : [];
  }

  private schedule(s: Stream, ms: number): void {
    if (s.timer) clearTimeout(s.timer);
    s.timer = setTimeout(() => {
      s.timer = null;
      this.reconcile(s);
    }, ms);
  }

  private reconcile(s: Stream): void {
    const kinds = [...s.refs.keys()].sort();
    const wanted = kinds.join(',');
    if (!kinds.length) {
      this.closeStream(s);
      this.streams.delete(`${s.context}\u0000${s.namespace}`);
      this.updateConnection();
      return;
    }
    if (s.es && wanted === s.openKinds) return;
    const before = new Set(s.openKinds ? s.openKinds.split(',') : []);
    s.es?.close();
    s.es = null;
    for (const k of [...s.kindStates.keys()]) if (!s.refs.has(k)) s.kindStates.delete(k);
    for (const k of kinds) {
      // A kind that joins the stream has no live data yet, even if the cache still holds old items.
      if (!before.has(k)) this.update(s, k, (prev) => (prev && prev.state === 'loading' ? prev : { ...(prev ?? EMPTY_LIST), state: 'loading', reason: undefined, retryInMs: undefined }));
    }
    this.open(s, kinds);
  }

  private open(s: Stream, kinds: string[]): void {
    const es = this.opts.createEventSource(watchUrl({ context: s.context, namespace: s.namespace, kinds }));
    s.es = es;
    s.openKinds = kinds.join(',');
    es.onopen = () => {
      if (s.es !== es) return;
      s.attempt = 0;
      s.down = null;
      this.updateConnection();
    };
    es.onmessage = (ev: MessageEvent) => {
      if (s.es !== es) return;
      const event = parseWatchEvent(String(ev.data));
      if (!event || !s.refs.has(event.kind)) return;
      if (event.type === 'status') s.kindStates.set(event.kind, { state: event.state, reason: event.reason, reasonMsg: event.reasonMsg, scope: event.scope });
      else if (event.type === 'snapshot') s.kindStates.set(event.kind, { state: 'live' });
      this.enqueue(s, event);
      if (event.type === 'status' || event.type === 'snapshot') this.updateConnection();
    };
    es.onerror = () => {
      if (s.es !== es) return;
      // The browser's own retry has a fixed delay and gives up on HTTP errors; back off ourselves.
      es.close();
      s.es = null;
      s.attempt++;
      const retryInMs = backoffDelay(s.attempt, this.opts.backoff, this.opts.random);
      const reason = LOST;
      const reasonMsg = msg('shell.connection.lost');
      s.down = { reason, retryInMs };
      for (const k of kinds) {
        s.kindStates.set(k, { state: 'reconnecting', reason, reasonMsg });
        this.update(s, k, (prev) => reduceWatchEvent(prev, { kind: k, type: 'status', state: 'reconnecting', reason, reasonMsg, retryInMs, attempt: s.attempt }));
      }
      this.updateConnection();
      if (s.timer) clearTimeout(s.timer);
      s.timer = setTimeout(() => {
        s.timer = null;
        const now = [...s.refs.keys()].sort();
        if (now.length) this.open(s, now);
        else this.reconcile(s);
      }, retryInMs);
    };
  }

  private update(s: Stream, kind: string, fn: (prev: ListState | undefined) => ListState): void {
    this.flushKind(s, kind);
    this.queryClient.setQueryData<ListState>(kubeQueryKey(s.context, s.namespace, kind), fn);
  }

  private enqueue(s: Stream, event: WatchEvent): void {
    if (!this.scheduleFlush) {
      this.queryClient.setQueryData<ListState>(kubeQueryKey(s.context, s.namespace, event.kind), (prev) => reduceWatchEvent(prev, event));
      return;
    }
    const queue = s.pending.get(event.kind);
    if (queue) queue.push(event);
    else s.pending.set(event.kind, [event]);
    if (s.flushScheduled) return;
    s.flushScheduled = true;
    this.scheduleFlush(() => {
      s.flushScheduled = false;
      for (const kind of [...s.pending.keys()]) this.flushKind(s, kind);
    });
  }

  private flushKind(s: Stream, kind: string): void {
    const events = s.pending.get(kind);
    if (!events) return;
    s.pending.delete(kind);
    // A stream closed meanwhile (context switch, dispose) must not write its last events.
    if (this.streams.get(`${s.context}\u0000${s.namespace}`) !== s) return;
    this.queryClient.setQueryData<ListState>(kubeQueryKey(s.context, s.namespace, kind), (prev) => reduceWatchEvents(prev, events));
  }

  private closeStream(s: Stream): void {
    if (s.timer) clearTimeout(s.timer);
    s.timer = null;
    s.es?.close();
    s.es = null;
    s.openKinds = '';
  }

  private updateConnection(): void {
    const next = deriveConnection([...this.streams.values()]);
    if (next.state === this.connection.state && next.reason === this.connection.reason) return;
    this.connection = next;
    this.listeners.forEach((l) => l());
  }
}

function withMsg(c: ConnectionState, reasonMsg: Msg | undefined): ConnectionState {
  return reasonMsg ? { ...c, reasonMsg } : c;
}

function deriveConnection(streams: Stream[]): ConnectionState {
  const active = streams.filter((s) => s.refs.size > 0);
  if (!active.length) return { state: 'idle' };
  const down = active.find((s) => s.down);
  if (down?.down) {
    const seconds = Math.ceil(down.down.retryInMs / 1000);
    return { state: 'reconnecting', reason: `${down.down.reason}; retrying in ${seconds} s`, reasonMsg: msg('shell.connection.lostRetrying', { seconds }) };
  }
  const states = active.flatMap((s) => [...s.kindStates.values()]);
  const rec = states.find((k) => k.state === 'reconnecting');
  if (rec) return withMsg({ state: 'reconnecting', reason: rec.reason }, rec.reasonMsg);
  // A kind the cluster answered about (not served) is shown by its own view; the header shows the connection.
  const err = states.find((k) => k.state === 'error' && k.scope !== 'kind');
  if (err) return withMsg({ state: 'error', reason: err.reason }, err.reasonMsg);
  return { state: 'connected' };
}
