import 'server-only';
// A pod's log for the pod drawer: the last `tailLines` lines of one container (or of its previous
// instance), read with the studio's credentials through client-node's CoreV1Api.
import * as k8s from '@kubernetes/client-node';
import { z } from 'zod';
import { clusterClient, KubeRequestError } from './client';
import { toKubeError } from './errors';
import { commonTextAndMsg } from '@/lib/i18n/common-text';
import { DEFAULT_LOG_TAIL_LINES, type PodLogParams, type PodLogResult } from './pod-log-types';
import { contextForRequest } from './request-context';
import type { KubeError } from './types';

/** Upper bound on one answer, whatever tailLines says: the drawer shows text, not archives. */
export const MAX_LOG_BYTES = 4 * 1024 * 1024;
const MAX_TAIL_LINES = 50_000;

const NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

const paramsSchema = z.object({
  namespace: z.string().regex(LABEL, 'not a valid namespace name'),
  name: z.string().regex(NAME, 'not a valid pod name'),
  container: z.string().regex(LABEL, 'not a valid container name').optional(),
  tailLines: z.coerce.number().int().min(1).max(MAX_TAIL_LINES).default(DEFAULT_LOG_TAIL_LINES),
  previous: z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1').optional(),
});

function withTimeout(ms: number): k8s.ConfigurationOptions {
  const mw = {
    pre: (ctx: k8s.RequestContext) => {
      ctx.setSignal(AbortSignal.timeout(ms));
      return new k8s.Observable(Promise.resolve(ctx));
    },
    post: (r: k8s.ResponseContext) => new k8s.Observable(Promise.resolve(r)),
  };
  return { middleware: [mw], middlewareMergeStrategy: 'append' } as k8s.ConfigurationOptions;
}

function failure(e: Pick<KubeError, 'code' | 'reason' | 'message' | 'messageMsg'>): PodLogResult {
  return e.messageMsg ? { ok: false, error: e.message, errorMsg: e.messageMsg, code: e.code, reason: e.reason } : { ok: false, error: e.message, code: e.code, reason: e.reason };
}

/** Reads one more line than asked for, so the answer can say whether older lines exist. */
export async function readPodLog(context: string, p: PodLogParams, opts: { timeoutMs?: number } = {}): Promise<PodLogResult> {
  const tail = p.tailLines ?? DEFAULT_LOG_TAIL_LINES;
  const where = { namespace: p.namespace, name: p.name, context };
  let client;
  try {
    client = clusterClient(context);
  } catch (err) {
    if (err instanceof KubeRequestError) return failure(err.error);
    throw err;
  }
  try {
    const core = client.kc.makeApiClient(k8s.CoreV1Api);
    const raw = await core.readNamespacedPodLog(
      { name: p.name, namespace: p.namespace, container: p.container, tailLines: tail + 1, previous: p.previous, limitBytes: MAX_LOG_BYTES },
      withTimeout(opts.timeoutMs ?? 15_000),
    );
    const text = String(raw ?? '');
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    if (lines.length > tail) return { ok: true, text: lines.slice(-tail).map((l) => `${l}\n`).join(''), truncated: true };
    return { ok: true, text, truncated: Buffer.byteLength(text, 'utf8') >= MAX_LOG_BYTES };
  } catch (err) {
    const e = toKubeError(err, { verb: 'get', resource: 'pods/log', server: client.server, ...where });
    // 404 means the pod (or namespace) is gone; say so about the pod, not the subresource.
    return failure(e.code === 404 ? toKubeError(err, { verb: 'get', resource: 'Pod', ...where }) : e);
  }
}

function httpStatus(r: PodLogResult): number {
  if (r.ok) return 200;
  return typeof r.code === 'number' ? r.code : r.code === 'timeout' ? 504 : 502;
}

/** `GET /api/pods/{namespace}/{name}/log` as a plain function, so tests drive it without Next. */
export async function podLogResponse(request: Request, route: { namespace: string; name: string }, opts: { timeoutMs?: number } = {}): Promise<Response> {
  const answer = (r: PodLogResult) => Response.json(r, { status: httpStatus(r), headers: { 'Cache-Control': 'no-store' } });
  const q = new URL(request.url).searchParams;
  const parsed = paramsSchema.safeParse({
    ...route,
    container: q.get('container') || undefined,
    tailLines: q.get('tailLines') ?? undefined,
    previous: q.get('previous') ?? undefined,
  });
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    const { text, msg } = commonTextAndMsg('common.apiError.logRequest', { why });
    return answer({ ok: false, error: text, errorMsg: msg, code: 400, reason: 'BadRequest' });
  }
  const context = contextForRequest(request).resolved.name;
  if (!context) {
    const { text, msg } = commonTextAndMsg('common.apiError.logNoContext');
    return answer({ ok: false, error: text, errorMsg: msg, code: 503, reason: 'NoContext' });
  }
  return answer(await readPodLog(context, parsed.data, opts));
}
