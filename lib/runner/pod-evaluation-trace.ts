// The drawer's per-plugin trace for one pod. The chain's result names only the plugin whose answer
// was used (or which failed), so the trace runs the pod through each prefix of the chain in the
// worker: prefix k's answer is plugin k's own when no earlier plugin answered (the chain stops at the
// first non-empty pair or error), with DeepFlow's shared per-pod state intact.
import type { PodTag } from '@/lib/deepflow/tag';
import { errorLine, tagRequest, type EvaluationInput, type PluginSource } from './pod-evaluation';
import type { RunnerRequestBody } from './protocol';

export interface TraceStep {
  index: number;
  name: string;
  /** false: an earlier plugin decided, or the built-in rule ran instead of the plugins */
  ran: boolean;
  returned: { type: string; name: string } | null;
  error: string | null;
  line: number | null;
  /** this plugin's answer ended the chain */
  decided: boolean;
  prints: string[];
}

/** One request per chain prefix, for `pod` alone. */
export function traceRequests(pod: unknown, ctx: Omit<EvaluationInput, 'pods'>): RunnerRequestBody[] {
  return ctx.plugins.map((_, k) => tagRequest([pod], { ...ctx, plugins: ctx.plugins.slice(0, k + 1) }));
}

/** `results[k]`: the pod's tag under plugins[0..k]. */
export function traceFromResults(plugins: readonly PluginSource[], results: readonly PodTag[]): TraceStep[] {
  let stopped = false;
  return plugins.map((p, k) => {
    const step: TraceStep = { index: k, name: p.name, ran: false, returned: null, error: null, line: null, decided: false, prints: [] };
    const r = results[k];
    if (stopped || !r || r.workload?.source === 'builtin-rule' || r.workload?.source === 'inplaceset') return step;
    const prev = k > 0 ? results[k - 1] : null;
    step.ran = true;
    // print output accumulates over the prefix; this plugin's lines are the new ones
    step.prints = r.prints.slice(prev?.prints.length ?? 0);
    if (r.plugin.error !== null) {
      step.error = r.plugin.error;
      step.line = errorLine(r.plugin.error);
      step.decided = true;
    } else {
      step.returned = { type: r.plugin.type, name: r.plugin.name };
      step.decided = r.plugin.type !== '' && r.plugin.name !== '';
    }
    if (step.decided) stopped = true;
    return step;
  });
}
