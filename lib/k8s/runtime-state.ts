import 'server-only';
// Process-wide state shared by instrumentation and route handlers. Next bundles them separately, so a
// module-level variable would exist once per bundle; a globalThis slot exists once per process.
import type { Problem } from './types';

export interface RuntimeState {
  /** Set by the sandbox bootstrap: the only kubeconfig the app loads while the sandbox runs. */
  sandboxKubeconfig?: string;
  /** Seed errors and other bootstrap failures, shown in `/api/cluster`. */
  bootstrapProblems: Problem[];
  /** Messages already printed to the terminal, so each problem is logged once. */
  logged: Set<string>;
}

const KEY = Symbol.for('kube-lua-studio.k8s.runtime');

export function runtimeState(): RuntimeState {
  const g = globalThis as unknown as Record<symbol, RuntimeState | undefined>;
  return (g[KEY] ??= { bootstrapProblems: [], logged: new Set() });
}

/** console.error once per distinct problem for the life of the process. */
export function logProblemOnce(p: Problem): void {
  const state = runtimeState();
  const key = `${p.source}|${p.message}`;
  if (state.logged.has(key)) return;
  state.logged.add(key);
  console.error(`[kube-lua-studio] ${p.message}\n  → ${p.fix}`);
}
