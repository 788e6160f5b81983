'use client';
// The /plugins table's columns, in order. Cells get the row and the row actions.
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { PluginRecord } from '@/lib/plugins/types';
import { DRIFT_TEXT, type PluginRow } from './plugin-rows';
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

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const SMALL = 'rounded border border-line-strong px-1.5 py-0.5 text-[12px] hover:bg-raised disabled:opacity-40';

export const PLUGIN_COLUMNS: readonly PluginColumn[] = [
  { id: 'runs', header: 'Runs', align: 'right', cell: (r) => <span className="tabular-nums">{r.runs}</span> },
  {
    id: 'name',
    header: 'Name',
    cell: (r) => (
      <Link href={pluginHref(r.plugin.name)} className="font-mono text-[12px] text-accent hover:underline">
        {r.plugin.name}
      </Link>
    ),
  },
  {
    id: 'enabled',
    header: 'Enabled',
    cell: (r, a) => (
      <label className="inline-flex cursor-pointer items-center gap-1.5">
        <input
          type="checkbox"
          role="switch"
          checked={r.plugin.enabled}
          aria-checked={r.plugin.enabled}
          aria-label={`Enabled: ${r.plugin.name}`}
          disabled={a.busy}
          onChange={() => a.onToggle(r.plugin)}
        />
        <span className={r.plugin.enabled ? '' : 'text-muted'}>{r.plugin.enabled ? 'on' : 'off'}</span>
      </label>
    ),
  },
  {
    id: 'maps',
    header: 'Maps now',
    align: 'right',
    cell: (r) => (!r.plugin.enabled ? <span className="text-muted">disabled</span> : r.mapped === null ? <span className="text-muted">…</span> : <span className="tabular-nums">{r.mapped} {r.mapped === 1 ? 'pod' : 'pods'}</span>),
  },
  {
    id: 'updated',
    header: 'Updated',
    cell: (r) => (
      <span className="whitespace-nowrap">
        {when(r.plugin.updatedAt)} <span className="text-[11px] text-muted">(#{r.listed} in DeepFlow&apos;s list)</span>
      </span>
    ),
  },
  {
    id: 'deepflow',
    header: 'DeepFlow server',
    cell: (r) => (r.drift ? <span className={r.drift === 'in-sync' ? 'text-ok' : 'text-warn'}>{DRIFT_TEXT[r.drift]}</span> : <span className="text-muted">—</span>),
  },
  {
    id: 'actions',
    header: 'Actions',
    cell: (r, a) => (
      <div className="flex flex-wrap gap-1">
        <button type="button" className={SMALL} aria-label={`Move ${r.plugin.name} up`} disabled={a.busy || !a.canMove || r.runs === 1} onClick={() => a.onMove(r.plugin, -1)}>↑</button>
        <button type="button" className={SMALL} aria-label={`Move ${r.plugin.name} down`} disabled={a.busy || !a.canMove || r.runs === a.last} onClick={() => a.onMove(r.plugin, 1)}>↓</button>
        <button type="button" className={SMALL} aria-label={`Rename ${r.plugin.name}`} disabled={a.busy} onClick={() => a.onRename(r.plugin)}>Rename</button>
        <button type="button" className={SMALL} aria-label={`Duplicate ${r.plugin.name}`} disabled={a.busy} onClick={() => a.onDuplicate(r.plugin)}>Duplicate</button>
        <button type="button" className={`${SMALL} text-danger`} aria-label={`Delete ${r.plugin.name}`} disabled={a.busy} onClick={() => a.onDelete(r.plugin)}>Delete</button>
      </div>
    ),
  },
];
