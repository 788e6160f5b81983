'use client';
// Every live pod of the cluster plus the owner workloads DeepFlow's owner logic reads: the input of
// the plugin chain on the plugins pages (all namespaces: DeepFlow tags every pod it sees).
import { useMemo } from 'react';
import { useKubeList, type KubeListResult } from '@/lib/k8s/hooks';
import { OWNER_KIND_KEYS } from '@/lib/playground/tagging';

export interface LivePods {
  /** null until pods and owners are listed */
  value: { pods: unknown[]; objects: unknown[] } | null;
  podsList: KubeListResult<unknown>;
  /** owner kinds that could not be listed: their pods count as unmatched */
  warnings: string[];
}

export function useLivePods(): LivePods {
  const podsList = useKubeList<unknown>('pods');
  // a fixed list of kinds, so the hooks are called in the same order every render
  const owners = OWNER_KIND_KEYS.map((k) => useKubeList<unknown>(k)); // eslint-disable-line react-hooks/rules-of-hooks
  const ownerItems = owners.map((l) => l.items);
  const objects = useMemo(() => ownerItems.flat(), ownerItems); // eslint-disable-line react-hooks/exhaustive-deps
  const ownersLoading = owners.some((l) => l.state === 'loading');
  const warnings = OWNER_KIND_KEYS.flatMap((k, i) =>
    owners[i].state === 'forbidden' || owners[i].state === 'error' ? [`${k} could not be listed (${owners[i].reason ?? owners[i].state}); pods owned by them count as unmatched`] : [],
  );
  const ready = podsList.state !== 'loading' && podsList.state !== 'error' && podsList.state !== 'forbidden' && !ownersLoading;
  const value = useMemo(() => (ready ? { pods: podsList.items, objects } : null), [ready, podsList.items, objects]);
  return { value, podsList, warnings };
}
