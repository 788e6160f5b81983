'use client';
// The provider's one permissions read per Rollout. Keyed by context so a context switch (which
// resets every query, components/use-switch-context.ts) asks the new cluster, never shows the old
// answer. The server action is passed in: lib/ never imports app/.
import { useQuery } from '@tanstack/react-query';
import { useClusterInfo } from '@/lib/k8s/hooks';
import type { Msg } from '@/lib/i18n/message';
import { noContext, permissionsUnchecked } from './client-failures';
import type { ActionResult } from './use-planned-action';

export const rolloutPermissionsKey = (context: string, namespace: string, name: string) => ['rollout-permissions', context, namespace, name] as const;

export type PermissionsState<P> = { state: 'loading' } | { state: 'error'; error: string; /** `error` in the reader's language */ messages?: Msg[] } | { state: 'ready'; permissions: P };

export function useRolloutPermissions<P>(
  target: { namespace: string; name: string },
  fetchPermissions: (t: { namespace: string; name: string }) => Promise<ActionResult<{ permissions: P }>>,
): PermissionsState<P> {
  const cluster = useClusterInfo();
  const context = cluster.data?.current ?? null;
  const q = useQuery({
    queryKey: rolloutPermissionsKey(context ?? '', target.namespace, target.name),
    queryFn: () => fetchPermissions({ namespace: target.namespace, name: target.name }),
    enabled: !!context,
    staleTime: 60_000,
    retry: false,
  });
  if (cluster.data && !context) return { state: 'error', ...noContext() };
  if (q.isError) return { state: 'error', ...permissionsUnchecked(q.error) };
  if (!q.data) return { state: 'loading' };
  if (!q.data.ok) return { state: 'error', error: q.data.error, ...(q.data.messages ? { messages: q.data.messages } : {}) };
  return { state: 'ready', permissions: q.data.permissions };
}
