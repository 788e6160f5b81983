'use client';
import { useMemo, useState } from 'react';
import type { PodRow, TagSummary, Verdict } from '@/lib/playground/tagging';

const VERDICT: Record<Verdict, { text: string; cls: string }> = {
  accepted: { text: 'accepted', cls: 'bg-ok-soft text-ok' },
  rejected: { text: 'rejected', cls: 'bg-warn-soft text-warn' },
  error: { text: 'error', cls: 'bg-danger-soft text-danger' },
  'not-handled': { text: 'not handled', cls: 'bg-raised text-muted' },
  owner: { text: 'owner logic', cls: 'bg-raised text-muted' },
  none: { text: '—', cls: 'bg-raised text-muted' },
};

const LIMIT = 1000;

export function TaggingSummary({ summary }: { summary: TagSummary }) {
  return (
    <p aria-label="Tagging summary" className="flex flex-wrap gap-3 text-[12px]">
      <span>{summary.pods} pods</span>
      <span className="text-ok">{summary.matched} matched</span>
      <span className="text-warn">{summary.rejected} rejected</span>
      <span className="text-danger">{summary.errors} {summary.errors === 1 ? 'error' : 'errors'}</span>
      <span className="text-muted">{summary.unmatched} still without a workload</span>
    </p>
  );
}

/** One row per pod: what the chain returned, whether DeepFlow accepts it and why, the final workload. */
export function TaggingTable({ rows, stale }: { rows: readonly PodRow[]; stale: boolean }) {
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const f = filter.toLowerCase();
    return f ? rows.filter((r) => `${r.key} ${r.result} ${r.workload} ${r.reason}`.toLowerCase().includes(f)) : rows;
  }, [rows, filter]);
  return (
    <div className="flex flex-col gap-1.5">
      {rows.length > 20 ? (
        <input aria-label="Filter tagged pods" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Filter pods, results, workloads" className="w-72 rounded border border-line-strong bg-surface px-1.5 py-0.5 text-[12px]" />
      ) : null}
      <div className={`overflow-auto rounded-md border border-line bg-surface ${stale ? 'opacity-60' : ''}`}>
        <table aria-label="Tagging result" className="w-full border-collapse text-left text-[12px]">
          <thead className="bg-raised/60 text-muted">
            <tr>
              <th scope="col" className="px-2 py-1.5 font-semibold">Pod</th>
              <th scope="col" className="px-2 py-1.5 font-semibold">Plugin result</th>
              <th scope="col" className="px-2 py-1.5 font-semibold">Accepted</th>
              <th scope="col" className="px-2 py-1.5 font-semibold">Workload</th>
              <th scope="col" className="px-2 py-1.5 font-semibold">Error</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, LIMIT).map((r) => (
              <tr key={r.key} className="border-t border-line align-top">
                <td className="px-2 py-1 font-mono">{r.key}</td>
                <td className="px-2 py-1 font-mono">{r.result || <span className="text-muted">—</span>}</td>
                <td className="px-2 py-1">
                  <span className={`rounded px-1.5 py-px font-semibold ${VERDICT[r.verdict].cls}`}>{VERDICT[r.verdict].text}</span>
                  <div className="mt-0.5 text-muted">{r.reason}</div>
                </td>
                <td className="px-2 py-1 font-mono">{r.workload || <span className="text-muted">none</span>}</td>
                <td className="px-2 py-1 text-danger">
                  {r.error ? (
                    <>
                      {r.errorLine !== null ? <span className="font-semibold">line {r.errorLine}: </span> : null}
                      <span className="font-mono">{r.error}</span>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length > LIMIT ? <p className="text-[12px] text-muted">Showing the first {LIMIT} of {shown.length} pods; filter to see the others (the summary counts all).</p> : null}
    </div>
  );
}
