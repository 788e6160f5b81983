// The pods table is data: these column definitions (TanStack Table). Cells only render what
// lib/pods and lib/deepflow decided.
import type { ColumnDef } from '@tanstack/react-table';
import { PLATFORM_LABELS } from '@/lib/deepflow/platforms';
import type { SortId } from '@/lib/pods/filters';
import type { PodEntry } from '@/lib/pods/pod-entry';
import { Age } from '../age';
import { StatusPill, type Tone } from '../status-pill';

export interface PodColumnMeta {
  /** CSS width of the column (the table has a fixed layout: virtualised rows must not resize it); '' shares the rest. */
  width: string;
  align?: 'right';
  sortId: SortId;
}

export interface PodsTableMeta {
  groupNotes: ReadonlyMap<string, string>;
}

function statusTone(status: string): Tone {
  if (status === 'Running' || status === 'Completed') return status === 'Running' ? 'ok' : 'neutral';
  if (/BackOff|Err|Error|Failed|OOMKilled|Evicted|Unknown/.test(status)) return 'danger';
  return 'warn';
}

function DeepflowCell({ e, note }: { e: PodEntry; note: string | undefined }) {
  const t = e.tag;
  if (!t) return <span className="text-muted">evaluating…</span>;
  if (t.label) {
    return (
      <span className="flex min-w-0 items-center gap-1.5">
        <span className="truncate font-mono text-[12px]" title={t.label}>{t.label}</span>
        {t.overridesOwner ? <StatusPill tone="warn" title="A plugin result replaced the pod's synchronized owner">overrides owner</StatusPill> : null}
        {note ? <StatusPill tone="accent" title={note}>{note.replace(/^group /, '')}</StatusPill> : null}
      </span>
    );
  }
  const r = t.reason;
  return (
    <span className="flex min-w-0 items-baseline gap-1.5" title={r ? `${r.text}: ${r.detail}` : undefined}>
      <span className="whitespace-nowrap font-medium text-danger">{r?.text ?? 'no workload'}</span>
      {r?.detail ? <span className="truncate text-[12px] text-muted">{r.detail}</span> : null}
    </span>
  );
}

function PluginCell({ e }: { e: PodEntry }) {
  const t = e.tag;
  if (!t) return null;
  const p = t.plugin;
  if (p.error !== null) {
    const line = /<string>:(\d+):/.exec(p.error)?.[1];
    return (
      <span className="flex min-w-0 items-baseline gap-1.5" title={p.error}>
        <StatusPill tone="danger">error</StatusPill>
        <span className="truncate font-mono text-[12px]">{p.failedPlugin?.name ?? 'plugin'}</span>
        {line ? <span className="whitespace-nowrap text-[12px] text-muted">line {line}</span> : null}
      </span>
    );
  }
  if (t.workload?.source === 'builtin-rule') {
    return <span className="text-[12px]"><StatusPill tone="ok">accepted</StatusPill> virtual-kubelet rule → {p.type} / {p.name}</span>;
  }
  if (t.matchedPlugin) {
    return (
      <span className="flex min-w-0 items-baseline gap-1.5" title={`${t.matchedPlugin.name} returned ${p.type} / ${p.name}`}>
        <StatusPill tone="ok">accepted</StatusPill>
        <span className="whitespace-nowrap font-mono text-[12px]">{t.matchedPlugin.name}</span>
        <span className="truncate font-mono text-[12px] text-muted">→ {p.type} / {p.name}</span>
      </span>
    );
  }
  if (t.rejectedType !== null) {
    return (
      <span className="flex min-w-0 items-baseline gap-1.5" title={`DeepFlow rejects the type ${t.rejectedType}`}>
        <StatusPill tone="warn">rejected</StatusPill>
        <span className="truncate font-mono text-[12px]">{p.type} / {p.name}</span>
      </span>
    );
  }
  if (p.type !== '' || p.name !== '') return <span className="truncate font-mono text-[12px] text-muted">“{p.type}” / “{p.name}” (not used)</span>;
  return <span className="text-muted">—</span>;
}

export const podColumns: ColumnDef<PodEntry>[] = [
  {
    id: 'name', header: 'Name', meta: { width: '15rem', sortId: 'name' } satisfies PodColumnMeta,
    cell: ({ row }) => <span className="block truncate font-mono text-[12px] font-medium" title={row.original.name}>{row.original.name}</span>,
  },
  {
    id: 'namespace', header: 'Namespace', meta: { width: '7.5rem', sortId: 'namespace' } satisfies PodColumnMeta,
    cell: ({ row }) => <span className="block truncate text-muted">{row.original.namespace}</span>,
  },
  {
    id: 'status', header: 'Status', meta: { width: '9rem', sortId: 'status' } satisfies PodColumnMeta,
    cell: ({ row }) => <StatusPill tone={statusTone(row.original.status)}>{row.original.status}</StatusPill>,
  },
  {
    id: 'restarts', header: 'Restarts', meta: { width: '5.5rem', align: 'right', sortId: 'restarts' } satisfies PodColumnMeta,
    cell: ({ row }) => <span className={row.original.restarts > 0 ? 'text-warn' : 'text-muted'}>{row.original.restarts}</span>,
  },
  {
    id: 'deepflow', header: 'DeepFlow', meta: { width: '', sortId: 'deepflow' } satisfies PodColumnMeta,
    cell: ({ row, table }) => <DeepflowCell e={row.original} note={(table.options.meta as PodsTableMeta | undefined)?.groupNotes.get(row.original.uid)} />,
  },
  {
    id: 'plugin', header: 'Plugin', meta: { width: '', sortId: 'plugin' } satisfies PodColumnMeta,
    cell: ({ row }) => <PluginCell e={row.original} />,
  },
  {
    id: 'platform', header: 'Platform', meta: { width: '7.5rem', sortId: 'platform' } satisfies PodColumnMeta,
    cell: ({ row }) => <span className="block truncate text-muted">{row.original.tag?.platform ? PLATFORM_LABELS[row.original.tag.platform] : ''}</span>,
  },
  {
    id: 'age', header: 'Age', meta: { width: '4rem', align: 'right', sortId: 'age' } satisfies PodColumnMeta,
    cell: ({ row }) => <span className="text-muted"><Age timestamp={row.original.createdAt || undefined} /></span>,
  },
];
