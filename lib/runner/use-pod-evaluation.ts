'use client';
// React binding of PodEvaluator: one evaluator and one Web Worker per pods page.
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { regroupAbstract } from '@/lib/deepflow/regroup';
import type { PodTag } from '@/lib/deepflow/tag';
import { createBrowserRunner } from './browser-client';
import { BATCH_TIMEOUT_MS, contextKey, PodEvaluator, trimPod, type EvaluationInput, type EvaluationSnapshot } from './pod-evaluation';
import { traceFromResults, traceRequests, type TraceStep } from './pod-evaluation-trace';

const EMPTY: EvaluationSnapshot = { tags: new Map(), evaluated: 0, total: 0, running: false, halt: null, seq: 0 };

/** The saved chain's verdicts for `input.pods`, streaming in batch by batch; null input: nothing to run yet. */
export function usePodEvaluation(input: EvaluationInput | null): EvaluationSnapshot {
  // Each batch is already grouped inside the worker; regroupAbstract carries the rule across batches.
  const [evaluator] = useState(() => new PodEvaluator(createBrowserRunner(), { regroup: regroupAbstract }));
  const snapshot = useSyncExternalStore(evaluator.subscribe, evaluator.getSnapshot, () => EMPTY);
  useEffect(() => {
    evaluator.setInput(input);
  }, [evaluator, input]);
  useEffect(() => () => evaluator.dispose(), [evaluator]);
  return snapshot;
}

export interface PodTraceState {
  steps: TraceStep[] | null;
  error: string | null;
  running: boolean;
}

/** The per-plugin trace of one pod (the drawer), on its own worker so it never waits behind the page's batches. */
export function usePodTrace(pod: unknown | null, ctx: Omit<EvaluationInput, 'pods'> | null): PodTraceState {
  const [runner] = useState(() => createBrowserRunner());
  const [state, setState] = useState<PodTraceState>({ steps: null, error: null, running: false });
  const key = useMemo(() => (pod && ctx ? JSON.stringify([trimPod(pod), contextKey(ctx)]) : null), [pod, ctx]);
  useEffect(() => {
    if (!key || !pod || !ctx) return;
    let cancelled = false;
    setState({ steps: null, error: null, running: true });
    void (async () => {
      const results: PodTag[] = [];
      for (const req of traceRequests(pod, ctx)) {
        const r = await runner.run(req, { timeoutMs: BATCH_TIMEOUT_MS });
        if (cancelled) return;
        if (!r.ok) return setState({ steps: null, error: r.error.message, running: false });
        if (r.type === 'tag') results.push(r.output.pods[0]);
      }
      setState({ steps: traceFromResults(ctx.plugins, results), error: null, running: false });
    })();
    return () => {
      cancelled = true;
    };
    // the key covers pod and ctx by value
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, runner]);
  useEffect(() => () => void runner.close(), [runner]);
  return state;
}
