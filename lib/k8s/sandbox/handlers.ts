// The resource verbs: list/watch, get, create, update, patch, delete, deletecollection, and the
// `/status` subresource, answered with the API server's status codes and bodies.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { apiVersionOf, type KindDef } from '../kinds';
import { decodeBody, negotiate, readBody, readBodyBytes, sendJson, type ResponseFormat } from './http';
import { applyPatch, PATCH_TYPES, strategicMergePatch } from './patch';
import type { Route } from './router';
import { parseSelector } from './selectors';
import { errors, successStatus } from './status';
import { logQuery, podLog } from './logs';
import { prepareForCreate } from './pod-create';
import { handleScale } from './scale-subresource';
import type { K8sObject, SandboxStore } from './store';
import { toPartialMetadata, toTable } from './table';
import { serveWatch } from './watch';

export interface HandlerContext {
  store: SandboxStore;
  bookmarkIntervalMs: number;
}

type ResourceRoute = Extract<Route, { type: 'resource' }>;

/** Objects are stored once per group+plural; each read presents them in the requested version. */
function present(k: KindDef, version: string, o: K8sObject): K8sObject {
  return { ...o, apiVersion: apiVersionOf(k, version), kind: k.kind };
}

function formatOne(fmt: ResponseFormat, k: KindDef, version: string, o: K8sObject): unknown {
  const p = present(k, version, o);
  if (fmt.as === 'table') return toTable(k, [p], o.metadata.resourceVersion ?? '', fmt.includeObject);
  if (fmt.as === 'metadata') return toPartialMetadata(p);
  return p;
}

function isDryRun(q: URLSearchParams, body?: { dryRun?: unknown }): boolean {
  return q.getAll('dryRun').includes('All') || (Array.isArray(body?.dryRun) && body.dryRun.includes('All'));
}

function asObject(v: unknown): K8sObject {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw errors.badRequest('the request body must be a JSON object');
  const o = v as K8sObject;
  if (o.metadata !== undefined && (typeof o.metadata !== 'object' || o.metadata === null)) throw errors.badRequest('metadata must be an object');
  o.metadata = o.metadata ?? {};
  return o;
}

function checkIdentity(route: ResourceRoute, o: K8sObject): void {
  const k = route.kind;
  const expected = apiVersionOf(k, route.version);
  if (o.apiVersion && o.apiVersion !== expected) throw errors.badRequest(`the API version in the data (${o.apiVersion}) does not match the expected API version (${expected})`);
  if (o.kind && o.kind !== k.kind) throw errors.badRequest(`the kind in the data (${o.kind}) does not match the expected kind (${k.kind})`);
  o.apiVersion = expected;
  o.kind = k.kind;
  if (k.namespaced && route.namespace !== undefined) {
    if (o.metadata.namespace && o.metadata.namespace !== route.namespace)
      throw errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
    o.metadata.namespace = route.namespace;
  }
  if (route.name !== undefined && o.metadata.name !== undefined && o.metadata.name !== route.name)
    throw errors.badRequest(`the name of the object (${o.metadata.name}) does not match the name on the URL (${route.name})`);
  if (route.name !== undefined) o.metadata.name = route.name;
}

/** Built-in kinds answer DELETE with a Status; pods, namespaces and custom resources return the object. */
function deleteReturnsObject(k: KindDef): boolean {
  return !['', 'apps', 'batch'].includes(k.group) || k.plural === 'pods' || k.plural === 'namespaces';
}

export async function handleResource(req: IncomingMessage, res: ServerResponse, route: ResourceRoute, url: URL, ctx: HandlerContext): Promise<void> {
  const { store } = ctx;
  const { kind: k, version, namespace, name } = route;
  const q = url.searchParams;
  const method = req.method ?? 'GET';
  const fmt = negotiate(req.headers.accept, q.get('includeObject'));
  const watch = route.legacyWatch || q.get('watch') === 'true' || q.get('watch') === '1';

  if ((method === 'GET' || method === 'HEAD') && name === undefined) {
    if (route.subresource) throw errors.methodNotAllowed();
    const selector = parseSelector(q.get('labelSelector'), q.get('fieldSelector'), k.plural);
    if (watch) {
      const timeout = q.get('timeoutSeconds');
      return serveWatch(req, res, {
        store,
        kind: k,
        apiVersion: apiVersionOf(k, version),
        namespace,
        selector,
        resourceVersion: q.get('resourceVersion') ?? undefined,
        allowBookmarks: q.get('allowWatchBookmarks') === 'true',
        sendInitialEvents: q.get('sendInitialEvents') === 'true',
        timeoutSeconds: timeout ? Number(timeout) : undefined,
        bookmarkIntervalMs: ctx.bookmarkIntervalMs,
        format: (o) => formatOne(fmt, k, version, o),
      });
    }
    const rv = q.get('resourceVersion');
    if (rv && q.get('resourceVersionMatch') === 'Exact' && /^\d+$/.test(rv) && Number(rv) < store.oldestResourceVersion)
      throw errors.expired(`too old resource version: ${rv} (${store.oldestResourceVersion})`);
    const limit = q.get('limit');
    const list = store.list(k, {
      namespace,
      labelSelector: q.get('labelSelector') ?? undefined,
      fieldSelector: q.get('fieldSelector') ?? undefined,
      limit: limit ? Number(limit) : undefined,
      continue: q.get('continue') ?? undefined,
      shared: true,
    });
    const meta: Record<string, unknown> = { resourceVersion: list.resourceVersion };
    if (list.continue) meta.continue = list.continue;
    if (list.remainingItemCount !== undefined) meta.remainingItemCount = list.remainingItemCount;
    const items = list.items.map((o) => present(k, version, o));
    if (fmt.as === 'table') return sendJson(res, 200, toTable(k, items, list.resourceVersion, fmt.includeObject, meta));
    if (fmt.as === 'metadata') return sendJson(res, 200, { kind: 'PartialObjectMetadataList', apiVersion: 'meta.k8s.io/v1', metadata: meta, items: items.map(toPartialMetadata) });
    return sendJson(res, 200, { kind: k.listKind, apiVersion: apiVersionOf(k, version), metadata: meta, items });
  }

  if (route.subresource === 'scale') return handleScale(req, res, route, url, store);

  if (route.subresource === 'log') {
    if (method !== 'GET' && method !== 'HEAD') throw errors.methodNotAllowed();
    const pod = store.get(k, namespace, name!);
    if (!pod) throw errors.notFound(k, name!);
    const text = podLog(pod, logQuery(q));
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-cache, private' });
    res.end(method === 'HEAD' ? undefined : text);
    return;
  }

  if (method === 'GET' || method === 'HEAD') {
    if (watch) throw errors.methodNotAllowed();
    const o = store.get(k, namespace, name!);
    if (!o) throw errors.notFound(k, name!);
    return sendJson(res, 200, formatOne(fmt, k, version, o));
  }

  if (method === 'POST') {
    if (name !== undefined || route.subresource) throw errors.methodNotAllowed();
    if (k.namespaced && namespace === undefined) throw errors.methodNotAllowed();
    const body = asObject(decodeBody(await readBodyBytes(req), req.headers['content-type']));
    checkIdentity(route, body);
    const created = store.create(prepareForCreate(k, body), { kind: k, namespace, dryRun: isDryRun(q) });
    return sendJson(res, 201, formatOne(fmt, k, version, created));
  }

  if (method === 'PUT') {
    if (name === undefined) throw errors.methodNotAllowed();
    const body = asObject(decodeBody(await readBodyBytes(req), req.headers['content-type']));
    checkIdentity(route, body);
    const updated = store.update(body, { kind: k, namespace, subresource: route.subresource, dryRun: isDryRun(q) });
    return sendJson(res, 200, formatOne(fmt, k, version, updated));
  }

  if (method === 'PATCH') {
    if (name === undefined) throw errors.methodNotAllowed();
    const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const text = await readBody(req);
    const current = store.get(k, namespace, name);
    if (contentType === PATCH_TYPES.apply) return serverSideApply(res, route, text, current, q, fmt, ctx);
    if (!(Object.values(PATCH_TYPES) as string[]).includes(contentType)) throw errors.unsupportedMediaType(req.headers['content-type'] ?? '');
    if (!current) throw errors.notFound(k, name);
    let patch: unknown;
    try {
      patch = JSON.parse(text);
    } catch (err) {
      throw errors.badRequest(`error decoding patch: ${(err as Error).message}`);
    }
    const patched = asObject(applyPatch(contentType, present(k, version, current), patch));
    checkIdentity(route, patched);
    const updated = store.update(patched, { kind: k, namespace, subresource: route.subresource, dryRun: isDryRun(q) });
    return sendJson(res, 200, formatOne(fmt, k, version, updated));
  }

  if (method === 'DELETE') {
    if (route.subresource) throw errors.methodNotAllowed();
    const bytes = await readBodyBytes(req);
    const opts = (bytes.toString('utf8').trim() ? decodeBody(bytes, req.headers['content-type']) : {}) as { preconditions?: { uid?: string; resourceVersion?: string }; dryRun?: string[] };
    const dryRun = isDryRun(q, opts);
    if (name === undefined) {
      if (k.namespaced && namespace === undefined) throw errors.methodNotAllowed();
      const list = store.list(k, { namespace, labelSelector: q.get('labelSelector') ?? undefined, fieldSelector: q.get('fieldSelector') ?? undefined });
      const items = list.items.map((o) => store.delete(k, o.metadata.namespace, o.metadata.name!, { dryRun }).object);
      return sendJson(res, 200, { kind: k.listKind, apiVersion: apiVersionOf(k, version), metadata: { resourceVersion: store.resourceVersion }, items: items.map((o) => present(k, version, o)) });
    }
    const { object, deleted } = store.delete(k, namespace, name, { preconditions: opts.preconditions, dryRun });
    if (!deleted) return sendJson(res, 202, present(k, version, object));
    if (deleteReturnsObject(k)) return sendJson(res, 200, present(k, version, object));
    const details: Record<string, string> = { name };
    if (k.group) details.group = k.group;
    details.kind = k.plural;
    if (object.metadata.uid) details.uid = object.metadata.uid;
    return sendJson(res, 200, successStatus(details));
  }

  throw errors.methodNotAllowed();
}

/**
 * Server-side apply, simplified: no managed-fields tracking or conflict detection, the applied
 * configuration is merged over the live object (created when missing).
 */
function serverSideApply(res: ServerResponse, route: ResourceRoute, text: string, current: K8sObject | undefined, q: URLSearchParams, fmt: ResponseFormat, ctx: HandlerContext): void {
  const k = route.kind;
  if (!q.get('fieldManager')) throw errors.unprocessable('PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch');
  let applied: unknown;
  try {
    applied = parseYaml(text);
  } catch (err) {
    throw errors.badRequest(`error decoding YAML: ${(err as Error).message}`);
  }
  const body = asObject(applied);
  checkIdentity(route, body);
  const dryRun = isDryRun(q);
  if (!current) {
    const created = ctx.store.create(prepareForCreate(k, body), { kind: k, namespace: route.namespace, dryRun });
    return sendJson(res, 201, formatOne(fmt, k, route.version, created));
  }
  const merged = asObject(strategicMergePatch(present(k, route.version, current), body));
  const updated = ctx.store.update(merged, { kind: k, namespace: route.namespace, subresource: route.subresource === 'status' ? 'status' : undefined, dryRun });
  return sendJson(res, 200, formatOne(fmt, k, route.version, updated));
}
