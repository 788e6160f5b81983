'use client';
// One plugin chain over the live pods, in the browser's Web Worker (useLuaRun): the engine's budget
// stops a runaway plugin on each pod, the hard stop below ends the run if that is not enough, and
// the last good result stays (marked stale).
import { useMemo, useState } from 'react';
import { useAgentSettings } from '@/lib/plugins/hooks';
import type { ChainPlugin } from '@/lib/plugins/impact';
import type { RunnerError } from '@/lib/runner/protocol';
import { useLuaRun } from '@/lib/runner/use-lua-run';
import type { LivePods } from './use-live-pods';

/**
 * Hard stops. The plugins pages start two or three workers at once beside Monaco, so a cold worker
 * (engine load included in the runner's clock) gets far more than the playground's 5 s; a warm one
 * gets a few seconds plus about a millisecond per pod, since a long pod list is an honest long run.
 */
const COLD_MS = 20_000;
const WARM_MS = 4_000;

function hardStop(run: { stats: unknown; error: RunnerError | null }, pods: number): number {
  const warm = run.stats !== null && run.error?.kind !== 'timeout' && run.error?.kind !== 'crash';
  return (warm ? WARM_MS : COLD_MS) + pods;
}

export function useChainTags(chain: ChainPlugin[] | null, live: LivePods['value']) {
  const agent = useAgentSettings();
  const request = useMemo(() => {
    if (!chain || !live || agent.isLoading) return null;
    return {
      type: 'tag' as const,
      input: { pods: live.pods, objects: live.objects, plugins: chain, apiResources: agent.entries, deepflowVersion: agent.version },
    };
  }, [chain, live, agent.isLoading, agent.entries, agent.version]);
  const pods = live?.pods.length ?? 0;
  const [timeoutMs, setTimeoutMs] = useState(COLD_MS + pods);
  const run = useLuaRun(request, { timeoutMs });
  const next = hardStop(run, pods);
  if (next !== timeoutMs) setTimeoutMs(next);
  return { run, version: agent.version, waiting: request === null };
}
