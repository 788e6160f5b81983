'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { PodRow, TagSummary, Verdict } from '@/lib/playground/tagging';
import { usePhrase } from './use-phrase';

// The verdict is a word (catalogue `tagging.verdict.*`); the colour only repeats it.
const VERDICT: Record<Verdict, string> = {
  accepted: 'bg-ok-soft text-ok',
  rejected: 'bg-warn-soft text-warn',
  error: 'bg-danger-soft text-danger',
  'not-handled': 'bg-raised text-muted',
  owner: 'bg-raised text-muted',
  none: 'bg-raised text-muted',
};

const LIMIT = 1000;

export function TaggingSummary({ summary }: { summary: TagSummary }) {
  const t = useTranslations('playground.tagging');
  return (
    <p aria-label={t('summaryLabel')} className="flex flex-wrap gap-3 text-[12px]">
      <span>{t('pods', { count: summary.pods })}</span>
      <span className="text-ok">{t('matched', { count: summary.matched })}</span>
      <span className="text-warn">{t('rejected', { count: summary.rejected })}</span>
      <span className="text-danger">{t('errors', { count: summary.errors })}</span>
      <span className="text-muted">{t('unmatched', { count: summary.unmatched })}</span>
    </p>
  );
}

/** One row per pod: what the chain returned, whether DeepFlow accepts it and why, the final workload. */
export function TaggingTable({ rows, stale }: { rows: readonly PodRow[]; stale: boolean }) {
  const t = useTranslations('playground.tagging');
  const say = usePhrase();
  const [filter, setFilter] = useState('');
  const f = filter.toLowerCase();
  // the reason as the reader sees it, so a filter in their language finds it
  const shown = f ? rows.filter((r) => `${r.key} ${r.result} ${r.workload} ${say(r.reasonPhrase)}`.toLowerCase().includes(f)) : rows;
  return (
    <div className="flex flex-col gap-1.5">
      {rows.length > 20 ? (
        <input aria-label={t('filter')} value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={t('filterPlaceholder')} className="w-full max-w-72 rounded border border-line-strong bg-surface px-1.5 py-0.5 text-[12px]" />
      ) : null}
      <div className={`overflow-auto rounded-md border bg-surface ${stale ? 'border-dashed border-line-strong' : 'border-line'}`}>
        <table aria-label={t('table')} className="w-full border-collapse text-left text-[12px]">
          <thead className="bg-raised/60 text-muted">
            <tr>
              <th scope="col" className="px-2 py-1.5 font-semibold">{t('col.pod')}</th>
              <th scope="col" className="px-2 py-1.5 font-semibold">{t('col.result')}</th>
              <th scope="col" className="px-2 py-1.5 font-semibold">{t('col.accepted')}</th>
              <th scope="col" className="px-2 py-1.5 font-semibold">{t('col.workload')}</th>
              <th scope="col" className="px-2 py-1.5 font-semibold">{t('col.error')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, LIMIT).map((r) => (
              <tr key={r.key} className="border-t border-line align-top">
                <td className="px-2 py-1 font-mono">{r.key}</td>
                <td className="px-2 py-1 font-mono">{r.result || <span className="text-muted">—</span>}</td>
                <td className="px-2 py-1">
                  <span className={`rounded px-1.5 py-px font-semibold ${VERDICT[r.verdict]}`}>{t(`verdict.${r.verdict}`)}</span>
                  <div className="mt-0.5 text-muted">{say(r.reasonPhrase)}</div>
                </td>
                <td className="px-2 py-1 font-mono">{r.workload || <span className="text-muted">{t('none')}</span>}</td>
                <td className="px-2 py-1 text-danger">
                  {r.error ? (
                    <>
                      {r.errorLine !== null ? <span className="font-semibold">{t('line', { line: r.errorLine })} </span> : null}
                      <span className="font-mono" translate="no">{r.error}</span>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length > LIMIT ? <p className="text-[12px] text-muted">{t('showing', { limit: LIMIT, count: shown.length })}</p> : null}
    </div>
  );
}
