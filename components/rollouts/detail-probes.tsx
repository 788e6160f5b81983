'use client';
// A Rollout references any number of gateway kinds, and every ref runs in its own Worker: hooks
// cannot be called a variable number of times, so each list and each run lives in a renderless
// child that reports to the page. Both reuse the app's hooks unchanged (the one watch stream, the
// runner's scheduler).
import { useEffect } from 'react';
import { useKubeList, type KubeListResult } from '@/lib/k8s/hooks';
import type { RouteOutput } from '@/lib/kruise';
import { useLuaRun } from '@/lib/runner/use-lua-run';
import type { RunnerError } from '@/lib/runner/protocol';
import type { RefInput } from '@/lib/kruise';
import { routeRequest } from '@/lib/rollouts/browser-preview';

export function ListProbe({ kindKey, namespace, onChange }: { kindKey: string; namespace: string; onChange: (kindKey: string, list: KubeListResult<unknown>) => void }) {
  const list = useKubeList<unknown>(kindKey, { namespace });
  const { items, state, reason } = list;
  useEffect(() => {
    onChange(kindKey, { items, state, ...(reason !== undefined ? { reason } : {}) });
  }, [kindKey, items, state, reason, onChange]);
  return null;
}

export interface RefRunState {
  output: RouteOutput | null;
  running: boolean;
  stale: boolean;
  error: RunnerError | null;
}

function useReported(key: string, which: 'actual' | 'edited', input: RefInput | null, onChange: (key: string, which: 'actual' | 'edited', s: RefRunState) => void) {
  const run = useLuaRun(routeRequest(input));
  const { result, running, stale, error } = run;
  useEffect(() => {
    onChange(key, which, { output: input?.input ? result : null, running, stale, error });
  }, [key, which, input, result, running, stale, error, onChange]);
}

/** One ref: the controller's script, and (while the script is edited) the edited one. */
export function RefRun({ refKey, actual, edited, onChange }: { refKey: string; actual: RefInput; edited: RefInput | null; onChange: (key: string, which: 'actual' | 'edited', s: RefRunState) => void }) {
  useReported(refKey, 'actual', actual, onChange);
  useReported(refKey, 'edited', edited, onChange);
  return null;
}
