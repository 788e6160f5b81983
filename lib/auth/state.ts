import 'server-only';
// One session store and one sign-in limiter per process. Next bundles proxy.ts, route handlers and
// server actions separately, so a module-level variable would exist once per bundle; a globalThis
// slot exists once (as lib/k8s/runtime-state.ts does).
import { identityEnded } from '@/lib/k8s/identity-ended';
import { sessionLimits } from './config';
import { FailureRateLimit } from './rate-limit';
import { SessionStore } from './session-store';

export interface AuthState {
  sessions: SessionStore;
  signInFailures: FailureRateLimit;
  /** Addresses whose proxy headers were ignored, so each is logged once. */
  untrustedLogged: Set<string>;
}

const KEY = Symbol.for('kube-lua-studio.auth.state');

export function authState(): AuthState {
  const g = globalThis as unknown as Record<symbol, AuthState | undefined>;
  return (g[KEY] ??= {
    sessions: new SessionStore({
      limits: () => sessionLimits(),
      // an ended session's token must not stay usable in any bundle's client cache; the caches
      // register themselves, so proxy.ts need not bundle the Kubernetes client
      onEnd: (s) => identityEnded(s.identity),
    }),
    signInFailures: new FailureRateLimit({ max: 5, windowMs: 60_000 }),
    untrustedLogged: new Set(),
  });
}
