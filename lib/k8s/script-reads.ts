import 'server-only';
// `POST /api/kube`: the reads cluster scripts make (lib/runner's `kube` module, from the browser's
// Web Worker). Only get, list and pod logs; only kinds in the registry or custom resources the page
// added in Settings; as the request's identity (lib/k8s/identity.ts) in its current context. Every
// answer is JSON (`ScriptReadResponse`); refusals carry the cluster's status and a message that
// names the verb and the resource.
import * as k8s from '@kubernetes/client-node';
import { z } from 'zod';
import { clusterClient, getObject, groupResourceOf, KubeRequestError, listObjects } from './client';
import { toKubeError } from './errors';
import { BUILTIN_KINDS, customKind, type KindDef } from './kinds';
import { contextForRequest } from './request-context';
import type { JsonValue, ScriptReadRequest, ScriptReadResponse } from './script-read-types';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const GROUP = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?)?$/;
const VERSION = /^v[0-9]+((alpha|beta)[0-9]+)?$/;
// Object names: DNS subdomains, plus the characters a few kinds allow (`:` in RBAC names); never `/`.
const NAME = /^[A-Za-z0-9][-A-Za-z0-9_.:@]*$/;
const MAX_BODY = 64 * 1024;

const customKindSchema = z.object({
  group: z.string().min(1).max(253).regex(GROUP),
  version: z.string().max(63).regex(VERSION),
  plural: z.string().max(63).regex(DNS_LABEL),
  kind: z.string().max(63).optional(),
  namespaced: z.boolean(),
});

const querySchema = z
  .object({
    labelSelector: z.string().max(4096),
    fieldSelector: z.string().max(4096),
    limit: z.number().int().min(1).max(10_000),
    continue: z.string().max(4096),
    resourceVersion: z.string().max(64),
    container: z.string().max(63).regex(DNS_LABEL),
    tailLines: z.number().int().min(0),
    sinceSeconds: z.number().int().min(1),
    timestamps: z.boolean(),
    previous: z.boolean(),
    limitBytes: z.number().int().min(1),
  })
  .partial()
  .strict();

const LIST_PARAMS = ['labelSelector', 'fieldSelector', 'limit', 'continue', 'resourceVersion'] as const;
const LOG_PARAMS = ['container', 'tailLines', 'sinceSeconds', 'timestamps', 'previous', 'limitBytes'] as const;

export const scriptReadSchema = z
  .object({
    verb: z.enum(['get', 'list', 'log']),
    group: z.string().max(253).regex(GROUP),
    version: z.string().max(63).regex(VERSION, 'invalid API version'),
    plural: z.string().min(1).max(63).regex(DNS_LABEL, 'invalid resource name'),
    namespace: z.string().min(1).max(63).regex(DNS_LABEL, 'invalid namespace').optional(),
    name: z.string().min(1).max(253).regex(NAME, 'invalid object name').optional(),
    query: querySchema.optional(),
    customKinds: z.array(customKindSchema).max(200).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.verb !== 'list' && !r.name) ctx.addIssue({ code: 'custom', path: ['name'], message: `${r.verb} needs an object name` });
    if (r.verb === 'list' && r.name) ctx.addIssue({ code: 'custom', path: ['name'], message: 'list takes no object name' });
    if (r.verb === 'log' && (r.group !== '' || r.plural !== 'pods')) ctx.addIssue({ code: 'custom', path: ['plural'], message: 'logs exist only for pods' });
    if (r.verb === 'log' && !r.namespace) ctx.addIssue({ code: 'custom', path: ['namespace'], message: 'pod logs need a namespace' });
    const allowed: readonly string[] = r.verb === 'log' ? LOG_PARAMS : r.verb === 'list' ? LIST_PARAMS : ['resourceVersion'];
    for (const key of Object.keys(r.query ?? {})) {
      if (!allowed.includes(key)) ctx.addIssue({ code: 'custom', path: ['query', key], message: `${key} does not apply to ${r.verb} (it takes: ${allowed.join(', ')})` });
    }
  });

// The validated shape is the wire contract the worker sends.
type Parsed = z.infer<typeof scriptReadSchema>;
const _sameShape: (r: Parsed) => ScriptReadRequest = (r) => r;
void _sameShape;

type Failure = Extract<ScriptReadResponse, { ok: false }>;

const fail = (status: Failure['status'], reason: string, message: string): Failure => ({ ok: false, status, reason, message });

function resourceName(r: Pick<ScriptReadRequest, 'group' | 'plural' | 'version'>): string {
  return `${groupResourceOf(r)} (${r.group ? `${r.group}/` : ''}${r.version})`;
}

/** The registry kind (or added CRD) a request names, at the requested version; null when the studio does not serve it. */
export function scriptKind(r: Pick<ScriptReadRequest, 'group' | 'version' | 'plural' | 'customKinds'>): KindDef | null {
  const builtin = BUILTIN_KINDS.find((k) => k.group === r.group && k.plural === r.plural && k.versions.includes(r.version));
  if (builtin) return { ...builtin, versions: [r.version] };
  const added = r.customKinds?.find((c) => c.group === r.group && c.plural === r.plural && c.version === r.version);
  return added ? customKind(added) : null;
}

/** Serves one validated read against `context`; never throws. */
export async function serveScriptRead(context: string, r: ScriptReadRequest, opts: { timeoutMs?: number } = {}): Promise<ScriptReadResponse> {
  const kind = scriptKind(r);
  if (!kind) {
    const served = BUILTIN_KINDS.some((k) => k.group === r.group && k.plural === r.plural);
    return fail(403, 'NotInRegistry', served
      ? `${r.verb} ${resourceName(r)}: the studio serves ${groupResourceOf(r)} only at ${BUILTIN_KINDS.filter((k) => k.group === r.group && k.plural === r.plural).flatMap((k) => k.versions).join(', ')}`
      : `${r.verb} ${resourceName(r)}: scripts may read only the kinds the studio knows; add this custom resource in Settings to read it`);
  }
  if (kind.namespaced && r.verb !== 'list' && !r.namespace) return fail(400, 'BadRequest', `${r.verb} ${groupResourceOf(kind)} "${r.name}": ${kind.kind} is namespaced; give a namespace`);
  if (!kind.namespaced && r.namespace) return fail(400, 'BadRequest', `${r.verb} ${groupResourceOf(kind)}: ${kind.kind} is cluster-scoped; do not give a namespace`);
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const q = r.query ?? {};
  try {
    if (r.verb === 'list') {
      const list = await listObjects(context, kind, {
        namespace: r.namespace,
        labelSelector: q.labelSelector,
        fieldSelector: q.fieldSelector,
        limit: q.limit,
        continue: q.continue,
        timeoutMs,
      });
      const metadata: Record<string, string> = { resourceVersion: list.resourceVersion };
      if (list.continue) metadata.continue = list.continue;
      const body = { apiVersion: kind.group ? `${kind.group}/${kind.versions[0]}` : kind.versions[0], kind: kind.listKind, metadata, items: list.items };
      return { ok: true, body: body as unknown as JsonValue };
    }
    if (r.verb === 'get') {
      const obj = await getObject(context, kind, r.name!, r.namespace, { timeoutMs });
      return { ok: true, body: obj as unknown as JsonValue };
    }
    const client = clusterClient(context);
    const core = client.kc.makeApiClient(k8s.CoreV1Api);
    try {
      const text = await core.readNamespacedPodLog(
        { name: r.name!, namespace: r.namespace!, container: q.container, tailLines: q.tailLines, sinceSeconds: q.sinceSeconds, timestamps: q.timestamps, previous: q.previous, limitBytes: q.limitBytes },
        withSignal(AbortSignal.timeout(timeoutMs)),
      );
      return { ok: true, body: String(text ?? '') };
    } catch (err) {
      throw new KubeRequestError(toKubeError(err, { verb: 'get', resource: 'pods/log', namespace: r.namespace, name: r.name, server: client.server, context }));
    }
  } catch (err) {
    if (err instanceof KubeRequestError) {
      const e = err.error;
      return fail(e.code, e.reason, e.message);
    }
    return fail('unknown', 'Error', err instanceof Error ? err.message : String(err));
  }
}

/** Request options that abort the call on `signal` (client-node takes signals through middleware). */
function withSignal(signal: AbortSignal): k8s.ConfigurationOptions {
  const middleware = {
    pre: (ctx: k8s.RequestContext) => {
      ctx.setSignal(signal);
      return new k8s.Observable(Promise.resolve(ctx));
    },
    post: (r: k8s.ResponseContext) => new k8s.Observable(Promise.resolve(r)),
  };
  return { middleware: [middleware], middlewareMergeStrategy: 'append' } as k8s.ConfigurationOptions;
}

function httpStatus(status: Failure['status']): number {
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 502;
}

/** `POST /api/kube` as a plain function of a Request, so tests drive it without Next. */
export async function scriptReadResponse(request: Request, opts: { timeoutMs?: number } = {}): Promise<Response> {
  const answer = (r: ScriptReadResponse, status = 200) => Response.json(r, { status, headers: { 'Cache-Control': 'no-store' } });
  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    return answer(fail(415, 'UnsupportedMediaType', 'send the read as application/json'), 415);
  }
  const text = await request.text();
  if (text.length > MAX_BODY) return answer(fail(413, 'TooLarge', `the read request is larger than ${MAX_BODY} bytes`), 413);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return answer(fail(400, 'BadRequest', 'the read request is not JSON'), 400);
  }
  const parsed = scriptReadSchema.safeParse(json);
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ');
    const verb = (json as { verb?: unknown })?.verb;
    const hint = typeof verb === 'string' && !['get', 'list', 'log'].includes(verb) ? ` (scripts are read-only in the studio: only get, list and log)` : '';
    return answer(fail(400, 'BadRequest', `invalid read: ${why}${hint}`), 400);
  }
  const context = contextForRequest(request).resolved.name;
  if (!context) return answer(fail(503, 'NoContext', 'No cluster context is selected: pick one in the header (or fix the kubeconfig) and run again.'), 503);
  const result = await serveScriptRead(context, parsed.data, opts);
  return answer(result, result.ok ? 200 : httpStatus(result.status));
}
