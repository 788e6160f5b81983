'use client';
import { useTranslations } from 'next-intl';
import type { KubeListResult } from '@/lib/k8s/hooks';
import { SkeletonTable, StateNotice } from '@/components/list-states';
import { useListReason } from '@/components/use-list-reason';

/** Loading, forbidden, error and reconnecting states of a live list used as an input; null when live. `noun` and `scope` come translated. */
export function ClusterListState({ list, noun, scope }: { list: KubeListResult<unknown>; noun: string; scope: string }) {
  const t = useTranslations('playground.list');
  const listReason = useListReason();
  if (list.state === 'loading') return <SkeletonTable label={t('loading', { noun })} rows={3} cols={3} />;
  if (list.state === 'forbidden') {
    return (
      <StateNotice tone="warn" title={t('forbidden', { noun, scope })}>
        {/* The API server's words stay verbatim inside the reason; the hint is ours. */}
        {list.reason ? <samp>{listReason(list)}</samp> : t('forbiddenDefault')} {t.rich('forbiddenHint', { code: (c) => <code>{c}</code> })}
      </StateNotice>
    );
  }
  if (list.state === 'error') {
    return (
      <StateNotice tone="danger" title={t('error', { noun })}>
        {list.reason ? <samp>{listReason(list)}</samp> : t('errorDefault')} {t('errorHint')}
      </StateNotice>
    );
  }
  if (list.state === 'reconnecting') {
    return (
      <StateNotice tone="warn" title={t('reconnecting', { noun })}>
        {list.reason ? <samp>{listReason(list)}</samp> : null}
      </StateNotice>
    );
  }
  return null;
}
