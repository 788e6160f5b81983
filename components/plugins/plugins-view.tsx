'use client';
// /plugins: the store's plugins in execution order (or DeepFlow's list order), what each maps now,
// DeepFlow drift, and the row actions. Every write goes through app/plugins/actions.ts.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { deletePlugin, duplicatePlugin, reorderPlugins, savePlugin, setPluginEnabled } from '@/app/plugins/actions';
import { EmptyState, SkeletonTable, StateNotice } from '@/components/list-states';
import { RunError } from '@/components/playground/run-error';
import { ReadOnlyNotice } from '@/components/read-only';
import { invalidatePlugins, usePluginList } from '@/lib/plugins/hooks';
import { matchCounts, savedChain } from '@/lib/plugins/impact';
import type { PluginList, PluginRecord, Result } from '@/lib/plugins/types';
import { ConfirmDialog } from './dialog';
import { NameDialog } from './name-dialog';
import { pluginHref } from './plugin-cache';
import { PLUGIN_COLUMNS, type RowActions } from './plugin-columns';
import { copyName, moveInOrder, pluginRows, remoteOnly, type PluginOrder } from './plugin-rows';
import { DeepflowPanel } from './deepflow-panel';
import { useChainTags } from './use-chain-tags';
import { useLivePods } from './use-live-pods';

type Pending = { kind: 'rename' | 'duplicate' | 'delete'; plugin: PluginRecord } | null;

const INTERACTIVE = 'a, button, input, label, select, textarea';

export function PluginsView() {
  const list = usePluginList();
  if (list.isLoading) return <SkeletonTable label="Loading plugins…" rows={4} cols={6} />;
  if (list.error || !list.data) {
    return (
      <StateNotice tone="danger" title="Cannot read the plugin store">
        <span className="whitespace-pre-wrap">{list.error instanceof Error ? list.error.message : String(list.error ?? 'no answer')}</span>
      </StateNotice>
    );
  }
  return <PluginsTable list={list.data} />;
}

function PluginsTable({ list }: { list: PluginList }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const live = useLivePods();
  const chain = useMemo(() => savedChain(list.plugins), [list.plugins]);
  const { run } = useChainTags(chain, live.value);
  const counts = useMemo(() => (run.result && !run.stale ? matchCounts(run.result.pods) : null), [run.result, run.stale]);
  const [order, setOrder] = useState<PluginOrder>('runs');
  const rows = pluginRows(list, counts, order);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  /** What the store said beside a success (the DeepFlow server's answer, the reorder note), verbatim. */
  const [notes, setNotes] = useState<string[]>([]);
  const [pending, setPending] = useState<Pending>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const names = list.plugins.map((p) => p.name);
  const remote = remoteOnly(list);

  /** Runs one action; its error goes into the open dialog, or above the table. */
  const act = async (what: () => Promise<Result<{ warnings?: string[] }>>, ok: string, inDialog = false) => {
    setBusy(true);
    setError(null);
    setNotes([]);
    setDialogError(null);
    setDone(null);
    const r = await what().catch((e: unknown) => ({ ok: false as const, error: `The studio did not answer: ${e instanceof Error ? e.message : String(e)}` }));
    setBusy(false);
    await invalidatePlugins(queryClient);
    if (!r.ok) {
      if (inDialog) setDialogError(r.error);
      else setError(r.error);
      return;
    }
    setPending(null);
    setDone(ok);
    setNotes(r.warnings ?? []);
  };

  const actions: RowActions = {
    busy,
    canMove: order === 'runs',
    last: list.plugins.length,
    onToggle: (p) => void act(() => setPluginEnabled({ name: p.name, enabled: !p.enabled, baseVersion: p.version }), `${p.enabled ? 'Disabled' : 'Enabled'} ${p.name}.`),
    onMove: (p, by) => {
      const next = moveInOrder(names, p.name, by);
      if (next) void act(() => reorderPlugins({ order: next, listVersion: list.listVersion }), `Moved ${p.name} ${by < 0 ? 'up' : 'down'}.`);
    },
    onRename: (p) => { setDialogError(null); setPending({ kind: 'rename', plugin: p }); },
    onDuplicate: (p) => { setDialogError(null); setPending({ kind: 'duplicate', plugin: p }); },
    onDelete: (p) => { setDialogError(null); setPending({ kind: 'delete', plugin: p }); },
  };

  const open = (name: string) => router.push(pluginHref(name));
  const p = pending?.plugin;

  return (
    <div className="flex flex-col gap-3">
      <ReadOnlyNotice />
      <div className="flex flex-wrap items-center gap-3">
        <Link href="/plugins/new" className="rounded border border-accent bg-accent px-3 py-1 text-accent-fg hover:opacity-90">New plugin</Link>
        <p className="text-[12px] text-muted">
          Stored in the {list.store === 'file' ? 'file store' : 'cluster store'}: <span className="font-mono">{list.location}</span>
        </p>
        {list.plugins.length > 1 ? (
          <fieldset className="ml-auto flex items-center gap-2 text-[12px]">
            <legend className="sr-only">Order</legend>
            <span className="text-muted">Order:</span>
            <label className="flex items-center gap-1"><input type="radio" name="plugin-order" checked={order === 'runs'} onChange={() => setOrder('runs')} /> Execution (as DeepFlow runs them)</label>
            <label className="flex items-center gap-1"><input type="radio" name="plugin-order" checked={order === 'updated'} onChange={() => setOrder('updated')} /> Last update (DeepFlow&apos;s list)</label>
          </fieldset>
        ) : null}
      </div>
      <DeepflowPanel deepflow={list.deepflow} remote={remote} />
      {error ? <p role="alert" className="whitespace-pre-wrap rounded border border-danger/50 bg-danger-soft px-3 py-1.5">{error}</p> : null}
      <p role="status" className="min-h-[1em] text-[12px] text-muted">{busy ? 'Working…' : done ?? ''}</p>
      {notes.length ? (
        <ul aria-label="Store notes" className="rounded border border-warn/50 bg-warn-soft px-3 py-1.5 text-[12px]">
          {notes.map((n) => <li key={n} className="whitespace-pre-wrap">{n}</li>)}
        </ul>
      ) : null}
      {list.plugins.length === 0 ? (
        <EmptyState title="No plugins yet">
          A plugin names the workload of pods DeepFlow cannot map on its own.{' '}
          <Link href="/plugins/new" className="text-accent underline">New plugin</Link> ·{' '}
          <Link href="/pods?show=unmatched" className="text-accent underline">See the unmatched pods</Link>
        </EmptyState>
      ) : (
        <>
          <div className="overflow-x-auto rounded-md border border-line bg-surface">
            <table aria-label="Plugins" className="w-full border-collapse text-left">
              <thead>
                <tr className="border-b border-line bg-raised/60">
                  {PLUGIN_COLUMNS.map((c) => (
                    <th key={c.id} scope="col" className={`whitespace-nowrap px-3 py-1.5 text-[11px] font-semibold uppercase tracking-wide text-muted ${c.align === 'right' ? 'text-right' : ''}`}>
                      {c.header}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr
                    key={r.plugin.name}
                    aria-label={r.plugin.name}
                    tabIndex={0}
                    onClick={(e) => { if (!(e.target as Element).closest(INTERACTIVE)) open(r.plugin.name); }}
                    onKeyDown={(e) => { if (e.key === 'Enter' && e.target === e.currentTarget) open(r.plugin.name); }}
                    className={`cursor-pointer border-b border-line last:border-b-0 hover:bg-raised/50 focus:bg-raised/50 ${r.plugin.enabled ? '' : 'text-muted'}`}
                  >
                    {PLUGIN_COLUMNS.map((c) => (
                      <td key={c.id} className={`px-3 py-1.5 align-middle ${c.align === 'right' ? 'text-right' : ''}`}>{c.cell(r, actions)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="text-[12px] text-muted">
            DeepFlow runs plugins in creation order and uses the first non-empty answer; its list (<code>deepflow-ctl plugin list</code>) sorts by update time, newest first.
            On a DeepFlow server the order can only be changed by re-creating the plugins, so a reorder there deletes and uploads them again in the new order.
            {counts === null ? ' Counting the pods each plugin maps…' : ''}
          </p>
          <RunError error={run.error} what="saved plugin chain" />
        </>
      )}
      <NameDialog
        open={pending?.kind === 'rename'}
        title={`Rename ${p?.name ?? ''}`}
        label="New name"
        initial={p?.name ?? ''}
        taken={names.filter((n) => n !== p?.name)}
        confirmLabel="Rename"
        busy={busy}
        error={dialogError}
        onCancel={() => setPending(null)}
        onConfirm={(newName) => p && void act(() => savePlugin({ name: newName, source: p.source, baseVersion: p.version, previousName: p.name }), `Renamed ${p.name} to ${newName}.`, true)}
      >
        {list.deepflow ? 'On the DeepFlow server the plugin is deleted and uploaded again under the new name.' : null}
      </NameDialog>
      <NameDialog
        open={pending?.kind === 'duplicate'}
        title={`Duplicate ${p?.name ?? ''}`}
        label="Name of the copy"
        initial={p ? copyName(p.name, names) : ''}
        taken={names}
        confirmLabel="Duplicate"
        busy={busy}
        error={dialogError}
        onCancel={() => setPending(null)}
        onConfirm={(newName) => p && void act(() => duplicatePlugin({ name: p.name, newName }), `Duplicated ${p.name} as ${newName}.`, true)}
      >
        The copy runs last (creation order).
      </NameDialog>
      <ConfirmDialog
        open={pending?.kind === 'delete'}
        title={`Delete ${p?.name ?? ''}?`}
        confirmLabel="Delete"
        busy={busy}
        error={dialogError}
        onCancel={() => setPending(null)}
        onConfirm={() => p && void act(() => deletePlugin({ name: p.name, baseVersion: p.version }), `Deleted ${p.name}.`, true)}
      >
        The plugin and its history are removed from the store{list.deepflow ? ', and from the DeepFlow server' : ''}. Pods it maps fall back to the rest of the chain.
      </ConfirmDialog>
    </div>
  );
}
