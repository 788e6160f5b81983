'use client';
// Plan → confirm → write, for every action dialog. The plan is a query (keyed by context and what
// is planned, never cached once the dialog closes) so a late answer for an older plan cannot
// replace a newer one; the write is a mutation that keeps its error for the dialog to show.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useClusterInfo } from '@/lib/k8s/hooks';
import type { Msg } from '@/lib/i18n/message';
import { notAsked } from './client-failures';

export type ActionResult<T> = ({ ok: true } & T) | { ok: false; error: string; /** `error` in the reader's language */ messages?: Msg[] };

export interface PlannedAction<P, W> {
  /** what is planned, e.g. ['apply-step', 'shop', 'frontend', 1]; the context is added */
  key: readonly unknown[];
  enabled: boolean;
  plan: () => Promise<ActionResult<P>>;
  write: (plan: P) => Promise<ActionResult<W>>;
  onWritten: (result: W, plan: P) => void;
}

export type PlanState<P> = { state: 'planning' } | { state: 'error'; error: string; /** `error` in the reader's language */ messages?: Msg[] } | { state: 'ready'; plan: P; refreshing: boolean };

export function usePlannedAction<P, W>(a: PlannedAction<P, W>) {
  const cluster = useClusterInfo();
  const context = cluster.data?.current ?? '';
  const queryClient = useQueryClient();
  const key = ['action-plan', context, ...a.key] as const;
  const q = useQuery({
    queryKey: key,
    queryFn: async () => {
      try {
        return await a.plan();
      } catch (e) {
        return { ok: false as const, ...notAsked(e) };
      }
    },
    enabled: a.enabled,
    // Every opening plans afresh (stale at once); a reopened dialog never confirms an old plan,
    // because Confirm waits while a plan is being fetched.
    gcTime: 0,
    staleTime: 0,
    retry: false,
    // The user is reading this diff: it changes only when they ask ("Review the new diff").
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const m = useMutation({
    mutationFn: async (plan: P) => {
      try {
        return await a.write(plan);
      } catch (e) {
        return { ok: false as const, ...notAsked(e) };
      }
    },
    onSuccess: (r, plan) => {
      if (r.ok) a.onWritten(r, plan);
    },
  });

  let plan: PlanState<P>;
  if (!q.data) plan = { state: 'planning' };
  else if (!q.data.ok) plan = { state: 'error', error: q.data.error, ...(q.data.messages ? { messages: q.data.messages } : {}) };
  else plan = { state: 'ready', plan: q.data as P, refreshing: q.isFetching };

  const writeError = m.data && !m.data.ok ? m.data.error : null;
  const writeErrorMsgs = m.data && !m.data.ok ? (m.data.messages ?? null) : null;
  return {
    plan,
    writing: m.isPending,
    writeError,
    writeErrorMsgs,
    confirm: () => {
      if (plan.state === 'ready' && !m.isPending) m.mutate(plan.plan);
    },
    /** Re-plan against the object as it is now (after a conflict, or to retry a failed plan). */
    replan: async () => {
      m.reset();
      await queryClient.refetchQueries({ queryKey: key, exact: true });
    },
    reset: () => {
      m.reset();
      queryClient.removeQueries({ queryKey: key, exact: true });
    },
  };
}
