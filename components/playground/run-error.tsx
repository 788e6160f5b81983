'use client';
import { useTranslations } from 'next-intl';
import type { RunnerError } from '@/lib/runner/protocol';

/** The preview's hard stop (the hook terminates the worker): shorter than the runner's default, so a runaway shows at once. */
export const PREVIEW_TIMEOUT_MS = 1200;
/**
 * The runner's clock starts when the request is posted, worker start-up included: a fresh worker
 * (the first run, or the one after a hard stop) loads the engine first, which on a busy machine can
 * take longer than the preview's budget.
 */
export const COLD_TIMEOUT_MS = 5000;

/** The hard stop for the next run: the short one only while the worker is known to be warm. */
export function previewTimeout(run: { stats: unknown; error: RunnerError | null }): number {
  return run.stats !== null && run.error?.kind !== 'timeout' && run.error?.kind !== 'crash' ? PREVIEW_TIMEOUT_MS : COLD_TIMEOUT_MS;
}

/** A failed run: the budget message for a runaway script, the crash message otherwise. The last good result stays. */
export function RunError({ error, what }: { error: RunnerError | null; what: string }) {
  const t = useTranslations('playground.run');
  if (!error || error.kind === 'superseded') return null;
  const title = error.kind === 'timeout' ? t('timeout', { what }) : error.kind === 'unsupported' ? t('unsupported', { what }) : t('crash', { what });
  return (
    <div role="alert" className="rounded-md border border-danger/50 bg-danger-soft px-3 py-2 text-[12px]">
      <p className="font-semibold text-danger">{title}</p>
      {/* The runner's own words stay as they are; the explanation is in the reader's language. */}
      <p className="mt-0.5">
        <samp className="font-mono">{error.message}</samp>
      </p>
      {error.kind === 'timeout' ? <p className="mt-0.5">{t('timeoutHint')}</p> : null}
      <p className="mt-0.5 text-muted">{t('lastGood')}</p>
    </div>
  );
}
