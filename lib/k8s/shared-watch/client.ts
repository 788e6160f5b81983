// The tab's side of the shared watch: an EventSourceLike whose events come from the SharedWorker,
// so lib/k8s/watch-client.ts (reducer, backoff, connection state) works unchanged on top of it.
// Where SharedWorker is missing, or its script fails, tabs use a direct EventSource.
import type { EventSourceLike } from '../watch-client';
import { SHARED_WATCH_NAME, SHARED_WATCH_URL, type TabMessage, type WorkerMessage } from './protocol';

class SharedEventSource implements EventSourceLike {
  readyState = 0;
  onopen: EventSourceLike['onopen'] = null;
  onmessage: EventSourceLike['onmessage'] = null;
  onerror: EventSourceLike['onerror'] = null;

  constructor(
    private readonly conn: SharedWatchConnection,
    readonly id: number,
  ) {}

  deliver(m: WorkerMessage): void {
    if (this.readyState === 2) return;
    if (m.t === 'open') {
      this.readyState = 1;
      this.onopen?.call(this, new Event('open'));
    } else if (m.t === 'message') this.onmessage?.call(this, new MessageEvent('message', { data: m.data }));
    else this.fail();
  }

  fail(): void {
    if (this.readyState === 2) return;
    this.readyState = 2;
    this.conn.forget(this.id);
    this.onerror?.call(this, new Event('error'));
  }

  close(): void {
    if (this.readyState === 2) return;
    this.readyState = 2;
    this.conn.forget(this.id);
    this.conn.post({ t: 'close', id: this.id });
  }
}

export class SharedWatchConnection {
  broken = false;
  private port: MessagePort | null = null;
  private nextId = 1;
  private readonly sources = new Map<number, SharedEventSource>();

  constructor() {
    let worker: SharedWorker;
    try {
      worker = new SharedWorker(SHARED_WATCH_URL, { name: SHARED_WATCH_NAME });
    } catch {
      this.broken = true;
      return;
    }
    this.port = worker.port;
    this.port.onmessage = (ev: MessageEvent<WorkerMessage>) => this.sources.get(ev.data?.id)?.deliver(ev.data);
    // The script did not load or crashed: every stream fails over to a direct EventSource.
    worker.onerror = () => {
      this.broken = true;
      this.failAll();
    };
    this.port.start();
    const lock = `kls-watch-tab-${typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : Math.random().toString(36).slice(2)}`;
    // hello only once the lock is ours: the worker's request for it must wait for this tab to go.
    if (navigator.locks) void navigator.locks.request(lock, () => {
      this.post({ t: 'hello', lock });
      return new Promise<never>(() => {});
    });
    else this.post({ t: 'hello', lock: null });
    addEventListener('pagehide', () => this.post({ t: 'bye' }));
    // Back from the back/forward cache: the worker forgot this tab at pagehide; reconnect.
    addEventListener('pageshow', (e) => {
      if ((e as PageTransitionEvent).persisted) this.failAll();
    });
  }

  create(url: string): EventSourceLike {
    const es = new SharedEventSource(this, this.nextId++);
    this.sources.set(es.id, es);
    this.post({ t: 'open', id: es.id, url });
    return es;
  }

  post(m: TabMessage): void {
    this.port?.postMessage(m);
  }

  forget(id: number): void {
    this.sources.delete(id);
  }

  private failAll(): void {
    for (const es of [...this.sources.values()]) es.fail();
  }
}

const direct = (url: string) => new EventSource(url) as unknown as EventSourceLike;

export interface SharedWatch {
  /** The EventSource factory for WatchClient: shared through the worker when the browser can. */
  createEventSource: (url: string) => EventSourceLike;
  /** Starts the worker now, so its script loads while the page still asks for /api/cluster. */
  warm(): void;
}

export function createSharedWatch(): SharedWatch {
  if (typeof window === 'undefined' || typeof SharedWorker === 'undefined') return { createEventSource: direct, warm: () => {} };
  let conn: SharedWatchConnection | undefined;
  const connection = () => (conn ??= new SharedWatchConnection());
  return {
    createEventSource: (url) => (connection().broken ? direct(url) : connection().create(url)),
    warm: () => void connection(),
  };
}
