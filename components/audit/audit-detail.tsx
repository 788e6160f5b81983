'use client';
// One audit entry in full: who, what, the versions, the outcome and the diff. The entry's own
// values (action, target, the error the server recorded) are shown as recorded, in English.
import { useFormatter, useTranslations } from 'next-intl';
import { targetLabel } from '@/lib/audit/entry';
import type { AuditEntry } from '@/lib/audit/types';
import { UnifiedDiff } from './unified-diff';

export function AuditDetail({ entry, onClose }: { entry: AuditEntry; onClose: () => void }) {
  const t = useTranslations('audit');
  const format = useFormatter();
  const target = targetLabel(entry.target);
  const rows: [string, string][] = [
    [t('detail.time'), format.dateTime(new Date(entry.time), { dateStyle: 'medium', timeStyle: 'medium' })],
    [t('detail.user'), entry.user],
    [t('detail.groups'), entry.groups.join(', ') || '—'],
    [t('detail.action'), entry.action],
    [t('detail.context'), entry.context || '—'],
    [t('detail.target'), t('detail.targetValue', { target, apiVersion: entry.target.apiVersion })],
    [t('detail.before'), entry.resourceVersionBefore ?? '—'],
    [t('detail.after'), entry.resourceVersionAfter ?? '—'],
    [t('detail.result'), t(`result.${entry.result}`)],
  ];
  if (entry.error) rows.push([t('detail.error'), entry.error]);
  return (
    <section aria-label={t('detail.label')} className="rounded-md border border-line bg-surface p-3">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 className="min-w-0 break-words font-semibold">{t('detail.heading', { action: entry.action, target })}</h2>
        <button type="button" onClick={onClose} className="rounded border border-line px-2 py-0.5 text-muted hover:text-fg">
          {t('detail.close')}
        </button>
      </div>
      {/* a named group around a plain one-item <dl> (a role inside a <dl> breaks it: axe definition-list) */}
      <div className="mb-3 flex flex-col gap-1">
        {rows.map(([k, v]) => (
          <div key={k} role="group" aria-label={k}>
            <dl className="flex flex-wrap gap-x-4">
              <dt className="w-44 shrink-0 text-muted">{k}</dt>
              <dd className="min-w-0 break-all">{v}</dd>
            </dl>
          </div>
        ))}
      </div>
      <UnifiedDiff diff={entry.diff} label={t('detail.diff')} />
    </section>
  );
}
