// The request handler shared by the browser Worker and the Node worker thread. Times each request
// inside the worker and reports the instructions the host counted.
import { checkSyntax } from '@/lib/lua';
import { routeSteps } from '@/lib/kruise';
import { tagPods } from '@/lib/deepflow';
import { lintLua } from '@/lib/lua/lint';
import { runClusterScript, type KubeTransport } from './cluster-script';
import type { RunnerRequest, RunnerResponse, RunStats } from './protocol';

export interface HandlerEnv {
  /** How cluster scripts reach the studio's `/api/kube` route; absent where there is none (CLI). */
  kube?: KubeTransport;
}

/** Hosts report `stats.instructions` on their output once they count them; until then 0. */
function instructionsOf(output: object): number {
  const stats = (output as { stats?: { instructions?: unknown } }).stats;
  return typeof stats?.instructions === 'number' ? stats.instructions : 0;
}

export async function handleRequest(req: RunnerRequest, env: HandlerEnv = {}): Promise<RunnerResponse> {
  const started = performance.now();
  const stats = (output: object): RunStats => ({ ms: performance.now() - started, instructions: instructionsOf(output) });
  try {
    switch (req.type) {
      case 'route': {
        const output = routeSteps(req.input);
        return { id: req.id, ok: true, type: 'route', output, stats: stats(output) };
      }
      case 'tag': {
        const output = tagPods(req.input);
        return { id: req.id, ok: true, type: 'tag', output, stats: stats(output) };
      }
      case 'check': {
        const output = checkSyntax(req.source, req.profile);
        return { id: req.id, ok: true, type: 'check', output, stats: stats(output) };
      }
      case 'lint': {
        const output = lintLua(req.input.source, req.input.dialect);
        return { id: req.id, ok: true, type: 'lint', output, stats: { ms: performance.now() - started, instructions: 0 } };
      }
      case 'cluster': {
        if (!env.kube) return { id: req.id, ok: false, error: { kind: 'unsupported', message: 'cluster scripts run only in the studio (they read through its /api/kube route)' } };
        const run = await runClusterScript(req.input, env.kube);
        return { id: req.id, ok: true, type: 'cluster', output: run.output, stats: run.stats };
      }
    }
  } catch (e) {
    return { id: req.id, ok: false, error: { kind: 'crash', message: e instanceof Error ? e.message : String(e) } };
  }
}
