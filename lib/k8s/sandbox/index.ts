// The sandbox cluster: a Kubernetes-API-compatible HTTPS server on 127.0.0.1 that the app reaches
// through @kubernetes/client-node exactly like a real cluster. No 'server-only' import: tests and
// scripts load it too.
//
// Deliberate differences from a real API server (documented for plugin authors):
// - creating a namespaced object in a namespace that does not exist is allowed;
// - deletes are immediate (no grace period, no garbage collection of dependents), except that
//   finalizers hold an object with `deletionTimestamp` until they are removed; deleting a
//   Namespace deletes everything in it at once;
// - `status` is kept on create (so `kubectl create -f snapshot.yaml` reproduces a snapshot), but
//   PUT/PATCH on the main resource never change it and `/status` changes nothing else;
// - continue tokens page over the live data (not a snapshot); server-side apply merges without
//   managed fields; OpenAPI v3 documents carry no schemas (only what tells kubectl to leave
//   validation to the server), and the server does not validate fields beyond metadata;
// - metadata is validated as ValidateObjectMeta does (validation.ts: names per kind, namespace,
//   labels, annotation keys and total size, finalizer names; messages of apimachinery v0.32), but
//   not ownerReferences, managedFields or update immutability (the sandbox keeps name/uid/
//   creationTimestamp itself); a `/status` write keeps the stored metadata, so it is not validated;
// - RBAC is a fixed model per sandbox (rbac.ts), not Role/ClusterRole/RoleBinding objects (those, and
//   ServiceAccounts, are stored and served so `kubectl apply -k deploy/…` works, never enforced): user
//   `<name>-admin` may do everything, `<name>-viewer` may get/list/watch everything (pods/log too),
//   `users` adds more; every user also holds `system:basic-user` (self reviews) and discovery.
//   `denyResources` is spelled out as a grant of every other served resource (RBAC has no deny).
//   Only the self reviews of `authorization.k8s.io/v1` are served (no SubjectAccessReview, no
//   LocalSubjectAccessReview); an allowed review's reason names a binding that does not exist as
//   an object; non-resource paths are never refused (every user has discovery);
// - request bodies may be JSON, YAML or protobuf, but protobuf only for the built-in kinds, Scale,
//   DeleteOptions and the self reviews (protobuf/, Kubernetes 1.36 schemas: newer fields are
//   dropped; any other kind is 415 UnsupportedMediaType); responses are always JSON; quantities
//   are kept as written, not canonicalised (`1000m` stays `1000m`);
// - `/scale` exists for Deployments, ReplicaSets and StatefulSets only (not for custom resources)
//   and changes `spec.replicas` only: no controller creates pods or updates `status.replicas`;
//   no server-side apply on it;
// - seed files are resolved from `process.cwd()` (see DEFAULT_SEED_DIR) so they also work when
//   Next.js bundles this module.
import { randomBytes } from 'node:crypto';
import { SANDBOX_KINDS, type KindDef } from '../kinds';
import { ADMIN_RULES, Rbac, VIEWER_RULES, withoutResources, type RbacUser } from './rbac';
import { loadSeed, SeedError, seedSourceOf } from './seed';
import { rebaseTimestamps } from './timestamps';
import { SandboxServer } from './server';
import { ApiError } from './status';
import { SandboxStore, type K8sObject } from './store';
import { createTls } from './tls';

export { sandboxKubeconfig } from './kubeconfig';
export { loadSeed, SeedError, seedSourceOf, DEFAULT_SEED_DIR, STAGING_SEED_DIR } from './seed';
export { SandboxStore } from './store';
export { checkScale, generateScaleObjects, parseScale } from './scale';
export type { K8sObject, ObjectMeta, StoreEvent, ListOptions, ListResult, KindRef } from './store';
export { ApiError } from './status';
export type { PolicyRule, RbacUser } from './rbac';

export interface SandboxOptions {
  host?: string;
  port?: number;
  seed?: string | string[];
  name?: string;
  /** Resources (`pods`, `pods/log`, `trafficroutings`) no user may touch: 403 Forbidden, still in discovery. */
  denyResources?: string[];
  extraKinds?: KindDef[];
  /** Objects to load in addition to (after) the seed folders; handy for small in-memory test seeds. */
  objects?: object[];
  /** Bearer token of the admin user `<name>-admin` (may do everything); random by default. */
  token?: string;
  /** Bearer token of the read-only user `<name>-viewer` (get/list/watch); random by default. */
  viewerToken?: string;
  /** More users with their own RBAC rules (tests of partial permissions). */
  users?: RbacUser[];
  /** Events kept for watch replay; older resourceVersions get 410 Expired. Default 1000. */
  eventWindow?: number;
  /** Interval of BOOKMARK events on watches with allowWatchBookmarks=true. Default 5000 ms. */
  bookmarkIntervalMs?: number;
  /** Seed objects of kinds the sandbox does not serve: fail (default) or skip them. */
  unknownKinds?: 'error' | 'skip';
  /**
   * Shift every RFC 3339 timestamp of the loaded objects so the newest one becomes "now". The built-in
   * demo seeds were written on one day; without this their ages grow forever. A user's snapshot keeps
   * its real times.
   */
  freshTimestamps?: boolean;
  /** Called with one line per request (method, path, status, duration). */
  log?: (line: string) => void;
}

export interface Sandbox {
  url: string;
  caPem: string;
  token: string;
  /** The read-only user's token (`<name>-viewer`). */
  viewerToken: string;
  store: SandboxStore;
  pause(): Promise<void>;
  resume(): Promise<void>;
  close(): Promise<void>;
}

function seedFailure(obj: object, err: unknown, fallbackFile: string): SeedError {
  const src = seedSourceOf(obj);
  const o = obj as K8sObject;
  const what = `${o.kind} ${o.metadata?.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata?.name}`;
  const problem = `${src?.path ? `${src.path}: ` : ''}${what} cannot be loaded: ${(err as Error).message}`;
  const fix = /already exists/.test((err as Error).message)
    ? 'Remove the duplicate or rename one of them'
    : err instanceof ApiError && err.reason === 'Invalid'
      ? 'Fix the metadata as the message says: a real API server refuses this object too'
      : 'Use a kind the sandbox serves (see lib/k8s/kinds.ts), pass it in `extraKinds`, or start with `unknownKinds: "skip"`';
  return new SeedError(src?.file ?? fallbackFile, problem, fix, src?.line, src?.column);
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const host = opts.host ?? '127.0.0.1';
  const name = opts.name ?? 'sandbox';
  const store = new SandboxStore({ kinds: [...SANDBOX_KINDS, ...(opts.extraKinds ?? [])], eventWindow: opts.eventWindow });

  const loaded = [...(opts.seed ? await loadSeed(opts.seed) : []), ...(opts.objects ?? [])];
  const objects = opts.freshTimestamps ? rebaseTimestamps(loaded, Date.now()) : loaded;
  const served = objects.filter((o) => {
    const { apiVersion, kind } = o as K8sObject;
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
    const known = store.kinds.some((k) => k.group === group && k.kind === kind && k.versions.includes(version));
    if (!known && opts.unknownKinds !== 'skip') throw seedFailure(o, new Error(`no kind ${kind} is served for ${apiVersion}`), '(objects)');
    return known;
  });
  store.load(served as K8sObject[], (o, err) => {
    throw seedFailure(o, err, '(objects)');
  });

  const tls = await createTls(host, name);
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const viewerToken = opts.viewerToken ?? randomBytes(24).toString('base64url');
  const deny = opts.denyResources ?? [];
  const rbac = new Rbac([
    { name: `${name}-admin`, token, rules: withoutResources(ADMIN_RULES, store.kinds, deny), grantedBy: `ClusterRoleBinding "cluster-admin" of ClusterRole "cluster-admin" to User "${name}-admin"` },
    { name: `${name}-viewer`, token: viewerToken, rules: withoutResources(VIEWER_RULES, store.kinds, deny), grantedBy: `ClusterRoleBinding "${name}-viewer" of ClusterRole "view" to User "${name}-viewer"` },
    ...(opts.users ?? []),
  ]);
  const server = new SandboxServer(
    {
      store,
      rbac,
      tls: { key: tls.keyPem, cert: tls.certPem },
      bookmarkIntervalMs: opts.bookmarkIntervalMs ?? 5000,
      log: opts.log,
    },
    host,
  );
  const port = await server.listen(opts.port ?? 0);
  let state: 'up' | 'paused' | 'closed' = 'up';

  return {
    url: `https://${server.address}`,
    caPem: tls.caPem,
    token,
    viewerToken,
    store,
    async pause() {
      if (state !== 'up') return;
      state = 'paused';
      await server.stop();
    },
    async resume() {
      if (state !== 'paused') return;
      await server.listen(port);
      state = 'up';
    },
    async close() {
      if (state === 'closed') return;
      state = 'closed';
      await server.stop();
    },
  };
}
