// Next bundles proxy.ts, route handlers and server actions separately, and each bundle that loads
// the Kubernetes client has its own client cache. When a session ends, every one of those caches
// must drop the identity's clients, so the caches register here (a globalThis slot exists once per
// process) and the session store calls `identityEnded` without importing the client.
import type { ClusterIdentity } from './identity';

type Forget = (identity: ClusterIdentity) => void;

const KEY = Symbol.for('kube-lua-studio.k8s.identity-ended');

function listeners(): Set<Forget> {
  const g = globalThis as unknown as Record<symbol, Set<Forget> | undefined>;
  return (g[KEY] ??= new Set());
}

/** Registers a cache's forget function; returns the unregister function. */
export function onIdentityEnded(forget: Forget): () => void {
  listeners().add(forget);
  return () => listeners().delete(forget);
}

/** Tells every registered cache to drop `identity`; one cache failing does not stop the others. */
export function identityEnded(identity: ClusterIdentity): void {
  for (const forget of listeners()) {
    try {
      forget(identity);
    } catch {
      // a cache that cannot forget is already gone; the others must still run
    }
  }
}
