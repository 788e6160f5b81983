'use client';
// /pods: every pod, live, with DeepFlow's verdict from the saved plugin chain evaluated in the Web
// Worker. This file wires data → model → view; the rules live in lib/pods and lib/runner.
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { deepflowBehaviour } from '@/lib/deepflow/versions';
import type { Msg } from '@/lib/i18n/message';
import { useAgentSettings, useSavedChain } from '@/lib/plugins/hooks';
import { buildEntries, type EntryCache } from '@/lib/pods/entries';
import { filterOptions, nextSort, viewRows, type PodsViewState, type Show, type SortId } from '@/lib/pods/filters';
import { abstractGroups, groupNote } from '@/lib/pods/grouping';
import type { PodEntry } from '@/lib/pods/pod-entry';
import { remediationGroups } from '@/lib/pods/remediation';
import { chainProblems, type EvaluationInput } from '@/lib/runner/pod-evaluation';
import { usePodEvaluation } from '@/lib/runner/use-pod-evaluation';
import { InlineCode } from './inline-code';
import { EmptyState, SkeletonTable, StateNotice } from './list-states';
import { PodDrawer } from './pods/pod-drawer';
import { PodsFilterBar, ShowTabs, useUrlText } from './pods/pods-filters';
import { PodsTable } from './pods/pods-table';
import { RemediationPanels } from './pods/remediation-panels';
import { usePodsData } from './pods/use-pods-data';
import { usePodsView } from './pods/use-pods-view';
import { NamespaceMissing } from './namespace-missing';
import { asSentence, useListReason } from './use-list-reason';
import { useNamespace } from './use-namespace';
import { useNamespaceExists } from './use-namespace-exists';
import { useErrorText, useMsg } from './use-msg';

const seconds = (ms?: number) => (ms === undefined ? undefined : Math.max(1, Math.round(ms / 1000)));
const TABLE_ID = 'pods-table';

export function PodsView() {
  const t = useTranslations('pods');
  const m = useMsg();
  const errorText = useErrorText();
  const [ns] = useNamespace();
  const [view, update] = usePodsView();
  const sendQ = useCallback((q: string) => update({ q }), [update]);
  const [q, setQ] = useUrlText(view.q, sendQ);
  const data = usePodsData(ns);
  const chain = useSavedChain();
  const agent = useAgentSettings();
  const list = data.pods;
  const listReason = useListReason();
  const missing = useNamespaceExists(ns) === 'missing';
  const listed = list.state === 'live' || list.state === 'reconnecting';

  const ctx = useMemo<Omit<EvaluationInput, 'pods'> | null>(
    () => (chain.isLoading || agent.isLoading || !data.ownersReady ? null : { owners: data.owners, plugins: chain.plugins, apiResources: agent.entries, version: agent.version }),
    [chain.isLoading, agent.isLoading, data.ownersReady, data.owners, chain.plugins, agent.entries, agent.version],
  );
  const input = useMemo<EvaluationInput | null>(() => (ctx && listed ? { ...ctx, pods: list.items } : null), [ctx, listed, list.items]);
  const evaluation = usePodEvaluation(input);

  const entryCache = useRef<EntryCache>(new WeakMap()).current;
  const entries = useMemo(() => buildEntries(list.items, evaluation.tags, entryCache), [list.items, evaluation.tags, entryCache]);
  const effective = useMemo<PodsViewState>(() => ({ ...view, q }), [view, q]);
  const { rows, counts } = useMemo(() => viewRows(entries, effective), [entries, effective]);
  const options = useMemo(() => filterOptions(entries), [entries]);
  const groupNotes = useMemo(() => {
    const groups = abstractGroups(entries);
    const notes = new Map<string, Msg>();
    for (const e of entries) {
      const n = groupNote(e, groups);
      if (n) notes.set(e.uid, n);
    }
    return notes;
  }, [entries]);
  const remedies = useMemo(() => (view.show === 'unmatched' ? remediationGroups(rows) : []), [view.show, rows]);
  const problems = useMemo(() => chainProblems(evaluation.tags.values()), [evaluation.tags]);

  useEffect(() => {
    if (evaluation.total > 0 && evaluation.evaluated === evaluation.total) performance.mark('kls:pods-evaluated');
  }, [evaluation.seq, evaluation.evaluated, evaluation.total]);

  // drawer: ?pod=<ns>/<name>; focus goes back to the row that opened it
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const openPod = useCallback((e: PodEntry) => update({ pod: e.key }), [update]);
  const closeDrawer = useCallback(() => {
    setFocusKey(view.pod);
    update({ pod: null });
  }, [update, view.pod]);
  const focused = useCallback(() => setFocusKey(null), []);
  const drawerPod = useMemo(() => (view.pod ? list.items.find((p) => `${p.metadata.namespace}/${p.metadata.name}` === view.pod) ?? null : null), [view.pod, list.items]);
  const drawerEntry = useMemo(() => (drawerPod ? entries.find((e) => e.key === view.pod) ?? null : null), [drawerPod, entries, view.pod]);

  const onSort = useCallback((id: SortId) => update({ sort: nextSort(view.sort, id) }), [update, view.sort]);
  const onShow = useCallback((show: Show) => update({ show }), [update]);
  const behaviour = deepflowBehaviour(agent.version);
  const scope = ns ? t('scopeNamespace', { namespace: ns }) : t('scopeAll');
  const total = listed ? list.items.length : evaluation.total;
  const allEvaluated = total > 0 && evaluation.evaluated === total && !evaluation.running;

  return (
    <section aria-labelledby="pods-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <h1 id="pods-heading" className="text-lg font-semibold">{t('title')}</h1>
        <span className="text-muted">{listed ? (rows.length !== list.items.length ? t('countOf', { shown: rows.length, total: list.items.length, scope }) : t('count', { shown: rows.length, scope })) : ''}</span>
        {/* the progress counts up with every watch event and worker batch: shown, not announced;
            the polite summary below speaks once the chain has evaluated every pod */}
        <p role="status" aria-live="off" className="tabular-nums text-muted">
          {t('evaluated', { done: evaluation.evaluated, total })}
          {evaluation.running ? '…' : ''}
        </p>
        <p aria-live="polite" className="sr-only">{allEvaluated ? t('evaluatedDone', { total }) : ''}</p>
        <p className="ml-auto text-muted">
          {t('emulating', { version: behaviour.label })} ·{' '}
          {t('enabledPlugins', { count: chain.plugins.length })} ·{' '}
          {agent.entries.length === 0 ? t('defaultApiResources') : t('apiResourcesEntries', { count: agent.entries.length })} ·{' '}
          <Link href="/settings" className="text-accent underline underline-offset-2">{t('settingsLink')}</Link>
        </p>
      </div>

      {chain.error ? <StateNotice tone="danger" title={t('chainError')}>{errorText(chain.error)}</StateNotice> : null}
      {evaluation.halt ? (
        <StateNotice tone="danger" title={evaluation.halt.plugin ? (evaluation.halt.line ? t('haltAt', { name: evaluation.halt.plugin.name, line: evaluation.halt.line }) : t('halt', { name: evaluation.halt.plugin.name })) : t('haltNoPlugin')}>
          <p>{m(evaluation.halt.msg)}</p>
          {evaluation.halt.plugin ? <p className="mt-1"><Link className="text-accent underline" href={`/plugins/${encodeURIComponent(evaluation.halt.plugin.name)}`}>{t('editPlugin', { name: evaluation.halt.plugin.name })}</Link></p> : null}
        </StateNotice>
      ) : null}
      {problems.length > 0 ? (
        <div role="alert" className="rounded-md border border-danger/50 bg-danger-soft px-4 py-2">
          <p className="font-semibold text-danger">{t('pluginErrors')}</p>
          <ul className="mt-1 flex flex-col gap-0.5">
            {problems.map((p) => (
              <li key={`${p.plugin.index}:${p.message}`}>
                <Link className="font-mono font-medium text-accent underline" href={`/plugins/${encodeURIComponent(p.plugin.name)}`}>{p.plugin.name}</Link>
                {p.line !== null ? <> {t('problemLine', { line: p.line })}</> : null}: <InlineCode text={p.message} /> <span className="text-muted">{t('podCount', { count: p.pods })}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <ShowTabs show={view.show} counts={counts} onChange={onShow} controls={TABLE_ID} />
      <PodsFilterBar view={view} q={q} onQ={setQ} options={options} onChange={update} />

      {list.state === 'reconnecting' ? (
        <StateNotice tone="warn" title={t('reconnecting')}>
          {list.reason ? <span translate="no">{asSentence(listReason(list)!)} </span> : null}
          {list.retryInMs !== undefined ? t('retryingIn', { seconds: seconds(list.retryInMs)! }) : t('retrying')}
        </StateNotice>
      ) : null}

      <RemediationPanels groups={remedies} />

      <div id={TABLE_ID}>
        {missing && ns ? (
          <NamespaceMissing namespace={ns} />
        ) : list.state === 'loading' ? (
          <SkeletonTable label={t('loading')} cols={8} />
        ) : list.state === 'forbidden' ? (
          <StateNotice tone="warn" title={t('forbidden', { scope })}>
            <p>{list.reason ? <span translate="no">{listReason(list)}</span> : t('forbiddenDefault')}</p>
            <p className="mt-1">
              {t.rich('forbiddenHint', { command: `kubectl auth can-i list pods${ns ? ` -n ${ns}` : ' -A'}`, code: (c) => <code className="font-mono text-fg">{c}</code> })}
            </p>
          </StateNotice>
        ) : list.state === 'error' ? (
          <StateNotice tone="danger" title={t('listError')}>
            <p>{list.reason ? <InlineCode text={listReason(list)!} /> : t('watchFailed')}</p>
            {list.retryInMs !== undefined ? <p className="mt-1">{t('retryingIn', { seconds: seconds(list.retryInMs)! })}</p> : null}
          </StateNotice>
        ) : list.items.length === 0 ? (
          list.state === 'live' ? <EmptyState title={t('empty', { scope })}>{t('emptyHint')}</EmptyState> : null
        ) : rows.length === 0 ? (
          <EmptyState title={t('noMatch')}>{t('noMatchHint', { total: list.items.length })}</EmptyState>
        ) : (
          <PodsTable
            rows={rows}
            sort={view.sort}
            onSort={onSort}
            onOpen={openPod}
            hideNamespace={!!ns}
            groupNotes={groupNotes}
            selectedKey={view.pod}
            focusKey={focusKey}
            onFocused={focused}
          />
        )}
      </div>

      {drawerPod ? <PodDrawer pod={drawerPod} tag={drawerEntry?.tag ?? null} ctx={ctx} onClose={closeDrawer} /> : null}
    </section>
  );
}
