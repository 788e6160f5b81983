'use client';
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
  if (!error || error.kind === 'superseded') return null;
  const title =
    error.kind === 'timeout'
      ? `Budget exceeded: the ${what} ran too long and was stopped`
      : error.kind === 'unsupported'
        ? `The ${what} cannot run here`
        : `The ${what} crashed the Lua worker`;
  return (
    <div role="alert" className="rounded-md border border-danger/50 bg-danger-soft px-3 py-2 text-[12px]">
      <p className="font-semibold text-danger">{title}</p>
      <p className="mt-0.5">
        {error.message}
        {error.kind === 'timeout' ? ' (an endless loop, a pcall-wrapped loop, a huge string or deep recursion?). The worker was restarted; keep typing.' : ''}
      </p>
      <p className="mt-0.5 text-muted">The last good result is kept below, marked stale.</p>
    </div>
  );
}
