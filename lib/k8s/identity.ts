import 'server-only';
// Who a cluster call acts as. Ambient (AsyncLocalStorage), set once per request at its entry point
// (server action, route handler, page) by lib/auth, and read by clusterClient(). Fail closed: when
// sign-in is on (STUDIO_AUTH token or proxy), a call with no identity set is refused instead of
// falling back to the studio's own credentials.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';

export type ClusterIdentity =
  /** the kubeconfig's (or the in-cluster service account's) own credentials */
  | { kind: 'kubeconfig' }
  /** a signed-in user's bearer token (STUDIO_AUTH=token) */
  | { kind: 'token'; token: string }
  /** the studio's credentials with Impersonate-User / Impersonate-Group (STUDIO_AUTH=proxy) */
  | { kind: 'impersonate'; user: string; groups: string[] };

/** The person behind a request, for the header and the audit. */
export interface Viewer {
  user: string;
  groups: string[];
  /** how the user was established */
  via: 'kubeconfig' | 'token' | 'proxy';
}

interface Scope {
  identity: ClusterIdentity;
  viewer: Viewer;
  /** set by the client when the cluster answered 401 to this identity (expired or revoked token) */
  unauthorized?: boolean;
}

const KEY = Symbol.for('kube-lua-studio.k8s.identity');
const g = globalThis as unknown as Record<symbol, AsyncLocalStorage<Scope> | undefined>;
// one store per process, although Next bundles route handlers and actions separately
const storage: AsyncLocalStorage<Scope> = (g[KEY] ??= new AsyncLocalStorage<Scope>());

export const KUBECONFIG_IDENTITY: ClusterIdentity = { kind: 'kubeconfig' };

export function runWithIdentity<T>(identity: ClusterIdentity, viewer: Viewer, fn: () => T): T {
  return storage.run({ identity, viewer }, fn);
}

/** For the studio's own work (bootstrap, seeding): its own credentials, named as such in the audit. */
export function runAsStudio<T>(fn: () => T): T {
  return storage.run({ identity: KUBECONFIG_IDENTITY, viewer: { user: 'kube-lua-studio', groups: [], via: 'kubeconfig' } }, fn);
}

export class NoIdentityError extends Error {
  constructor() {
    super('This request has no signed-in user: sign in again.');
    this.name = 'NoIdentityError';
  }
}

function signInRequired(): boolean {
  const mode = (process.env['STUDIO_AUTH'] ?? '').trim().toLowerCase();
  return mode === 'token' || mode === 'proxy';
}

/** The identity of the current request; kubeconfig when sign-in is off and nothing was set. */
export function currentIdentity(): ClusterIdentity {
  const scope = storage.getStore();
  if (scope) return scope.identity;
  if (signInRequired()) throw new NoIdentityError();
  return KUBECONFIG_IDENTITY;
}

/** Called by lib/k8s/client.ts on a 401 from the cluster; lib/auth then ends the session. */
export function markUnauthorized(): void {
  const scope = storage.getStore();
  if (scope) scope.unauthorized = true;
}

export function wasUnauthorized(): boolean {
  return storage.getStore()?.unauthorized === true;
}

export function currentViewer(): Viewer | null {
  return storage.getStore()?.viewer ?? null;
}

/** A cache key that never holds the token itself. */
export function identityKey(id: ClusterIdentity): string {
  switch (id.kind) {
    case 'kubeconfig':
      return 'kubeconfig';
    case 'token':
      return `token:${createHash('sha256').update(id.token).digest('hex')}`;
    case 'impersonate':
      return `as:${JSON.stringify([id.user, [...id.groups].sort()])}`;
  }
}
