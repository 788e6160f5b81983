// The `scale` subresource of Deployments, ReplicaSets and StatefulSets (`kubectl scale`, HPA-style
// clients): GET, PUT and PATCH an `autoscaling/v1` Scale that reads and writes `spec.replicas`.
// The sandbox runs no controllers, so scaling changes the spec only; `status.replicas` stays.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KindDef } from '../kinds';
import { decodeBody, readBody, readBodyBytes, sendJson } from './http';
import { applyPatch, PATCH_TYPES } from './patch';
import type { Route } from './router';
import { ApiError, errors } from './status';
import type { K8sObject, SandboxStore } from './store';

type ResourceRoute = Extract<Route, { type: 'resource' }>;
type LabelSelector = { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] };

export const SCALE_API_VERSION = 'autoscaling/v1';

/** Kinds the API server gives a `scale` subresource (custom resources would declare it in their CRD). */
export function hasScale(k: Pick<KindDef, 'group' | 'plural'>): boolean {
  return k.group === 'apps' && ['deployments', 'replicasets', 'statefulsets'].includes(k.plural);
}

/** Discovery entry (`deployments/scale`), as the API server lists it. */
export function scaleDiscovery(k: KindDef): Record<string, unknown>[] {
  if (!hasScale(k)) return [];
  return [{ name: `${k.plural}/scale`, singularName: '', namespaced: k.namespaced, group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] }];
}

/** `metav1.LabelSelectorAsSelector(sel).String()`: requirements sorted by key, values sorted. */
export function selectorString(sel: LabelSelector | undefined): string {
  const reqs: [string, string][] = [];
  for (const [key, value] of Object.entries(sel?.matchLabels ?? {})) reqs.push([key, `${key}=${value}`]);
  for (const e of sel?.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    const text = { In: `${e.key} in (${values})`, NotIn: `${e.key} notin (${values})`, Exists: e.key, DoesNotExist: `!${e.key}` }[e.operator];
    if (text) reqs.push([e.key, text]);
  }
  return reqs
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map((r) => r[1])
    .join(',');
}

export function scaleOf(o: K8sObject): Record<string, unknown> {
  const spec = (o.spec ?? {}) as { replicas?: number; selector?: LabelSelector };
  const status = (o.status ?? {}) as { replicas?: number };
  const m = o.metadata;
  const metadata: Record<string, unknown> = { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp };
  const st: Record<string, unknown> = { replicas: status.replicas ?? 0 };
  const selector = selectorString(spec.selector);
  if (selector) st.selector = selector;
  // spec.replicas defaults to 1 on these kinds; omitempty drops 0 in the API server's JSON
  const replicas = spec.replicas ?? 1;
  return { kind: 'Scale', apiVersion: SCALE_API_VERSION, metadata, spec: replicas ? { replicas } : {}, status: st };
}

function scaleInvalid(name: string, field: string, message: string) {
  return new ApiError(422, 'Invalid', `Scale.autoscaling "${name}" is invalid: ${field}: ${message}`, {
    name,
    group: 'autoscaling',
    kind: 'Scale',
    causes: [{ reason: 'FieldValueInvalid', message, field }],
  });
}

/** Writes a Scale back to its object: only `spec.replicas` changes; `metadata.resourceVersion`, when given, is a precondition. */
function writeScale(store: SandboxStore, route: ResourceRoute, current: K8sObject, scale: unknown, dryRun: boolean): K8sObject {
  const name = route.name!;
  const s = (scale && typeof scale === 'object' ? scale : {}) as { kind?: string; apiVersion?: string; metadata?: { name?: string; resourceVersion?: string }; spec?: { replicas?: unknown } };
  if (s.kind && s.kind !== 'Scale') throw errors.badRequest(`the kind in the data (${s.kind}) does not match the expected kind (Scale)`);
  if (s.metadata?.name !== undefined && s.metadata.name !== name) throw errors.badRequest(`the name of the object (${s.metadata.name}) does not match the name on the URL (${name})`);
  const replicas = s.spec?.replicas ?? 0;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas)) throw scaleInvalid(name, 'spec.replicas', `Invalid value: ${JSON.stringify(replicas)}: must be an integer`);
  if (replicas < 0) throw scaleInvalid(name, 'spec.replicas', `Invalid value: ${replicas}: must be greater than or equal to 0`);
  const next: K8sObject = { ...current, spec: { ...(current.spec as object), replicas } };
  next.metadata = { ...current.metadata, resourceVersion: s.metadata?.resourceVersion || current.metadata.resourceVersion };
  return store.update(next, { kind: route.kind, namespace: route.namespace, dryRun });
}

export async function handleScale(req: IncomingMessage, res: ServerResponse, route: ResourceRoute, url: URL, store: SandboxStore): Promise<void> {
  const method = req.method ?? 'GET';
  const current = store.get(route.kind, route.namespace, route.name!);
  const dryRun = url.searchParams.getAll('dryRun').includes('All');
  if (method === 'GET' || method === 'HEAD') {
    if (!current) throw errors.notFound(route.kind, route.name!);
    return sendJson(res, 200, scaleOf(current));
  }
  if (method === 'PUT') {
    const body = decodeBody(await readBodyBytes(req), req.headers['content-type']);
    if (!current) throw errors.notFound(route.kind, route.name!);
    return sendJson(res, 200, scaleOf(writeScale(store, route, current, body, dryRun)));
  }
  if (method === 'PATCH') {
    const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const text = await readBody(req);
    if (contentType === PATCH_TYPES.apply || !(Object.values(PATCH_TYPES) as string[]).includes(contentType)) throw errors.unsupportedMediaType(req.headers['content-type'] ?? '');
    if (!current) throw errors.notFound(route.kind, route.name!);
    let patch: unknown;
    try {
      patch = JSON.parse(text);
    } catch (err) {
      throw errors.badRequest(`error decoding patch: ${(err as Error).message}`);
    }
    // A patch carries no precondition unless it sets metadata.resourceVersion itself.
    const base = scaleOf(current);
    delete (base.metadata as { resourceVersion?: string }).resourceVersion;
    return sendJson(res, 200, scaleOf(writeScale(store, route, current, applyPatch(contentType, base, patch), dryRun)));
  }
  throw errors.methodNotAllowed();
}
