'use client';
import type { RunStats } from '@/lib/runner/protocol';

/** Time and instruction count of the run behind the shown result, and whether that result is stale. */
export function RunStatus({ stats, running, stale, staleReason, label }: { stats: RunStats | null; running: boolean; stale: boolean; staleReason?: string | null; label: string }) {
  return (
    <div role="status" aria-label={`${label} run`} className="flex flex-wrap items-center gap-2 text-[12px] text-muted">
      {stats ? (
        <span>
          Ran in <span className="font-mono text-fg">{stats.ms < 10 ? stats.ms.toFixed(1) : Math.round(stats.ms)} ms</span>,{' '}
          <span className="font-mono text-fg">{stats.instructions.toLocaleString('en-US')}</span> instructions
        </span>
      ) : (
        <span>{running ? 'Running…' : 'Not run yet'}</span>
      )}
      {running && stats ? <span aria-hidden="true">· running…</span> : null}
      {stale ? (
        <span className="rounded bg-warn-soft px-1.5 py-px font-semibold text-warn" title={staleReason ?? undefined}>
          stale{staleReason ? `: ${staleReason}` : ''}
        </span>
      ) : null}
    </div>
  );
}
