// Watch streams: newline-delimited `{"type","object"}` JSON, replayed from the store's event log
// so a client resuming from a resourceVersion sees every change in order, or a 410 ERROR event
// (reason Expired) once the log has been compacted past it, exactly like the API server.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KindDef } from '../kinds';
import type { Selector } from './selectors';
import { SandboxStore, type K8sObject, type StoreEvent } from './store';
import { errors } from './status';

export interface WatchRequest {
  store: SandboxStore;
  kind: KindDef;
  apiVersion: string;
  namespace?: string;
  selector: Selector;
  resourceVersion?: string;
  allowBookmarks: boolean;
  sendInitialEvents: boolean;
  timeoutSeconds?: number;
  bookmarkIntervalMs: number;
  /** Turns a stored object into what this client asked for (version rewrite, Table, metadata). */
  format: (o: K8sObject) => unknown;
}

type OutType = 'ADDED' | 'MODIFIED' | 'DELETED';

function inScope(w: WatchRequest, o: K8sObject | undefined): boolean {
  if (!o) return false;
  if (w.kind.namespaced && w.namespace && o.metadata.namespace !== w.namespace) return false;
  return SandboxStore.matches(w.selector, o);
}

/** An object that enters or leaves the selection is reported as ADDED or DELETED, as upstream does. */
export function translate(w: WatchRequest, e: StoreEvent): { type: OutType; object: K8sObject } | undefined {
  if (e.kind.group !== w.kind.group || e.kind.plural !== w.kind.plural) return undefined;
  const now = inScope(w, e.object);
  if (e.type === 'ADDED') return now ? { type: 'ADDED', object: e.object } : undefined;
  if (e.type === 'DELETED') return inScope(w, e.previous ?? e.object) ? { type: 'DELETED', object: e.object } : undefined;
  const before = inScope(w, e.previous);
  if (before && now) return { type: 'MODIFIED', object: e.object };
  if (before) return { type: 'DELETED', object: e.object };
  if (now) return { type: 'ADDED', object: e.object };
  return undefined;
}

export function serveWatch(req: IncomingMessage, res: ServerResponse, w: WatchRequest): void {
  const { store } = w;
  const rv = w.resourceVersion;
  const fromNow = rv === undefined || rv === '' || rv === '0';
  const rvNum = Number(rv);
  if (!fromNow && !/^\d+$/.test(rv!)) throw errors.badRequest(`invalid resource version: ${rv}`);

  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();
  const write = (type: string, object: unknown) => {
    if (!res.writableEnded && !res.destroyed) res.write(`${JSON.stringify({ type, object })}\n`);
  };
  const bookmark = (annotations?: Record<string, string>) =>
    write('BOOKMARK', { kind: w.kind.kind, apiVersion: w.apiVersion, metadata: { resourceVersion: store.resourceVersion, ...(annotations ? { annotations } : {}) } });

  const replay = fromNow ? [] : store.eventsSince(rvNum);
  if (!replay) {
    const oldest = store.oldestResourceVersion;
    write('ERROR', errors.expired(`too old resource version: ${rv} (${oldest})`).toStatus());
    res.end();
    return;
  }

  // Replay and subscription happen in the same tick, so no event can fall between them.
  if (fromNow) {
    const { items } = store.list(w.kind, { namespace: w.kind.namespaced ? w.namespace : undefined });
    for (const o of items) if (inScope(w, o)) write('ADDED', w.format(o));
    if (w.sendInitialEvents && w.allowBookmarks) bookmark({ 'k8s.io/initial-events-end': 'true' });
  } else {
    for (const e of replay) {
      const out = translate(w, e);
      if (out) write(out.type, w.format(out.object));
    }
  }
  const unsubscribe = store.subscribe((e) => {
    const out = translate(w, e);
    if (out) write(out.type, w.format(out.object));
  });

  const timers: NodeJS.Timeout[] = [];
  if (w.allowBookmarks) timers.push(setInterval(() => bookmark(), w.bookmarkIntervalMs));
  if (w.timeoutSeconds && w.timeoutSeconds > 0) timers.push(setTimeout(() => res.end(), w.timeoutSeconds * 1000));
  const cleanup = () => {
    unsubscribe();
    for (const t of timers) clearTimeout(t);
  };
  res.on('close', cleanup);
  req.on('close', cleanup);
}
