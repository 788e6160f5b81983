import 'server-only';
// `GET /api/watch` as a plain function of a Request, so tests drive it without Next.
import { z } from 'zod';
import { kindListSchema } from './kind-spec';
import { loadKubeconfig } from './kubeconfig';
import { contextForRequest } from './request-context';
import { HEARTBEAT, encodeEvent } from './sse';
import { watchStream, type WatchStreamOptions } from './watch-stream';
import { wasUnauthorized } from './identity';
import type { WatchEvent } from './types';

const NAMESPACE = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)?$/;

const querySchema = z.object({
  context: z.string().max(253).optional(),
  namespace: z.string().max(63).regex(NAMESPACE, 'invalid namespace').default(''),
  kinds: kindListSchema,
});

export const HEARTBEAT_MS = 15_000;

export type WatchTuning = Pick<WatchStreamOptions, 'backoff' | 'slowRetryMs' | 'watchTimeoutSeconds'> & {
  heartbeatMs?: number;
  /**
   * Aborted when the session behind the stream ends (sign-out, expiry): the stream closes, and the
   * browser's reconnect is then answered for whoever holds the cookie now, never by the old identity.
   */
  sessionEnded?: AbortSignal;
  /** The cluster answered 401 to the stream's identity (revoked token): called once, then the stream closes. */
  onUnauthorized?: () => void;
};

const SSE_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  Connection: 'keep-alive',
  // Proxies (nginx, some ingress controllers) buffer responses unless told not to.
  'X-Accel-Buffering': 'no',
};

export function watchResponse(request: Request, tuning: WatchTuning = {}): Response {
  const url = new URL(request.url);
  const parsed = querySchema.safeParse({
    context: url.searchParams.get('context') ?? undefined,
    namespace: url.searchParams.get('namespace') ?? undefined,
    kinds: url.searchParams.get('kinds') ?? '',
  });
  if (!parsed.success) {
    return Response.json({ error: parsed.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ') }, { status: 400 });
  }
  const { namespace, kinds } = parsed.data;
  const context = parsed.data.context || contextForRequest(request).resolved.name;
  const kc = loadKubeconfig().kc;
  const encoder = new TextEncoder();

  if (!context || !kc?.getContextObject(context)) {
    // Still a stream: EventSource cannot read error bodies, but it can show per-kind reasons.
    const reason = context ? `Context "${context}" is not in the kubeconfig.` : 'No context is selected.';
    const body = `retry: 10000\n\n` + kinds.map((k) => encodeEvent({ kind: k.key, type: 'status', state: 'error', reason })).join('');
    return new Response(body, { headers: SSE_HEADERS });
  }

  const abort = new AbortController();
  if (tuning.sessionEnded?.aborted) abort.abort();
  const onClientGone = () => abort.abort();
  request.signal.addEventListener('abort', onClientGone, { once: true });
  tuning.sessionEnded?.addEventListener('abort', onClientGone, { once: true });
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let iterator: AsyncGenerator<WatchEvent> | undefined;

  const stop = () => {
    clearInterval(heartbeat);
    request.signal.removeEventListener('abort', onClientGone);
    tuning.sessionEnded?.removeEventListener('abort', onClientGone);
    abort.abort();
  };

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      // An early comment makes the browser's EventSource fire `open` before the first LIST returns.
      write(`retry: 2000\n${HEARTBEAT}`);
      heartbeat = setInterval(() => write(HEARTBEAT), tuning.heartbeatMs ?? HEARTBEAT_MS);
      iterator = watchStream({ context, namespace, kinds, signal: abort.signal, ...tuning });
      void (async () => {
        try {
          for await (const event of iterator!) {
            write(encodeEvent(event));
            // The stream runs in its request's identity scope: a 401 there means the token is gone.
            if (wasUnauthorized()) {
              tuning.onUnauthorized?.();
              break;
            }
          }
        } finally {
          stop();
          try {
            controller.close();
          } catch {
            // already closed by the client
          }
        }
      })();
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, { headers: SSE_HEADERS });
}
