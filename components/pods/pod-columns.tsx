// The pods table is data: these column definitions (TanStack Table). Cells only render what
// lib/pods and lib/deepflow decided.
import type { ColumnDef } from '@tanstack/react-table';
import { useTranslations } from 'next-intl';
import type { Msg } from '@/lib/i18n/message';
import { groupBadge } from '@/lib/pods/grouping';
import { noLabelMsg } from '@/lib/pods/reason-msg';
import { PLATFORM_LABELS } from '@/lib/deepflow/platforms';
import type { SortId } from '@/lib/pods/filters';
import type { PodEntry } from '@/lib/pods/pod-entry';
import { Age } from '../age';
import { StatusPill, type Tone } from '../status-pill';
import { useMsg } from '../use-msg';

export interface PodColumnMeta {
  /** CSS width of the column (the table has a fixed layout: virtualised rows must not resize it); '' shares the rest. */
  width: string;
  align?: 'right';
  sortId: SortId;
}

export interface PodsTableMeta {
  groupNotes: ReadonlyMap<string, Msg>;
}

function statusTone(status: string): Tone {
  if (status === 'Running' || status === 'Completed') return status === 'Running' ? 'ok' : 'neutral';
  if (/BackOff|Err|Error|Failed|OOMKilled|Evicted|Unknown/.test(status)) return 'danger';
  return 'warn';
}

function DeepflowCell({ e, note }: { e: PodEntry; note: Msg | undefined }) {
  const t = useTranslations('pods.cell');
  const m = useMsg();
  const tag = e.tag;
  if (!tag) return <span className="text-muted">{t('evaluating')}</span>;
  if (tag.label) {
    return (
      <span className="flex min-w-0 items-center gap-1.5">
        <span className="truncate font-mono text-[12px]" title={tag.label}>{tag.label}</span>
        {tag.overridesOwner ? <StatusPill tone="warn" title={t('overridesOwnerHint')}>{t('overridesOwner')}</StatusPill> : null}
        {note ? <StatusPill tone="accent" title={m(note)}>{m(groupBadge(note))}</StatusPill> : null}
      </span>
    );
  }
  const r = tag.reason;
  const text = m(noLabelMsg(r));
  // the reason is words (and a warning sign), not only the danger colour
  return (
    <span className="flex min-w-0 items-baseline gap-1.5" title={r ? `${text}: ${r.detail}` : undefined}>
      <span className="whitespace-nowrap font-medium text-danger"><span aria-hidden="true">⚠ </span>{text}</span>
      {r?.detail ? <span translate="no" className="truncate text-[12px] text-muted">{r.detail}</span> : null}
    </span>
  );
}

function PluginCell({ e }: { e: PodEntry }) {
  const t = useTranslations('pods.cell');
  const tag = e.tag;
  if (!tag) return null;
  const p = tag.plugin;
  if (p.error !== null) {
    const line = /<string>:(\d+):/.exec(p.error)?.[1];
    return (
      <span className="flex min-w-0 items-baseline gap-1.5" title={p.error}>
        <StatusPill tone="danger">{t('error')}</StatusPill>
        <span className="truncate font-mono text-[12px]">{p.failedPlugin?.name ?? t('plugin')}</span>
        {line ? <span className="whitespace-nowrap text-[12px] text-muted">{t('line', { line })}</span> : null}
      </span>
    );
  }
  if (tag.workload?.source === 'builtin-rule') {
    return <span className="text-[12px]"><StatusPill tone="ok">{t('accepted')}</StatusPill> {t('builtinRule')} <span translate="no">→ {p.type} / {p.name}</span></span>;
  }
  if (tag.matchedPlugin) {
    return (
      <span className="flex min-w-0 items-baseline gap-1.5" title={t('returned', { plugin: tag.matchedPlugin.name, type: p.type, name: p.name })}>
        <StatusPill tone="ok">{t('accepted')}</StatusPill>
        <span className="whitespace-nowrap font-mono text-[12px]">{tag.matchedPlugin.name}</span>
        <span className="truncate font-mono text-[12px] text-muted">→ {p.type} / {p.name}</span>
      </span>
    );
  }
  if (tag.rejectedType !== null) {
    return (
      <span className="flex min-w-0 items-baseline gap-1.5" title={t('rejectsType', { type: tag.rejectedType })}>
        <StatusPill tone="warn">{t('rejected')}</StatusPill>
        <span className="truncate font-mono text-[12px]">{p.type} / {p.name}</span>
      </span>
    );
  }
  if (p.type !== '' || p.name !== '') return <span className="truncate font-mono text-[12px] text-muted"><span translate="no">“{p.type}” / “{p.name}”</span> {t('notUsed')}</span>;
  return <span className="text-muted">—</span>;
}

/** Column headers are components: TanStack renders them inside the tree, so they read the locale. */
function Header({ id }: { id: keyof typeof HEADER_IDS }) {
  const t = useTranslations('pods.column');
  return <>{t(id)}</>;
}
const HEADER_IDS = { name: 1, namespace: 1, status: 1, restarts: 1, deepflow: 1, plugin: 1, platform: 1, age: 1 } as const;

export const podColumns: ColumnDef<PodEntry>[] = [
  {
    id: 'name', header: () => <Header id="name" />, meta: { width: '15rem', sortId: 'name' } satisfies PodColumnMeta,
    cell: ({ row }) => <span className="block truncate font-mono text-[12px] font-medium" title={row.original.name}>{row.original.name}</span>,
  },
  {
    id: 'namespace', header: () => <Header id="namespace" />, meta: { width: '7.5rem', sortId: 'namespace' } satisfies PodColumnMeta,
    cell: ({ row }) => <span className="block truncate text-muted">{row.original.namespace}</span>,
  },
  {
    id: 'status', header: () => <Header id="status" />, meta: { width: '9rem', sortId: 'status' } satisfies PodColumnMeta,
    cell: ({ row }) => <StatusPill tone={statusTone(row.original.status)}>{row.original.status}</StatusPill>,
  },
  {
    id: 'restarts', header: () => <Header id="restarts" />, meta: { width: '5.5rem', align: 'right', sortId: 'restarts' } satisfies PodColumnMeta,
    cell: ({ row }) => <span className={row.original.restarts > 0 ? 'text-warn' : 'text-muted'}>{row.original.restarts}</span>,
  },
  {
    id: 'deepflow', header: () => <Header id="deepflow" />, meta: { width: '', sortId: 'deepflow' } satisfies PodColumnMeta,
    cell: ({ row, table }) => <DeepflowCell e={row.original} note={(table.options.meta as PodsTableMeta | undefined)?.groupNotes.get(row.original.uid)} />,
  },
  {
    id: 'plugin', header: () => <Header id="plugin" />, meta: { width: '', sortId: 'plugin' } satisfies PodColumnMeta,
    cell: ({ row }) => <PluginCell e={row.original} />,
  },
  {
    id: 'platform', header: () => <Header id="platform" />, meta: { width: '7.5rem', sortId: 'platform' } satisfies PodColumnMeta,
    cell: ({ row }) => <span className="block truncate text-muted">{row.original.tag?.platform ? PLATFORM_LABELS[row.original.tag.platform] : ''}</span>,
  },
  {
    id: 'age', header: () => <Header id="age" />, meta: { width: '4rem', align: 'right', sortId: 'age' } satisfies PodColumnMeta,
    cell: ({ row }) => <span className="text-muted"><Age timestamp={row.original.createdAt || undefined} /></span>,
  },
];
