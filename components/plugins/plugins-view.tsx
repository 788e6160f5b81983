'use client';
// /plugins: the store's plugins in execution order (or DeepFlow's list order), what each maps now,
// DeepFlow drift, and the row actions. Every write goes through app/plugins/actions.ts.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useErrorText } from '@/components/use-msg';
import { useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { deletePlugin, duplicatePlugin, reorderPlugins, savePlugin, setPluginEnabled } from '@/app/plugins/actions';
import { EmptyState, SkeletonTable, StateNotice } from '@/components/list-states';
import { RunError } from '@/components/playground/run-error';
import { ReadOnlyNotice } from '@/components/read-only';
import { invalidatePlugins, usePluginList } from '@/lib/plugins/hooks';
import { matchCounts, savedChain } from '@/lib/plugins/impact';
import type { Msg } from '@/lib/i18n/message';
import type { PluginList, PluginRecord, Result } from '@/lib/plugins/types';
import { ConfirmDialog } from './dialog';
import { NameDialog } from './name-dialog';
import { pluginHref } from './plugin-cache';
import { usePluginColumns, type RowActions } from './plugin-columns';
import { FailureText, notesOf, unanswered, type Shown } from './failure-text';
import { copyName, moveInOrder, pluginRows, remoteOnly, type PluginOrder } from './plugin-rows';
import { DeepflowPanel } from './deepflow-panel';
import { useChainTags } from './use-chain-tags';
import { useLivePods } from './use-live-pods';

type Pending = { kind: 'rename' | 'duplicate' | 'delete'; plugin: PluginRecord } | null;

const INTERACTIVE = 'a, button, input, label, select, textarea';

export function PluginsView() {
  const t = useTranslations('plugins');
  const errorText = useErrorText();
  const list = usePluginList();
  if (list.isLoading) return <SkeletonTable label={t('list.loading')} rows={4} cols={6} />;
  if (list.error || !list.data) {
    return (
      <StateNotice tone="danger" title={t('list.cannotRead')}>
        <span className="whitespace-pre-wrap">{list.error ? errorText(list.error) : t('list.noAnswer')}</span>
      </StateNotice>
    );
  }
  return <PluginsTable list={list.data} />;
}

function PluginsTable({ list }: { list: PluginList }) {
  const t = useTranslations('plugins');
  const columns = usePluginColumns();
  const router = useRouter();
  const queryClient = useQueryClient();
  const live = useLivePods();
  const chain = useMemo(() => savedChain(list.plugins), [list.plugins]);
  const { run } = useChainTags(chain, live.value);
  const counts = useMemo(() => (run.result && !run.stale ? matchCounts(run.result.pods) : null), [run.result, run.stale]);
  const [order, setOrder] = useState<PluginOrder>('runs');
  const rows = pluginRows(list, counts, order);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Shown | null>(null);
  const [done, setDone] = useState<string | null>(null);
  /** What the store said beside a success (the DeepFlow server's answer verbatim, the reorder note). */
  const [notes, setNotes] = useState<Shown[]>([]);
  const [pending, setPending] = useState<Pending>(null);
  const [dialogError, setDialogError] = useState<Shown | null>(null);
  const names = list.plugins.map((p) => p.name);
  const remote = remoteOnly(list);

  /** Runs one action; its error goes into the open dialog, or above the table. */
  const act = async (what: () => Promise<Result<{ warnings?: string[]; notes?: Msg[] }>>, ok: string, inDialog = false) => {
    setBusy(true);
    setError(null);
    setNotes([]);
    setDialogError(null);
    setDone(null);
    const r = await what().catch(unanswered);
    setBusy(false);
    await invalidatePlugins(queryClient);
    if (!r.ok) {
      if (inDialog) setDialogError(r);
      else setError(r);
      return;
    }
    setPending(null);
    setDone(ok);
    setNotes(notesOf(r));
  };

  const actions: RowActions = {
    busy,
    canMove: order === 'runs',
    last: list.plugins.length,
    onToggle: (p) => void act(() => setPluginEnabled({ name: p.name, enabled: !p.enabled, baseVersion: p.version }), t(p.enabled ? 'list.done.disabled' : 'list.done.enabled', { name: p.name })),
    onMove: (p, by) => {
      const next = moveInOrder(names, p.name, by);
      if (next) void act(() => reorderPlugins({ order: next, listVersion: list.listVersion }), t(by < 0 ? 'list.done.movedUp' : 'list.done.movedDown', { name: p.name }));
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
        <Link href="/plugins/new" className="rounded border border-accent bg-accent px-3 py-1 text-accent-fg hover:opacity-90">{t('list.newPlugin')}</Link>
        <p className="text-[12px] text-muted">
          {t.rich('list.storedIn', { store: list.store, location: list.location, loc: (c) => <span className="font-mono" translate="no">{c}</span> })}
        </p>
        {list.plugins.length > 1 ? (
          <fieldset className="ml-auto flex items-center gap-2 text-[12px]">
            <legend className="sr-only">{t('list.order')}</legend>
            <span aria-hidden="true" className="text-muted">{t('list.orderLabel')}</span>
            <label className="flex items-center gap-1"><input type="radio" name="plugin-order" checked={order === 'runs'} onChange={() => setOrder('runs')} /> {t('list.orderRuns')}</label>
            <label className="flex items-center gap-1"><input type="radio" name="plugin-order" checked={order === 'updated'} onChange={() => setOrder('updated')} /> {t('list.orderUpdated')}</label>
          </fieldset>
        ) : null}
      </div>
      <DeepflowPanel deepflow={list.deepflow} remote={remote} />
      {error ? <p role="alert" className="whitespace-pre-wrap rounded border border-danger/50 bg-danger-soft px-3 py-1.5"><FailureText shown={error} /></p> : null}
      <p role="status" className="min-h-[1em] text-[12px] text-muted">{busy ? t('list.working') : done ?? ''}</p>
      {notes.length ? (
        <ul aria-label={t('list.storeNotes')} className="rounded border border-warn/50 bg-warn-soft px-3 py-1.5 text-[12px]">
          {notes.map((n) => <li key={n.error} className="whitespace-pre-wrap"><FailureText shown={n} /></li>)}
        </ul>
      ) : null}
      {list.plugins.length === 0 ? (
        <EmptyState title={t('list.emptyTitle')}>
          {t('list.emptyBody')}{' '}
          <Link href="/plugins/new" className="text-accent underline">{t('list.newPlugin')}</Link> ·{' '}
          <Link href="/pods?show=unmatched" className="text-accent underline">{t('list.seeUnmatched')}</Link>
        </EmptyState>
      ) : (
        <>
          <div className="overflow-x-auto rounded-md border border-line bg-surface">
            <table aria-label={t('list.table')} className="w-full border-collapse text-left">
              <thead>
                <tr className="border-b border-line bg-raised/60">
                  {columns.map((c) => (
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
                    {columns.map((c) => (
                      <td key={c.id} className={`px-3 py-1.5 align-middle ${c.align === 'right' ? 'text-right' : ''}`}>{c.cell(r, actions)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="text-[12px] text-muted">
            {t.rich('list.orderNote', { code: (c) => <code>{c}</code> })}
            {counts === null ? ` ${t('list.counting')}` : ''}
          </p>
          <RunError error={run.error} what={t('list.savedChain')} />
        </>
      )}
      <NameDialog
        open={pending?.kind === 'rename'}
        title={t('dialogs.renameTitle', { name: p?.name ?? '' })}
        label={t('dialogs.newName')}
        initial={p?.name ?? ''}
        taken={names.filter((n) => n !== p?.name)}
        confirmLabel={t('row.rename')}
        busy={busy}
        error={dialogError}
        onCancel={() => setPending(null)}
        onConfirm={(newName) => p && void act(() => savePlugin({ name: newName, source: p.source, baseVersion: p.version, previousName: p.name }), t('list.done.renamed', { name: p.name, newName }), true)}
      >
        {list.deepflow ? t('dialogs.renameOnServer') : null}
      </NameDialog>
      <NameDialog
        open={pending?.kind === 'duplicate'}
        title={t('dialogs.duplicateTitle', { name: p?.name ?? '' })}
        label={t('dialogs.copyName')}
        initial={p ? copyName(p.name, names) : ''}
        taken={names}
        confirmLabel={t('row.duplicate')}
        busy={busy}
        error={dialogError}
        onCancel={() => setPending(null)}
        onConfirm={(newName) => p && void act(() => duplicatePlugin({ name: p.name, newName }), t('list.done.duplicated', { name: p.name, newName }), true)}
      >
        {t('dialogs.copyRunsLast')}
      </NameDialog>
      <ConfirmDialog
        open={pending?.kind === 'delete'}
        title={t('dialogs.deleteTitle', { name: p?.name ?? '' })}
        confirmLabel={t('row.delete')}
        busy={busy}
        error={dialogError}
        onCancel={() => setPending(null)}
        onConfirm={() => p && void act(() => deletePlugin({ name: p.name, baseVersion: p.version }), t('list.done.deleted', { name: p.name }), true)}
      >
        {t('dialogs.deleteBody', { deepflow: list.deepflow ? 'yes' : 'no' })}
      </ConfirmDialog>
    </div>
  );
}
