'use client';
// The /audit page: every recorded write attempt, newest first, filterable; a row opens its detail.
// The result is told by its word; the colour only backs it up.
import { useFormatter, useTranslations } from 'next-intl';
import { useErrorText } from '@/components/use-msg';
import { useState } from 'react';
import { EmptyState, SkeletonTable, StateNotice } from '@/components/list-states';
import { targetLabel } from '@/lib/audit/entry';
import { useAudit } from '@/lib/audit/hooks';
import { AuditDetail } from './audit-detail';
import { AuditFilters, queryOf, type AuditForm } from './audit-filters';

const tone = { ok: 'text-ok', refused: 'text-warn', error: 'text-danger' } as const;

export function AuditView() {
  const t = useTranslations('audit');
  const errorText = useErrorText();
  const format = useFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'short', timeStyle: 'medium' });
  const [filter, setFilter] = useState<AuditForm>({});
  const [open, setOpen] = useState<string | null>(null);
  const query = queryOf(filter);
  const audit = useAudit(query);
  const filtered = Object.values(query).some(Boolean);
  const entries = audit.data?.entries ?? [];
  const shown = entries.find((e) => e.id === open) ?? null;

  return (
    <div>
      <AuditFilters filter={filter} onChange={setFilter} />
      {audit.isPending ? (
        <SkeletonTable label={t('loading')} cols={5} />
      ) : audit.isError ? (
        <StateNotice tone="danger" title={t('loadFailed')}>
          {errorText(audit.error)}
        </StateNotice>
      ) : entries.length === 0 ? (
        <EmptyState title={filtered ? t('empty.filtered') : t('empty.none')}>
          {filtered ? t('empty.filteredHint') : t('empty.noneHint')}
        </EmptyState>
      ) : (
        <div className="grid gap-3 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
          <div className="overflow-auto rounded-md border border-line bg-surface">
            <table aria-label={t('table.label')} className="w-full text-left">
              <thead className="bg-raised/60 text-muted">
                <tr>
                  <th className="px-3 py-2 font-normal">{t('table.time')}</th>
                  <th className="px-3 py-2 font-normal">{t('table.user')}</th>
                  <th className="px-3 py-2 font-normal">{t('table.action')}</th>
                  <th className="px-3 py-2 font-normal">{t('table.target')}</th>
                  <th className="px-3 py-2 font-normal">{t('table.result')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id} aria-selected={e.id === open} className={`border-t border-line ${e.id === open ? 'bg-accent-soft' : ''}`}>
                    <td className="whitespace-nowrap px-3 py-1.5">
                      <time dateTime={e.time}>{when(e.time)}</time>
                    </td>
                    <td className="px-3 py-1.5">{e.user}</td>
                    <td className="px-3 py-1.5">{e.action}</td>
                    <td className="px-3 py-1.5">
                      <button type="button" className="text-left text-accent hover:underline" onClick={() => setOpen(e.id === open ? null : e.id)}>
                        {targetLabel(e.target)}
                      </button>
                    </td>
                    <td className={`px-3 py-1.5 ${tone[e.result]}`}>{t(`result.${e.result}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {audit.data.total > entries.length ? <p className="px-3 py-2 text-muted">{t('truncated', { shown: entries.length, total: audit.data.total })}</p> : null}
          </div>
          {shown ? <AuditDetail entry={shown} onClose={() => setOpen(null)} /> : <p className="text-muted">{t('chooseTarget')}</p>}
        </div>
      )}
    </div>
  );
}
