'use client';
import { useFormatter, useTranslations } from 'next-intl';
import type { RunStats } from '@/lib/runner/protocol';

/** Time and instruction count of the run behind the shown result, and whether that result is stale. */
export function RunStatus({ stats, running, stale, staleReason, label }: { stats: RunStats | null; running: boolean; stale: boolean; staleReason?: string | null; label: string }) {
  const t = useTranslations('playground.run');
  const format = useFormatter();
  return (
    // The timings change on every run (every keystroke in the live modes): the region itself is silent,
    // and one polite sentence is announced when a run settles (the same sentence is not repeated).
    <div role="status" aria-live="off" aria-label={t('status', { label })} className="flex flex-wrap items-center gap-2 text-[12px] text-muted">
      <span className="sr-only" aria-live="polite">
        {stats && !running && !stale ? t('updated') : ''}
      </span>
      {stats ? (
        <span>
          {t.rich('ran', {
            ms: stats.ms < 10 ? stats.ms.toFixed(1) : String(Math.round(stats.ms)),
            instructions: format.number(stats.instructions),
            num: (c) => <span className="font-mono text-fg">{c}</span>,
          })}
        </span>
      ) : (
        <span>{running ? t('running') : t('notRun')}</span>
      )}
      {running && stats ? <span aria-hidden="true">{t('runningAgain')}</span> : null}
      {stale ? (
        <span className="rounded bg-warn-soft px-1.5 py-px font-semibold text-warn" title={staleReason ?? undefined}>
          {/* The word says it, not only the colour. */}
          {staleReason ? t('staleBecause', { reason: staleReason }) : t('stale')}
        </span>
      ) : null}
    </div>
  );
}
