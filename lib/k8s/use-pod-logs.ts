'use client';
// The pod drawer's log: fetched on open and when the user asks (refetch), never polled.
import { useQuery } from '@tanstack/react-query';
import { useClusterInfo } from './hooks';
import { podLogUrl, type PodLogParams, type PodLogResult } from './pod-log-types';

export function podLogsQueryKey(context: string | null, p: PodLogParams) {
  return ['pod-logs', context, p.namespace, p.name, p.container ?? null, p.previous ?? false] as const;
}

async function fetchPodLog(p: PodLogParams): Promise<PodLogResult> {
  const r = await fetch(podLogUrl(p), { cache: 'no-store' });
  const body = (await r.json().catch(() => null)) as PodLogResult | null;
  if (body && typeof body === 'object' && 'ok' in body) return body;
  return { ok: false, error: `GET ${podLogUrl(p)} answered ${r.status}`, code: 'unknown', reason: `HTTP ${r.status}` };
}

/**
 * `data` is the route's answer, failures included (`{ ok: false, error }` with the cluster's reason),
 * so the drawer shows "pods/log forbidden" as text rather than a thrown error. `refetch()` reloads.
 */
export function usePodLogs(p: PodLogParams & { enabled?: boolean }) {
  const cluster = useClusterInfo();
  const context = cluster.data?.current ?? null;
  const { enabled = true, ...params } = p;
  return useQuery({
    queryKey: podLogsQueryKey(context, params),
    queryFn: () => fetchPodLog(params),
    enabled: enabled && !!context && !!params.namespace && !!params.name,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: false,
  });
}
