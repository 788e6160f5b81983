import 'server-only';
// The server side of `/api/watch`: for each kind LIST → snapshot, then WATCH from that resourceVersion
// (bookmarks on), reconnecting with backoff from the last seen version and re-listing on 410 Gone.
// Produces protocol events as an async iterable; the route handler only encodes them.
import type { KindDef } from './kinds';
import { KubeRequestError, groupResourceOf, listObjects, stripManagedFields, watchObjects } from './client';
import { toKubeError } from './errors';
import { commonTextAndMsg } from '@/lib/i18n/common-text';
import { backoffDelay, DEFAULT_BACKOFF, type Backoff } from './backoff';
import type { KubeError, KubeObject, StatusEvent, StreamStateName, WatchEvent } from './types';

export interface WatchStreamOptions {
  context: string;
  /** `''` or undefined: all namespaces. */
  namespace?: string;
  kinds: KindDef[];
  signal: AbortSignal;
  /** Backoff bounds; tests shorten them. */
  backoff?: Backoff;
  /** How long a failure that needs user action (403, 401, 404) waits before trying again. */
  slowRetryMs?: number;
  /** Server-side watch timeout; client-node aborts a watch that is silent for 30 s, so stay below that. */
  watchTimeoutSeconds?: number;
  /** LIST page size (`limit`); each page is sent as soon as it arrives. */
  pageSize?: number;
}

/** Like kubectl's chunking: small enough that the first rows of a big cluster show at once. */
export const LIST_PAGE_SIZE = 500;

/** Merges the per-kind loops into one ordered stream of events; ends when `signal` aborts. */
export async function* watchStream(opts: WatchStreamOptions): AsyncGenerator<WatchEvent> {
  // Our own signal too, so a consumer that stops iterating (break/return) also stops the watches.
  const inner = new AbortController();
  const queue: WatchEvent[] = [];
  let wake: (() => void) | undefined;
  const push = (e: WatchEvent) => {
    if (inner.signal.aborted) return;
    queue.push(e);
    wake?.();
  };
  const onAbort = () => {
    inner.abort();
    wake?.();
  };
  if (opts.signal.aborted) return;
  opts.signal.addEventListener('abort', onAbort);
  const loops = opts.kinds.map((kind) =>
    runKind(kind, { ...opts, signal: inner.signal }, push).catch((err: unknown) => {
      // A bug, not a cluster failure (those are handled inside): say so instead of going quiet.
      console.error(`[kube-lua-studio] watch of ${kind.key} stopped:`, err);
      const { text, msg } = commonTextAndMsg('common.kubeError.internalError', { message: String((err as Error)?.message ?? err) });
      push({ kind: kind.key, type: 'status', state: 'error', reason: text, reasonMsg: msg });
    }),
  );
  try {
    while (!inner.signal.aborted) {
      if (queue.length) {
        yield queue.shift()!;
        continue;
      }
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    opts.signal.removeEventListener('abort', onAbort);
    inner.abort();
    await Promise.allSettled(loops);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

function reasonOf(error: KubeError): Pick<StatusEvent, 'reason' | 'reasonMsg'> {
  return error.messageMsg ? { reason: error.message, reasonMsg: error.messageMsg } : { reason: error.message };
}

function droppedReason(error: KubeError): Pick<StatusEvent, 'reason' | 'reasonMsg'> {
  const { text, msg } = commonTextAndMsg('common.kubeError.watchDropped', { message: error.message });
  return { reason: text, reasonMsg: msg };
}

type WatchEnd = { kind: 'closed'; suspicious?: boolean } | { kind: 'gone' } | { kind: 'error'; error: KubeError };

async function runKind(kind: KindDef, opts: WatchStreamOptions, push: (e: WatchEvent) => void): Promise<void> {
  const { signal, context } = opts;
  const namespace = opts.namespace || undefined;
  const backoff = opts.backoff ?? DEFAULT_BACKOFF;
  const slowRetryMs = opts.slowRetryMs ?? 30_000;
  const resource = groupResourceOf(kind);
  let rv: string | undefined;
  let attempt = 0;
  let lastState: StatusEvent | undefined;

  const status = (state: StreamStateName, extra: Omit<StatusEvent, 'kind' | 'type' | 'state'> = {}) => {
    const e: StatusEvent = { kind: kind.key, type: 'status', state, ...extra };
    // Repeating an unchanged non-reconnecting state would only wake every client for nothing.
    if (state !== 'reconnecting' && lastState?.state === state && lastState.reason === e.reason) return;
    lastState = e;
    push(e);
  };

  /** Decides the wait after a failure and reports it; returns the delay. */
  const fail = (error: KubeError, verb: 'list' | 'watch'): number => {
    const why = reasonOf(error);
    if (error.code === 403) {
      status('forbidden', why);
      return slowRetryMs;
    }
    if (error.code === 401) {
      status('error', why);
      return slowRetryMs;
    }
    if (error.code === 404 || error.code === 400 || error.code === 422) {
      // One kind the cluster does not serve is that kind's problem, not the connection's.
      status('error', { ...why, scope: 'kind' });
      return slowRetryMs;
    }
    attempt++;
    const retryInMs = backoffDelay(attempt, backoff);
    const dropped = verb === 'watch' && error.code === 'unknown';
    status('reconnecting', { attempt, ...(dropped ? droppedReason(error) : why), retryInMs });
    return retryInMs;
  };

  while (!signal.aborted) {
    if (rv === undefined) {
      try {
        // Every page of one paginated LIST is served from the same snapshot (its resourceVersion), so
        // the watch resumes from the first page's version whatever the pages took.
        let listRv: string | undefined;
        let cont: string | undefined;
        do {
          const list = await listObjects(context, kind, { namespace, signal, timeoutMs: 30_000, limit: opts.pageSize ?? LIST_PAGE_SIZE, continue: cont });
          if (signal.aborted) return;
          const first = listRv === undefined;
          listRv ??= list.resourceVersion;
          cont = list.continue;
          push({ kind: kind.key, type: 'snapshot', items: list.items, resourceVersion: listRv, ...(cont ? { more: true } : {}), ...(first ? {} : { continued: true }) });
          if (first) {
            attempt = 0;
            status('live');
          }
        } while (cont);
        rv = listRv;
      } catch (err) {
        if (signal.aborted) return;
        const error = err instanceof KubeRequestError ? err.error : toKubeError(err, { verb: 'list', resource, namespace, context });
        await sleep(fail(error, 'list'), signal);
        continue;
      }
    }

    const end = await watchOnce(kind, opts, namespace, rv, (newRv) => (rv = newRv), push, () => {
      // The server accepted the watch: a reconnect that got this far is live again.
      if (attempt > 0 || lastState?.state !== 'live') {
        attempt = 0;
        status('live');
      }
    });
    if (signal.aborted) return;
    if (end.kind === 'closed' && !end.suspicious) continue;
    if (end.kind === 'gone') {
      rv = undefined;
      continue;
    }
    // A proxy that ends every watch at once would otherwise make us reconnect in a tight loop.
    const closed = commonTextAndMsg('common.kubeError.watchClosed');
    const error: KubeError = end.kind === 'error' ? end.error : { code: 'unreachable', reason: 'WatchClosed', message: closed.text, messageMsg: closed.msg };
    await sleep(fail(error, 'watch'), signal);
  }
}

function watchOnce(
  kind: KindDef,
  opts: WatchStreamOptions,
  namespace: string | undefined,
  rv: string,
  setRv: (rv: string) => void,
  push: (e: WatchEvent) => void,
  onConnected: () => void,
): Promise<WatchEnd> {
  const { signal, context } = opts;
  const resource = groupResourceOf(kind);
  return new Promise<WatchEnd>((resolve) => {
    let settled = false;
    let handle: { abort(): void } | undefined;
    const finish = (end: WatchEnd) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      handle?.abort();
      resolve(end);
    };
    const onAbort = () => finish({ kind: 'closed' });
    signal.addEventListener('abort', onAbort, { once: true });

    const onEvent = (type: string, raw: unknown) => {
      if (settled) return;
      const obj = raw as KubeObject & { code?: number; reason?: string; message?: string };
      if (type === 'ERROR') {
        // A Status inside the stream: 410 means our resourceVersion was compacted away.
        if (obj?.code === 410 || obj?.reason === 'Expired' || obj?.reason === 'Gone') finish({ kind: 'gone' });
        else finish({ kind: 'error', error: toKubeError({ body: obj }, { verb: 'watch', resource, namespace, context }) });
        return;
      }
      events++;
      const newRv = obj?.metadata?.resourceVersion;
      if (newRv) setRv(newRv);
      if (type === 'ADDED' || type === 'MODIFIED' || type === 'DELETED') {
        push({ kind: kind.key, type, object: stripManagedFields(obj) });
      }
    };
    const onDone = (err: unknown) => {
      if (!err) return finish({ kind: 'closed', suspicious: events === 0 && Date.now() - startedAt < 1000 });
      // client-node aborts a watch after 30 s without data; the server's timeoutSeconds normally
      // closes first, so treat the rare silent timeout like a clean close and re-watch at once.
      if ((err as { name?: string }).name === 'TimeoutError' && connected) return finish({ kind: 'closed' });
      const error = toKubeError(err, { verb: 'watch', resource, namespace, context });
      if (error.code === 410) return finish({ kind: 'gone' });
      finish({ kind: 'error', error });
    };

    let connected = false;
    let events = 0;
    const startedAt = Date.now();
    const timeoutSeconds = opts.watchTimeoutSeconds ?? 20 + Math.floor(Math.random() * 8);
    watchObjects(context, kind, { namespace, resourceVersion: rv, timeoutSeconds }, { onEvent, onDone })
      .then((h) => {
        handle = h;
        if (settled) return h.abort();
        connected = true;
        onConnected();
      })
      .catch((err) => onDone(err ?? new Error('watch failed')));
  });
}
