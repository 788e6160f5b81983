'use client';
// The /audit page: every recorded write attempt, newest first, filterable; a row opens its detail.
import { useState } from 'react';
import { EmptyState, SkeletonTable, StateNotice } from '@/components/list-states';
import { targetLabel } from '@/lib/audit/entry';
import { useAudit } from '@/lib/audit/hooks';
import { AuditDetail } from './audit-detail';
import { AuditFilters, queryOf, type AuditForm } from './audit-filters';

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'medium' });
const tone = { ok: 'text-ok', refused: 'text-warn', error: 'text-danger' } as const;

export function AuditView() {
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
        <SkeletonTable label="Loading the audit" cols={5} />
      ) : audit.isError ? (
        <StateNotice tone="danger" title="The audit could not be loaded">
          {audit.error.message}
        </StateNotice>
      ) : entries.length === 0 ? (
        <EmptyState title={filtered ? 'No entry matches these filters' : 'No write has been recorded yet'}>
          {filtered ? 'Clear a filter to see more.' : 'Every change the studio makes or attempts (rollout actions, scripts, plugins) appears here.'}
        </EmptyState>
      ) : (
        <div className="grid gap-3 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
          <div className="overflow-auto rounded-md border border-line bg-surface">
            <table aria-label="Audit entries" className="w-full text-left">
              <thead className="bg-raised/60 text-muted">
                <tr>
                  <th className="px-3 py-2 font-normal">Time</th>
                  <th className="px-3 py-2 font-normal">User</th>
                  <th className="px-3 py-2 font-normal">Action</th>
                  <th className="px-3 py-2 font-normal">Target</th>
                  <th className="px-3 py-2 font-normal">Result</th>
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
                    <td className={`px-3 py-1.5 ${tone[e.result]}`}>{e.result}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {audit.data.total > entries.length ? <p className="px-3 py-2 text-muted">Showing the newest {entries.length} of {audit.data.total}; narrow the filters to see older ones.</p> : null}
          </div>
          {shown ? <AuditDetail entry={shown} onClose={() => setOpen(null)} /> : <p className="text-muted">Choose a target to see the entry and its diff.</p>}
        </div>
      )}
    </div>
  );
}
