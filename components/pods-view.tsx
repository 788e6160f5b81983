'use client';
// /pods: every pod, live, with DeepFlow's verdict from the saved plugin chain evaluated in the Web
// Worker. This file wires data → model → view; the rules live in lib/pods and lib/runner.
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { deepflowBehaviour } from '@/lib/deepflow/versions';
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
import { useNamespace } from './use-namespace';
import { useNamespaceExists } from './use-namespace-exists';

const fmt = (n: number) => n.toLocaleString('en-US');
const seconds = (ms?: number) => (ms === undefined ? undefined : Math.max(1, Math.round(ms / 1000)));
const TABLE_ID = 'pods-table';

export function PodsView() {
  const [ns] = useNamespace();
  const [view, update] = usePodsView();
  const sendQ = useCallback((q: string) => update({ q }), [update]);
  const [q, setQ] = useUrlText(view.q, sendQ);
  const data = usePodsData(ns);
  const chain = useSavedChain();
  const agent = useAgentSettings();
  const list = data.pods;
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
    const notes = new Map<string, string>();
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
  const scope = ns ? `namespace ${ns}` : 'all namespaces';

  return (
    <section aria-labelledby="pods-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <h1 id="pods-heading" className="text-lg font-semibold">Pods</h1>
        <span className="text-muted">{listed ? `${fmt(rows.length)}${rows.length !== list.items.length ? ` of ${fmt(list.items.length)}` : ''} in ${scope}` : ''}</span>
        <p role="status" aria-live="polite" className="tabular-nums text-muted">
          Evaluated {fmt(evaluation.evaluated)} of {fmt(listed ? list.items.length : evaluation.total)} pods
          {evaluation.running ? '…' : ''}
        </p>
        <p className="ml-auto text-muted">
          Emulating DeepFlow {behaviour.label} ·{' '}
          {chain.plugins.length} enabled plugin{chain.plugins.length === 1 ? '' : 's'} ·{' '}
          {agent.entries.length === 0 ? 'default api_resources' : `${agent.entries.length} api_resources entries`} ·{' '}
          <Link href="/settings" className="text-accent underline underline-offset-2">Settings</Link>
        </p>
      </div>

      {chain.error ? <StateNotice tone="danger" title="Could not load the saved plugins">{chain.error.message}</StateNotice> : null}
      {evaluation.halt ? (
        <StateNotice tone="danger" title={evaluation.halt.plugin ? `Plugin “${evaluation.halt.plugin.name}” stopped${evaluation.halt.line ? ` at line ${evaluation.halt.line}` : ''}` : 'Evaluation stopped'}>
          <p>{evaluation.halt.message}</p>
          {evaluation.halt.plugin ? <p className="mt-1"><Link className="text-accent underline" href={`/plugins/${encodeURIComponent(evaluation.halt.plugin.name)}`}>Edit {evaluation.halt.plugin.name}</Link></p> : null}
        </StateNotice>
      ) : null}
      {problems.length > 0 ? (
        <div role="alert" className="rounded-md border border-danger/50 bg-danger-soft px-4 py-2">
          <p className="font-semibold text-danger">Plugin errors</p>
          <ul className="mt-1 flex flex-col gap-0.5">
            {problems.map((p) => (
              <li key={`${p.plugin.index}:${p.message}`}>
                <Link className="font-mono font-medium text-accent underline" href={`/plugins/${encodeURIComponent(p.plugin.name)}`}>{p.plugin.name}</Link>
                {p.line !== null ? ` line ${p.line}` : ''}: <InlineCode text={p.message} /> <span className="text-muted">({fmt(p.pods)} pod{p.pods === 1 ? '' : 's'})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <ShowTabs show={view.show} counts={counts} onChange={onShow} controls={TABLE_ID} />
      <PodsFilterBar view={view} q={q} onQ={setQ} options={options} onChange={update} />

      {list.state === 'reconnecting' ? (
        <StateNotice tone="warn" title="Reconnecting to the cluster — pods shown may be out of date">
          {list.reason ? `${list.reason}. ` : ''}
          {list.retryInMs !== undefined ? `Retrying in ${seconds(list.retryInMs)} s.` : 'Retrying.'}
        </StateNotice>
      ) : null}

      <RemediationPanels groups={remedies} />

      <div id={TABLE_ID}>
        {missing && ns ? (
          <NamespaceMissing namespace={ns} />
        ) : list.state === 'loading' ? (
          <SkeletonTable label="Loading pods…" cols={8} />
        ) : list.state === 'forbidden' ? (
          <StateNotice tone="warn" title={`Not allowed to list pods in ${scope}`}>
            <p>{list.reason ?? 'The API server answered 403 Forbidden.'}</p>
            <p className="mt-1">
              Check the permissions of the current context with <code className="font-mono text-fg">kubectl auth can-i list pods{ns ? ` -n ${ns}` : ' -A'}</code>, or pick a namespace you can read.
            </p>
          </StateNotice>
        ) : list.state === 'error' ? (
          <StateNotice tone="danger" title="Could not list pods">
            <p><InlineCode text={list.reason ?? 'The watch stream failed.'} /></p>
            {list.retryInMs !== undefined ? <p className="mt-1">Retrying in {seconds(list.retryInMs)} s.</p> : null}
          </StateNotice>
        ) : list.items.length === 0 ? (
          list.state === 'live' ? <EmptyState title={`No pods in ${scope}`}>The list updates live: new pods appear here as soon as the API server reports them.</EmptyState> : null
        ) : rows.length === 0 ? (
          <EmptyState title="No pods match these filters">Clear the text filter (Escape) or pick another tab to see all {fmt(list.items.length)}.</EmptyState>
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
