// One audit entry in full: who, what, the versions, the outcome and the diff.
import { targetLabel } from '@/lib/audit/entry';
import type { AuditEntry } from '@/lib/audit/types';
import { UnifiedDiff } from './unified-diff';

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });

export function AuditDetail({ entry, onClose }: { entry: AuditEntry; onClose: () => void }) {
  const rows: [string, string][] = [
    ['Time', when(entry.time)],
    ['User', entry.user],
    ['Groups', entry.groups.join(', ') || '—'],
    ['Action', entry.action],
    ['Context', entry.context || '—'],
    ['Target', `${targetLabel(entry.target)} (${entry.target.apiVersion})`],
    ['resourceVersion before', entry.resourceVersionBefore ?? '—'],
    ['resourceVersion after', entry.resourceVersionAfter ?? '—'],
    ['Result', entry.result],
  ];
  if (entry.error) rows.push(['Error', entry.error]);
  return (
    <section aria-label="Audit entry" className="rounded-md border border-line bg-surface p-3">
      <div className="mb-2 flex items-center justify-between">
        <h2 className="font-semibold">
          {entry.action} on {targetLabel(entry.target)}
        </h2>
        <button type="button" onClick={onClose} className="rounded border border-line px-2 py-0.5 text-muted hover:text-fg">
          Close
        </button>
      </div>
      <dl className="mb-3 flex flex-col gap-1">
        {rows.map(([k, v]) => (
          <div key={k} role="group" aria-label={k} className="flex gap-4">
            <dt className="w-44 shrink-0 text-muted">{k}</dt>
            <dd className="min-w-0 break-all">{v}</dd>
          </div>
        ))}
      </dl>
      <UnifiedDiff diff={entry.diff} label="Diff" />
    </section>
  );
}
