'use client';
// One plugin chain over the live pods, in the browser's Web Worker (useLuaRun): the runner's budget
// and hard stop end a runaway plugin, and the last good result stays (marked stale).
import { useMemo, useState } from 'react';
import { previewTimeout } from '@/components/playground/run-error';
import { useAgentSettings } from '@/lib/plugins/hooks';
import type { ChainPlugin } from '@/lib/plugins/impact';
import { useLuaRun } from '@/lib/runner/use-lua-run';
import { DEFAULT_TIMEOUT_MS } from '@/lib/runner/run-scheduler';
import type { LivePods } from './use-live-pods';

export function useChainTags(chain: ChainPlugin[] | null, live: LivePods['value'], opts: { preview?: boolean } = {}) {
  const agent = useAgentSettings();
  const request = useMemo(() => {
    if (!chain || !live || agent.isLoading) return null;
    return {
      type: 'tag' as const,
      input: { pods: live.pods, objects: live.objects, plugins: chain, apiResources: agent.entries, deepflowVersion: agent.version },
    };
  }, [chain, live, agent.isLoading, agent.entries, agent.version]);
  // The editor's preview uses the playground's short hard stop once the worker is warm, so a runaway
  // shows at once; the list page keeps the runner's default.
  const [timeoutMs, setTimeoutMs] = useState(opts.preview ? previewTimeout({ stats: null, error: null }) : DEFAULT_TIMEOUT_MS.tag);
  // A long pod list is an honest long run, not a runaway: allow about a millisecond per pod on top.
  const run = useLuaRun(request, { timeoutMs: timeoutMs + (live?.pods.length ?? 0) });
  if (opts.preview) {
    const next = previewTimeout(run);
    if (next !== timeoutMs) setTimeoutMs(next);
  }
  return { run, version: agent.version, waiting: request === null };
}
