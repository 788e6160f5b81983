'use client';
import type { KubeListResult } from '@/lib/k8s/hooks';
import { SkeletonTable, StateNotice } from '@/components/list-states';

/** Loading, forbidden, error and reconnecting states of a live list used as an input; null when live. */
export function ClusterListState({ list, noun, scope }: { list: KubeListResult<unknown>; noun: string; scope: string }) {
  if (list.state === 'loading') return <SkeletonTable label={`Loading ${noun}…`} rows={3} cols={3} />;
  if (list.state === 'forbidden') {
    return (
      <StateNotice tone="warn" title={`Not allowed to list ${noun} in ${scope}`}>
        {list.reason ?? 'The API server answered 403 Forbidden.'} Paste the objects instead (kubectl get … -o yaml).
      </StateNotice>
    );
  }
  if (list.state === 'error') {
    return (
      <StateNotice tone="danger" title={`Cannot list ${noun}`}>
        {list.reason ?? 'The cluster could not be reached.'} What you typed is kept; paste the objects to keep working offline.
      </StateNotice>
    );
  }
  if (list.state === 'reconnecting') {
    return (
      <StateNotice tone="warn" title={`Reconnecting: ${noun} may be out of date`}>
        {list.reason ?? ''}
      </StateNotice>
    );
  }
  return null;
}
