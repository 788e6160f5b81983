'use client';
// The DeepFlow server beside the local store (DEEPFLOW_SERVER_URL): where it is, whether it
// answered (its error as it is), and the plugins it has that the studio has no source for.
import { useTranslations } from 'next-intl';
import { StateNotice } from '@/components/list-states';
import type { DeepflowSyncState } from '@/lib/plugins/types';

export function DeepflowPanel({ deepflow, remote }: { deepflow: DeepflowSyncState | null; remote: { name: string; updatedAt: string }[] }) {
  const t = useTranslations('plugins');
  if (!deepflow) return null;
  const where = { url: deepflow.url, orgId: deepflow.orgId };
  if (!deepflow.ok) {
    // the studio's explanation in the reader's language, DeepFlow's answer (or its absence) verbatim
    return (
      <StateNotice tone="danger" title={t('deepflow.unreadable', where)}>
        {t('deepflow.unreadableBody')} {t('deepflow.serverAnswer')}{' '}
        <samp translate="no" className="whitespace-pre-wrap">{deepflow.error ?? t('list.noAnswer')}</samp>
      </StateNotice>
    );
  }
  const lua = deepflow.remote.filter((r) => r.type === 3).length;
  return (
    <section aria-label={t('deepflow.region')} className="rounded-md border border-line bg-surface px-3 py-2 text-[12px]">
      <p>
        {t.rich('deepflow.synced', { ...where, count: lua, mono: (c) => <span className="font-mono" translate="no">{c}</span> })}
      </p>
      {remote.length ? (
        <div className="mt-1 text-warn">
          {t('deepflow.remoteOnly')}
          <ul aria-label={t('deepflow.remoteOnlyList')} className="ml-4 list-disc font-mono">
            {remote.map((r) => <li key={r.name}>{r.name} <span className="font-sans text-muted">{t('deepflow.updated', { when: r.updatedAt })}</span></li>)}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
