import 'server-only';
import { changedSince } from './changed-since';
// The one way the studio talks to a cluster: @kubernetes/client-node, one cached client set per
// context AND identity (lib/k8s/identity.ts: who the current request acts as), so one user's
// credentials, connections and watches never serve another user's request.
// Generic over the kind registry: list/get/patch go through CustomObjectsApi (raw JSON in and out, so
// CRD fields, nulls in merge patches and timestamps survive untouched), watches through `Watch` on the
// registry's path. Nothing here knows about the sandbox.
import * as k8s from '@kubernetes/client-node';
import { LRUCache } from 'lru-cache';
import { currentIdentity, identityKey, type ClusterIdentity } from './identity';
import { onIdentityEnded } from './identity-ended';
import { identityKubeConfig } from './identity-kubeconfig';
import { resourcePath, type KindDef } from './kinds';
import { loadKubeconfig } from './kubeconfig';
import { toKubeError, type ErrorContext } from './errors';
import type { ConnectionProbe, KubeError, KubeObject } from './types';

export interface ClusterClient {
  context: string;
  /** `identityKey()` of the identity this client acts as (never the token itself). */
  identity: string;
  server: string;
  kc: k8s.KubeConfig;
  objects: k8s.CustomObjectsApi;
  version: k8s.VersionApi;
  watch: k8s.Watch;
  /** Keeps one HTTP dispatcher (connection pool) for every request of this client. */
  reuseConnections: Middleware;
}

/** Thrown by the functions below; `error` is already mapped for the user. */
export class KubeRequestError extends Error {
  constructor(readonly error: KubeError) {
    super(error.message);
    this.name = 'KubeRequestError';
  }
}

/** Signed-in users each get a client set; the least recently used ones go first. */
export const MAX_CLIENTS = 200;

const clients = new LRUCache<string, ClusterClient>({ max: MAX_CLIENTS });
let clientsFor: k8s.KubeConfig | null = null;

const cacheKey = (context: string, identity: string) => `${identity}\u0000${context}`;

/**
 * Client set for a context of the current kubeconfig, acting as the current request's identity
 * (`currentIdentity()`, which refuses when sign-in is on and none is set); throws KubeRequestError
 * for unknown contexts.
 */
export function clusterClient(context: string): ClusterClient {
  return clientFor(context, currentIdentity());
}

function clientFor(context: string, identity: ClusterIdentity): ClusterClient {
  const { kc } = loadKubeconfig();
  // A changed kubeconfig file yields a new merged object: drop clients built from the old one.
  if (clientsFor !== kc) {
    clients.clear();
    clientsFor = kc;
  }
  const id = identityKey(identity);
  const key = cacheKey(context, id);
  const hit = clients.get(key);
  if (hit) return hit;
  const scoped = kc ? identityKubeConfig(kc, context, identity) : null;
  if (!scoped) throw new KubeRequestError({ code: 404, reason: 'UnknownContext', message: `Context "${context}" is not in the kubeconfig.` });
  const client: ClusterClient = {
    context,
    identity: id,
    server: scoped.getCurrentCluster()?.server ?? '',
    kc: scoped,
    objects: scoped.makeApiClient(k8s.CustomObjectsApi),
    version: scoped.makeApiClient(k8s.VersionApi),
    watch: new k8s.Watch(scoped),
    reuseConnections: reuseDispatcher(),
  };
  clients.set(key, client);
  return client;
}

/** Drops every client of `identity` (sign-out), so its token is not kept a moment longer than needed. */
export function forgetClients(identity: ClusterIdentity): void {
  const prefix = `${identityKey(identity)}\u0000`;
  for (const key of [...clients.keys()]) if (key.startsWith(prefix)) clients.delete(key);
}
onIdentityEnded(forgetClients);

/** How many client sets are cached (tests of the bound). */
export function cachedClientCount(): number {
  return clients.size;
}

// --- request options -------------------------------------------------------------------------------

type Middleware = { pre(ctx: k8s.RequestContext): k8s.Observable<k8s.RequestContext>; post(r: k8s.ResponseContext): k8s.Observable<k8s.ResponseContext> };

function middleware(pre: (ctx: k8s.RequestContext) => void): Middleware {
  return {
    pre: (ctx) => {
      pre(ctx);
      return new k8s.Observable(Promise.resolve(ctx));
    },
    post: (r) => new k8s.Observable(Promise.resolve(r)),
  };
}

/**
 * CustomObjectsApi addresses `/apis/{group}/{version}`; the core group lives at `/api/{version}`.
 * Rewriting that one prefix lets every kind, built in or CRD, share the raw-JSON code path.
 */
const coreGroupPath = middleware((ctx) => {
  const url = new URL(ctx.getUrl());
  if (url.pathname.startsWith('/apis//')) {
    url.pathname = '/api/' + url.pathname.slice('/apis//'.length);
    ctx.setUrl(url.toString());
  }
});

/**
 * client-node 2.x builds a new undici Agent for every request, so each one pays a TCP connect and a
 * TLS handshake (a paginated LIST of 10,000 pods: 20 handshakes). The first request's agent is kept
 * and handed to every later request of the same client (same cluster, same credentials).
 */
function reuseDispatcher(): Middleware {
  let kept: ReturnType<k8s.RequestContext['getDispatcher']>;
  return middleware((ctx) => {
    const d = ctx.getDispatcher();
    if (!d) return;
    if (!kept) kept = d;
    else if (d !== kept) ctx.setDispatcher(kept);
  });
}

function options(extra: { timeoutMs?: number; signal?: AbortSignal; mergePatch?: boolean } = {}, client?: ClusterClient): k8s.ConfigurationOptions {
  const list: Middleware[] = [coreGroupPath];
  if (client) list.push(client.reuseConnections);
  if (extra.timeoutMs || extra.signal) {
    const signals = [extra.signal, extra.timeoutMs ? AbortSignal.timeout(extra.timeoutMs) : undefined].filter(Boolean) as AbortSignal[];
    list.push(middleware((ctx) => ctx.setSignal(signals.length === 1 ? signals[0] : AbortSignal.any(signals))));
  }
  const base = { middleware: list, middlewareMergeStrategy: 'append' } as k8s.ConfigurationOptions;
  return extra.mergePatch ? (k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch, base as never) as k8s.ConfigurationOptions) : base;
}

export function groupResourceOf(kind: Pick<KindDef, 'group' | 'plural'>): string {
  return kind.group ? `${kind.plural}.${kind.group}` : kind.plural;
}

async function call<T>(client: ClusterClient, ctx: ErrorContext, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw new KubeRequestError(toKubeError(err, { ...ctx, server: client.server, context: client.context }));
  }
}

// --- generic operations ------------------------------------------------------------------------------

export interface ListResult {
  items: KubeObject[];
  resourceVersion: string;
  /** Set when `limit` cut the list: pass it as `continue` for the next page. */
  continue?: string;
}

export interface ListOptions {
  /** Omit or `''` for all namespaces; ignored for cluster-scoped kinds. */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export async function listObjects(context: string, kind: KindDef, opts: ListOptions = {}): Promise<ListResult> {
  const client = clusterClient(context);
  const namespace = kind.namespaced && opts.namespace ? opts.namespace : undefined;
  const group = kind.group;
  const version = kind.versions[0];
  const o = options(opts, client);
  const select = { labelSelector: opts.labelSelector, fieldSelector: opts.fieldSelector, limit: opts.limit, _continue: opts.continue };
  const list = await call(client, { verb: 'list', resource: groupResourceOf(kind), namespace }, () =>
    namespace
      ? client.objects.listNamespacedCustomObject({ group, version, namespace, plural: kind.plural, ...select }, o)
      : client.objects.listClusterCustomObject({ group, version, plural: kind.plural, ...select }, o),
  );
  const apiVersion = group ? `${group}/${version}` : version;
  // Lists omit apiVersion/kind on items; fill them in so each object stands on its own.
  const items = ((list?.items ?? []) as KubeObject[]).map((o) => stripManagedFields({ apiVersion, kind: kind.kind, ...o }));
  const cont = list?.metadata?.continue;
  return { items, resourceVersion: String(list?.metadata?.resourceVersion ?? ''), ...(cont ? { continue: String(cont) } : {}) };
}

/** `version` (default: the registry's preferred one) lets a caller read an object in the version its reference names. */
export async function getObject(context: string, kind: KindDef, name: string, namespace?: string, opts: { timeoutMs?: number; signal?: AbortSignal; version?: string } = {}): Promise<KubeObject> {
  const client = clusterClient(context);
  const ns = kind.namespaced ? namespace || defaultNamespace(client) : undefined;
  const o = options(opts, client);
  const version = opts.version ?? kind.versions[0];
  const obj = await call(client, { verb: 'get', resource: groupResourceOf(kind), namespace: ns, name }, () =>
    ns
      ? client.objects.getNamespacedCustomObject({ group: kind.group, version, namespace: ns, plural: kind.plural, name }, o)
      : client.objects.getClusterCustomObject({ group: kind.group, version, plural: kind.plural, name }, o),
  );
  return stripManagedFields(obj as KubeObject);
}

/** JSON merge patch (RFC 7386): `null` deletes a key. */
export async function patchObject(context: string, kind: KindDef, name: string, namespace: string | undefined, patch: object, opts: { timeoutMs?: number; signal?: AbortSignal; fieldManager?: string } = {}): Promise<KubeObject> {
  const client = clusterClient(context);
  const ns = kind.namespaced ? namespace || defaultNamespace(client) : undefined;
  const o = options({ ...opts, mergePatch: true }, client);
  const fieldManager = opts.fieldManager ?? 'kube-lua-studio';
  const obj = await call(client, { verb: 'patch', resource: groupResourceOf(kind), namespace: ns, name }, () =>
    ns
      ? client.objects.patchNamespacedCustomObject({ group: kind.group, version: kind.versions[0], namespace: ns, plural: kind.plural, name, body: patch, fieldManager }, o)
      : client.objects.patchClusterCustomObject({ group: kind.group, version: kind.versions[0], plural: kind.plural, name, body: patch, fieldManager }, o),
  );
  return stripManagedFields(obj as KubeObject);
}

// --- writes with optimistic concurrency ------------------------------------------------------------

export interface WriteOpts {
  timeoutMs?: number;
  signal?: AbortSignal;
  fieldManager?: string;
  /** API version to address (default: the registry's preferred one), e.g. the one a reference names. */
  version?: string;
}

/**
 * The 409 a stale precondition gets, in words: the user confirmed a diff computed from another
 * version of the object, so nothing was written and the diff must be reviewed again.
 */
export function changedSinceMessage(kind: string, namespace: string | undefined, name: string, resourceVersion: string | undefined, live?: string): string {
  return changedSince(kind, namespace, name, resourceVersion, live).text;
}

function withConflictWording(err: unknown, kind: KindDef, ns: string | undefined, name: string, rv: string | undefined): never {
  if (err instanceof KubeRequestError && err.error.code === 409 && err.error.reason === 'Conflict') {
    throw new KubeRequestError({ ...err.error, message: changedSinceMessage(kind.kind, ns, name, rv) });
  }
  throw err;
}

function metaOf(body: object): { name?: string; resourceVersion?: string } {
  return ((body as { metadata?: { name?: string; resourceVersion?: string } }).metadata ?? {}) as { name?: string; resourceVersion?: string };
}

/**
 * Full Update (PUT). The body's `metadata.resourceVersion` is the precondition: the server refuses
 * with 409 when the object changed meanwhile (mapped to `changedSinceMessage`). Omitting
 * `managedFields` keeps the server's (the API server preserves them on update).
 */
export async function replaceObject(context: string, kind: KindDef, body: object, namespace?: string, opts: WriteOpts = {}): Promise<KubeObject> {
  const client = clusterClient(context);
  const { name = '', resourceVersion } = metaOf(body);
  const ns = kind.namespaced ? namespace || (body as KubeObject).metadata?.namespace || defaultNamespace(client) : undefined;
  const o = options(opts, client);
  const version = opts.version ?? kind.versions[0];
  const fieldManager = opts.fieldManager ?? 'kube-lua-studio';
  try {
    const obj = await call(client, { verb: 'update', resource: groupResourceOf(kind), namespace: ns, name }, () =>
      ns
        ? client.objects.replaceNamespacedCustomObject({ group: kind.group, version, namespace: ns, plural: kind.plural, name, body, fieldManager }, o)
        : client.objects.replaceClusterCustomObject({ group: kind.group, version, plural: kind.plural, name, body, fieldManager }, o),
    );
    return stripManagedFields(obj as KubeObject);
  } catch (err) {
    withConflictWording(err, kind, ns, name, resourceVersion);
  }
}

/** POST a new object; 409 AlreadyExists keeps the server's wording. */
export async function createObject(context: string, kind: KindDef, body: object, namespace?: string, opts: WriteOpts = {}): Promise<KubeObject> {
  const client = clusterClient(context);
  const { name } = metaOf(body);
  const ns = kind.namespaced ? namespace || (body as KubeObject).metadata?.namespace || defaultNamespace(client) : undefined;
  const o = options(opts, client);
  const version = opts.version ?? kind.versions[0];
  const fieldManager = opts.fieldManager ?? 'kube-lua-studio';
  const obj = await call(client, { verb: 'create', resource: groupResourceOf(kind), namespace: ns, name }, () =>
    ns
      ? client.objects.createNamespacedCustomObject({ group: kind.group, version, namespace: ns, plural: kind.plural, body, fieldManager }, o)
      : client.objects.createClusterCustomObject({ group: kind.group, version, plural: kind.plural, body, fieldManager }, o),
  );
  return stripManagedFields(obj as KubeObject);
}

/**
 * JSON merge patch on the `/status` subresource. A `metadata.resourceVersion` in the patch acts as
 * the precondition (the API server compares it with the live object's before applying).
 */
export async function patchStatus(context: string, kind: KindDef, name: string, namespace: string | undefined, patch: object, opts: WriteOpts = {}): Promise<KubeObject> {
  const client = clusterClient(context);
  const ns = kind.namespaced ? namespace || defaultNamespace(client) : undefined;
  const o = options({ ...opts, mergePatch: true }, client);
  const version = opts.version ?? kind.versions[0];
  const fieldManager = opts.fieldManager ?? 'kube-lua-studio';
  try {
    const obj = await call(client, { verb: 'patch', resource: `${groupResourceOf(kind)}/status`, namespace: ns, name }, () =>
      ns
        ? client.objects.patchNamespacedCustomObjectStatus({ group: kind.group, version, namespace: ns, plural: kind.plural, name, body: patch, fieldManager }, o)
        : client.objects.patchClusterCustomObjectStatus({ group: kind.group, version, plural: kind.plural, name, body: patch, fieldManager }, o),
    );
    return stripManagedFields(obj as KubeObject);
  } catch (err) {
    withConflictWording(err, kind, ns, name, metaOf(patch).resourceVersion);
  }
}

/** Request options for other API groups of the same client (access reviews). */
export function requestOptions(client: ClusterClient, extra: { timeoutMs?: number; signal?: AbortSignal } = {}): k8s.ConfigurationOptions {
  return options(extra, client);
}

/** Maps a failure of another API group's call the same way as the calls above. */
export function callFor<T>(client: ClusterClient, ctx: ErrorContext, fn: () => Promise<T>): Promise<T> {
  return call(client, ctx, fn);
}

function defaultNamespace(client: ClusterClient): string {
  return client.kc.getContextObject(client.context)?.namespace || 'default';
}

/** Cheap reachability check: `GET /version` with a short timeout. */
export async function probeVersion(context: string, timeoutMs = 2500): Promise<ConnectionProbe> {
  try {
    const client = clusterClient(context);
    const info = await call(client, { verb: 'get', resource: 'version' }, () => client.version.getCode(options({ timeoutMs }, client)));
    return { ok: true, version: info.gitVersion };
  } catch (err) {
    if (!(err instanceof KubeRequestError)) return { ok: false, reason: String(err) };
    return err.error.messageMsg ? { ok: false, reason: err.message, reasonMsg: err.error.messageMsg } : { ok: false, reason: err.message };
  }
}

// --- watch -----------------------------------------------------------------------------------------

export interface WatchHandlers {
  onEvent(type: string, object: unknown): void;
  /** Called once when the watch ends: `null` for a clean close by the server. */
  onDone(err: unknown): void;
}

/**
 * Starts a watch on the kind's collection from `resourceVersion`. Resolves once the server accepted
 * the request (HTTP 200) or the attempt failed (then `onDone` has already been called).
 */
export async function watchObjects(
  context: string,
  kind: KindDef,
  opts: { namespace?: string; resourceVersion: string; timeoutSeconds?: number },
  handlers: WatchHandlers,
): Promise<{ abort(): void }> {
  const client = clusterClient(context);
  const namespace = kind.namespaced && opts.namespace ? opts.namespace : undefined;
  const controller = await client.watch.watch(
    resourcePath(kind, { namespace }),
    { resourceVersion: opts.resourceVersion, allowWatchBookmarks: true, timeoutSeconds: opts.timeoutSeconds },
    (type, object) => handlers.onEvent(type, object),
    (err) => handlers.onDone(err),
  );
  return { abort: () => controller.abort() };
}

export function stripManagedFields<T extends KubeObject>(obj: T): T {
  if (!obj?.metadata || !('managedFields' in obj.metadata)) return obj;
  const { managedFields: _drop, ...metadata } = obj.metadata;
  return { ...obj, metadata } as T;
}
