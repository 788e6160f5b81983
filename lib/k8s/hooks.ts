'use client';
// The client contract for views: cluster info, live lists, the connection indicator. (Context
// switching calls a server action, so its hook lives in components/use-switch-context.ts: lib/ never imports app/.)
import { useEffect, useSyncExternalStore } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { kubeQueryKey } from './watch-client';
import { useWatchClient } from './watch-provider';
import type { ClusterInfo, KubeObject, ListState, ListStateName, Problem } from './types';
import { answerError, notJsonError, type ErrorBody } from '@/lib/i18n/answer-error';
import { msg, MsgError, type Msg } from '@/lib/i18n/message';

export const clusterQueryKey = ['cluster'] as const;

function errorReason(e: unknown): { reason: string; reasonMsg?: Msg } {
  const reason = e instanceof Error ? e.message : String(e);
  return e instanceof MsgError && e.msg ? { reason, reasonMsg: e.msg } : { reason };
}

async function fetchClusterInfo(): Promise<ClusterInfo> {
  const r = await fetch('/api/cluster', { cache: 'no-store' });
  const body = (await r.json().catch(() => null)) as (ClusterInfo & ErrorBody) | null;
  if (!r.ok) throw answerError('/api/cluster', r.status, body);
  if (!body) throw notJsonError('/api/cluster');
  return body;
}

const noSubscription = () => () => {};

/** False while React hydrates server HTML (and on the server), true from then on. */
export function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}

export interface ClusterInfoResult {
  data: ClusterInfo | undefined;
  error: Error | null;
  isPending: boolean;
  isError: boolean;
}

const HYDRATING: ClusterInfoResult = { data: undefined, error: null, isPending: true, isError: false };

export function useClusterInfo(opts: { refetchIntervalMs?: number } = {}): ClusterInfoResult {
  const q = useQuery({ queryKey: clusterQueryKey, queryFn: fetchClusterInfo, staleTime: 10_000, refetchInterval: opts.refetchIntervalMs });
  const hydrated = useHydrated();
  // The server renders without cluster info. A Suspense boundary that hydrates after another one
  // fetched it must first render that same HTML, or React drops the server HTML (#418) and with it
  // whatever the user typed before hydration.
  if (!hydrated) return HYDRATING;
  return { data: q.data, error: q.error, isPending: q.isPending, isError: q.isError };
}

export interface KubeListResult<T = KubeObject> {
  items: T[];
  state: ListStateName;
  reason?: string;
  /** `reason` in the reader's language, when the studio (not the cluster) wrote it */
  reasonMsg?: Msg;
  /** State 'error' because no context is selected: the configuration problem behind `reason` (its message and fix). */
  problem?: Problem;
  retryInMs?: number;
  /** Live, but a paginated initial LIST is still arriving (more pages follow). */
  partial?: boolean;
}

const NO_ITEMS: never[] = [];

/** Live list of one kind (registry key or `group/version/plural[:cluster]`); `namespace` '' or absent: all. */
export function useKubeList<T = KubeObject>(kindKey: string, opts: { namespace?: string } = {}): KubeListResult<T> {
  const namespace = opts.namespace ?? '';
  const cluster = useClusterInfo();
  const context = cluster.data?.current ?? null;
  const watch = useWatchClient();
  const queryClient = useQueryClient();
  const key = kubeQueryKey(context ?? '', namespace, kindKey);

  useEffect(() => {
    if (!context || !kindKey) return;
    return watch.subscribe(context, namespace, kindKey);
  }, [watch, context, namespace, kindKey]);

  // Data arrives only through the watch stream (setQueryData); the query never fetches by itself.
  const { data } = useQuery<ListState>({
    queryKey: key,
    queryFn: () => queryClient.getQueryData<ListState>(key) ?? { items: [], resourceVersion: '', state: 'loading' },
    enabled: false,
    staleTime: Infinity,
  });

  if (cluster.isError) return { items: NO_ITEMS, state: 'error', ...errorReason(cluster.error) };
  if (cluster.data && !context) {
    const p = cluster.data.problems.find((x) => x.source === 'context' || x.source === 'kubeconfig');
    return p ? { items: NO_ITEMS, state: 'error', reason: `${p.message} ${p.fix}`, problem: p } : { items: NO_ITEMS, state: 'error', reason: 'No cluster context is selected.', reasonMsg: msg('shell.connection.noContext') };
  }
  if (!data) return { items: NO_ITEMS, state: 'loading' };
  const out: KubeListResult<T> = { items: data.items as T[], state: data.state };
  if (data.reason !== undefined) out.reason = data.reason;
  if (data.reasonMsg !== undefined) out.reasonMsg = data.reasonMsg;
  if (data.retryInMs !== undefined) out.retryInMs = data.retryInMs;
  if (data.partial) out.partial = true;
  return out;
}

export interface ConnectionResult {
  state: 'connected' | 'reconnecting' | 'error';
  reason?: string;
  /** `reason` in the reader's language, when the studio (not the cluster) wrote it */
  reasonMsg?: Msg;
}

/** For the header's live indicator: the watch stream's health, or a periodic probe when nothing is watched. */
export function useConnection(): ConnectionResult {
  const watch = useWatchClient();
  const conn = useSyncExternalStore(watch.onConnectionChange, watch.getConnection, watch.getConnection);
  const idle = conn.state === 'idle';
  const cluster = useClusterInfo({ refetchIntervalMs: idle ? 15_000 : undefined });
  const queryClient = useQueryClient();
  // The header's problems come from /api/cluster: when the stream goes down or comes back, ask again
  // so a "cannot reach" problem neither lags behind an outage nor outlives the recovery.
  useEffect(() => {
    if (!idle) void queryClient.invalidateQueries({ queryKey: clusterQueryKey });
  }, [conn.state, idle, queryClient]);
  if (!idle) {
    const out: ConnectionResult = { state: conn.state as ConnectionResult['state'] };
    if (conn.reason !== undefined) out.reason = conn.reason;
    if (conn.reasonMsg !== undefined) out.reasonMsg = conn.reasonMsg;
    return out;
  }
  if (cluster.isError) return { state: 'error', ...errorReason(cluster.error) };
  if (!cluster.data) return { state: 'reconnecting', reason: 'Connecting…', reasonMsg: msg('shell.connection.connecting') };
  if (!cluster.data.current) return { state: 'error', reason: 'No cluster context is selected.', reasonMsg: msg('shell.connection.noContext') };
  const probe = cluster.data.connection;
  if (probe.ok) return { state: 'connected' };
  return probe.reasonMsg ? { state: 'error', reason: probe.reason, reasonMsg: probe.reasonMsg } : { state: 'error', reason: probe.reason };
}

export { KubeWatchProvider } from './watch-provider';
