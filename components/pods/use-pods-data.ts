'use client';
// Pods and the owner workloads DeepFlow's standard logic reads, all on the page's one watch stream
// (the watch client multiplexes every kind of a namespace onto one EventSource).
import { useMemo } from 'react';
import { useKubeList, type KubeListResult } from '@/lib/k8s/hooks';
import { kindByKey } from '@/lib/k8s/kinds';
import { OWNER_KIND_KEYS } from '@/lib/playground/tagging';
import type { KubeObject } from '../kube-object';

/** §6.1's owner kinds; ReplicationControllers and StatefulSetPlus join when the registry knows them. */
export const POD_OWNER_KINDS: readonly string[] = [
  ...OWNER_KIND_KEYS,
  ...['replicationcontrollers', 'statefulsets.platform.stke'].filter((k) => kindByKey(k)),
];

export interface PodsData {
  pods: KubeListResult<KubeObject>;
  owners: unknown[];
  /**
   * false until every owner list is complete (evaluating earlier would flash wrong reasons, and each
   * later page of owners would change the context and restart the evaluation from scratch)
   */
  ownersReady: boolean;
}

export function usePodsData(namespace: string | undefined): PodsData {
  const pods = useKubeList<KubeObject>('pods', { namespace });
  // a fixed list of kinds: the hook order never changes
  const lists = POD_OWNER_KINDS.map((k) => useKubeList<unknown>(k, { namespace })); // eslint-disable-line react-hooks/rules-of-hooks
  const itemsKey = lists.map((l) => l.items);
  const ownersReady = lists.every((l) => l.state !== 'loading' && !l.partial);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const owners = useMemo(() => itemsKey.flat(), itemsKey);
  return { pods, owners, ownersReady };
}
