import 'server-only';
// What every Rollout service shares: the Kruise namespace, the built-in scripts, and Lua run only in
// the worker thread (never in the request's own thread), each call within a budget and a hard stop.
import { kruiseBuiltins, KRUISE_CONFIGMAP, type RouteInput, type RouteOutput } from '@/lib/kruise';
import type { LintIssue } from '@/lib/lua/lint';
import builtinScripts from '@/lib/lua/vendor/builtin-scripts.mjs';
import { runInThread } from '@/lib/runner/node-client';

export { KRUISE_CONFIGMAP };

/** The controller's `$POD_NAMESPACE`: where it reads `kruise-rollout-configuration`. */
export function kruiseNamespace(): string {
  return process.env.STUDIO_KRUISE_NAMESPACE?.trim() || 'kruise-rollout';
}

/** Kruise's own built-ins only (the Istio scripts); our other recipes under lua/ are ConfigMap material. */
export function builtins(): Record<string, string> {
  return kruiseBuiltins(builtinScripts);
}

/** In-engine budget per step (the controller's own default timeout is far longer; a preview must not hang). */
const STEP_BUDGET = { ms: 1_000 };
/** Hard stop of the worker for one request (all steps of one ref). */
const HARD_STOP_MS = 15_000;

export type LuaRun<T> = { ok: true; output: T } | { ok: false; error: string };

export async function runRoute(input: RouteInput): Promise<LuaRun<RouteOutput>> {
  const res = await runInThread({ type: 'route', input: { ...input, budget: STEP_BUDGET } }, { timeoutMs: HARD_STOP_MS });
  if (!res.ok) return { ok: false, error: res.error.kind === 'timeout' ? `the script did not finish within ${HARD_STOP_MS / 1000} s and was stopped` : res.error.message };
  if (res.type !== 'route') return { ok: false, error: 'the Lua worker answered another request' };
  return { ok: true, output: res.output };
}

export async function lintKruise(source: string): Promise<LuaRun<LintIssue[]>> {
  const res = await runInThread({ type: 'lint', input: { source, dialect: 'kruise' } }, { timeoutMs: HARD_STOP_MS });
  if (!res.ok) return { ok: false, error: res.error.message };
  if (res.type !== 'lint') return { ok: false, error: 'the Lua worker answered another request' };
  return { ok: true, output: res.output };
}
