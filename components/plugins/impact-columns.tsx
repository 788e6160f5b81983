'use client';
// The impact table's columns: one entry per column, in order.
import type { Column } from '@/components/resource-table';
import type { ImpactChange, ImpactFlag, ImpactRow } from '@/lib/plugins/impact';

const CHANGE: Record<ImpactChange, { text: string; tone: string }> = {
  added: { text: 'added', tone: 'text-ok' },
  changed: { text: 'changed', tone: 'text-warn' },
  lost: { text: 'lost', tone: 'text-danger' },
  same: { text: 'unchanged', tone: 'text-muted' },
};

const FLAG: Record<ImpactFlag, string> = {
  'rejected-type': 'type rejected by DeepFlow',
  'overrides-owner': 'overrides a real owner',
  'non-string': 'returned a non-string',
  'no-hook': 'no global GetWorkloadTypeAndName',
  budget: 'stopped by the budget',
  'builtin-rule': "DeepFlow's virtual-kubelet rule, not a plugin",
};

export const IMPACT_COLUMNS: readonly Column<ImpactRow>[] = [
  {
    id: 'pod',
    header: 'Pod',
    className: 'min-w-[10rem] break-words',
    cell: (r) => (
      <span className="font-mono text-[12px]">
        {r.namespace}/{r.name}
        {r.highlighted ? <span className="ml-1.5 rounded bg-accent-soft px-1 font-sans text-[11px] text-accent">from the link</span> : null}
      </span>
    ),
  },
  { id: 'change', header: 'Change', cell: (r) => <span className={`font-semibold ${CHANGE[r.change].tone}`}>{CHANGE[r.change].text}</span> },
  { id: 'before', header: 'Saved chain', mono: true, cell: (r) => r.before ?? <span className="text-muted">none</span> },
  {
    id: 'after',
    header: 'With this edit',
    mono: true,
    cell: (r) => (
      <>
        {r.after ?? <span className="text-muted">none</span>}
        {r.byThisPlugin ? <span className="ml-1.5 font-sans text-[11px] text-muted">(this plugin)</span> : r.byBuiltinRule && r.after ? <span className="ml-1.5 font-sans text-[11px] text-muted">(virtual-kubelet rule)</span> : null}
        {r.afterLabel ? <span className="block text-[11px] text-muted" title="DeepFlow's label">{r.afterLabel}</span> : null}
      </>
    ),
  },
  {
    id: 'problem',
    header: 'Problem',
    className: 'max-w-[18rem]',
    cell: (r) => (
      <div className="flex flex-col gap-0.5 text-[12px]">
        {r.error ? (
          <span className="whitespace-pre-wrap text-danger">
            {r.error.plugin ? `${r.error.plugin}${r.error.line !== null ? `, line ${r.error.line}` : ''}: ` : ''}
            {r.error.message}
          </span>
        ) : null}
        {r.flags.filter((f) => f !== 'no-hook' || !r.error).map((f) => <span key={f} className="text-warn">{FLAG[f]}</span>)}
      </div>
    ),
  },
];
