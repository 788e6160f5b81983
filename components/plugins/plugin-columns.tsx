'use client';
// The /plugins table's columns, in order, in the reader's language. Cells get the row and the row actions.
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useMemo, type ReactNode } from 'react';
import type { PluginRecord } from '@/lib/plugins/types';
import type { PluginRow } from './plugin-rows';
import { pluginHref } from './plugin-cache';

export interface RowActions {
  busy: boolean;
  /** Moving is only meaningful in execution order. */
  canMove: boolean;
  last: number;
  onToggle: (p: PluginRecord) => void;
  onMove: (p: PluginRecord, by: -1 | 1) => void;
  onRename: (p: PluginRecord) => void;
  onDuplicate: (p: PluginRecord) => void;
  onDelete: (p: PluginRecord) => void;
}

export interface PluginColumn {
  id: string;
  header: string;
  align?: 'right';
  cell: (row: PluginRow, a: RowActions) => ReactNode;
}

const SMALL = 'rounded border border-line-strong px-1.5 py-0.5 text-[12px] hover:bg-raised disabled:opacity-40';

export function usePluginColumns(): readonly PluginColumn[] {
  const t = useTranslations('plugins');
  const format = useFormatter();
  return useMemo(() => {
    const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });
    return pluginColumns(t, when);
  }, [t, format]);
}

function pluginColumns(t: ReturnType<typeof useTranslations<'plugins'>>, when: (iso: string) => string): readonly PluginColumn[] {
  return [
    { id: 'runs', header: t('columns.runs'), align: 'right', cell: (r) => <span className="tabular-nums">{r.runs}</span> },
    {
      id: 'name',
      header: t('columns.name'),
      cell: (r) => (
        <Link href={pluginHref(r.plugin.name)} className="font-mono text-[12px] text-accent hover:underline">
          {r.plugin.name}
        </Link>
      ),
    },
    {
      id: 'enabled',
      header: t('columns.enabled'),
      cell: (r, a) => (
        <label className="inline-flex cursor-pointer items-center gap-1.5">
          <input
            type="checkbox"
            role="switch"
            checked={r.plugin.enabled}
            aria-checked={r.plugin.enabled}
            aria-label={t('row.enabledSwitch', { name: r.plugin.name })}
            disabled={a.busy}
            onChange={() => a.onToggle(r.plugin)}
          />
          <span className={r.plugin.enabled ? '' : 'text-muted'}>{r.plugin.enabled ? t('row.on') : t('row.off')}</span>
        </label>
      ),
    },
    {
      id: 'maps',
      header: t('columns.maps'),
      align: 'right',
      cell: (r) => (!r.plugin.enabled ? <span className="text-muted">{t('row.disabled')}</span> : r.mapped === null ? <span className="text-muted">…</span> : <span className="tabular-nums">{t('row.pods', { count: r.mapped })}</span>),
    },
    {
      id: 'updated',
      header: t('columns.updated'),
      cell: (r) => (
        <span className="whitespace-nowrap">
          {when(r.plugin.updatedAt)} <span className="text-[11px] text-muted">{t('row.listed', { listed: r.listed })}</span>
        </span>
      ),
    },
    {
      id: 'deepflow',
      header: t('columns.deepflow'),
      cell: (r) => (r.drift ? <span className={r.drift === 'in-sync' ? 'text-ok' : 'text-warn'}>{t(`drift.${r.drift}`)}</span> : <span className="text-muted">—</span>),
    },
    {
      id: 'actions',
      header: t('columns.actions'),
      cell: (r, a) => (
        <div className="flex flex-wrap gap-1">
          <button type="button" className={SMALL} aria-label={t('row.moveUp', { name: r.plugin.name })} disabled={a.busy || !a.canMove || r.runs === 1} onClick={() => a.onMove(r.plugin, -1)}>↑</button>
          <button type="button" className={SMALL} aria-label={t('row.moveDown', { name: r.plugin.name })} disabled={a.busy || !a.canMove || r.runs === a.last} onClick={() => a.onMove(r.plugin, 1)}>↓</button>
          <button type="button" className={SMALL} aria-label={t('row.renameLabel', { name: r.plugin.name })} disabled={a.busy} onClick={() => a.onRename(r.plugin)}>{t('row.rename')}</button>
          <button type="button" className={SMALL} aria-label={t('row.duplicateLabel', { name: r.plugin.name })} disabled={a.busy} onClick={() => a.onDuplicate(r.plugin)}>{t('row.duplicate')}</button>
          <button type="button" className={`${SMALL} text-danger`} aria-label={t('row.deleteLabel', { name: r.plugin.name })} disabled={a.busy} onClick={() => a.onDelete(r.plugin)}>{t('row.delete')}</button>
        </div>
      ),
    },
  ];
}
