'use client';
import { useTranslations } from 'next-intl';
// Where the tagging preview's pods come from: the cluster (all unmatched pods, a namespace, or a
// selection), pasted JSON/YAML, or an uploaded `kubectl get pods -o json`.
import { useId, useMemo, useState } from 'react';
import { useKubeList, type KubeListResult } from '@/lib/k8s/hooks';
import { checkSize, parsePodsInput, type InputProblem } from '@/lib/playground/input';
import type { TaggingState } from '@/lib/playground/state';
import { OWNER_KIND_KEYS, podKey, selectClusterPods } from '@/lib/playground/tagging';
import { EmptyState } from '@/components/list-states';
import { useListReason } from '@/components/use-list-reason';
import { ClusterListState } from './cluster-list-state';
import { InlineProblem } from './inline-problem';

export interface TaggingInputData {
  /** null while loading or when the input does not parse */
  value: { pods: unknown[]; objects: unknown[] } | null;
  problem: InputProblem | null;
  loading: boolean;
  warnings: string[];
  allPods: unknown[];
  podsList: KubeListResult<unknown>;
}

export function useTaggingInput(state: TaggingState, uploadProblem: InputProblem | null): TaggingInputData {
  const tw = useTranslations('playground.taggingInput');
  const listReason = useListReason();
  const podsList = useKubeList<unknown>(state.source === 'cluster' ? 'pods' : '');
  // a fixed list of kinds, so the hooks are called in the same order every render
  const ownerLists = OWNER_KIND_KEYS.map((k) => useKubeList<unknown>(state.source === 'cluster' ? k : '')); // eslint-disable-line react-hooks/rules-of-hooks
  const ownersKey = ownerLists.map((l) => l.items);
  const objects = useMemo(() => ownersKey.flat(), ownersKey); // eslint-disable-line react-hooks/exhaustive-deps
  const ownersLoading = ownerLists.some((l) => l.state === 'loading');
  const ownerWarnings = OWNER_KIND_KEYS.flatMap((k, i) =>
    ownerLists[i].state === 'forbidden' || ownerLists[i].state === 'error' ? [tw('ownersUnlisted', { resource: k, reason: listReason(ownerLists[i]) ?? ownerLists[i].state })] : [],
  );

  const parsed = useMemo(() => (state.source === 'text' ? parsePodsInput(state.text) : null), [state.source, state.text]);
  const cluster = useMemo(() => {
    if (state.source !== 'cluster' || podsList.state === 'loading' || ownersLoading) return null;
    if (podsList.state === 'error' || podsList.state === 'forbidden') return null;
    return { pods: selectClusterPods(state, podsList.items, objects), objects };
  }, [state, podsList.state, podsList.items, ownersLoading, objects]);

  if (state.source === 'text') {
    if (uploadProblem) return { value: null, problem: uploadProblem, loading: false, warnings: [], allPods: [], podsList };
    if (parsed && !parsed.ok) return { value: null, problem: parsed.error, loading: false, warnings: [], allPods: [], podsList };
    return { value: parsed && parsed.ok ? parsed.value : { pods: [], objects: [] }, problem: null, loading: false, warnings: parsed && parsed.ok ? parsed.warnings : [], allPods: [], podsList };
  }
  return { value: cluster, problem: null, loading: podsList.state === 'loading' || ownersLoading, warnings: ownerWarnings, allPods: podsList.items, podsList };
}

const meta = (p: unknown) => ((p as { metadata?: { namespace?: string; name?: string } }).metadata ?? {});

// A YAML sample, verbatim in every language.
const POD_SAMPLE = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: …';

export function TaggingInput({ state, update, data, onUploadProblem }: {
  state: TaggingState;
  update: (fn: (t: TaggingState) => TaggingState) => void;
  data: TaggingInputData;
  onUploadProblem: (p: InputProblem | null) => void;
}) {
  const ti = useTranslations('playground.taggingInput');
  const tl = useTranslations('playground.list');
  const tp = useTranslations('playground.problem');
  const id = useId();
  const [filter, setFilter] = useState('');
  const namespaces = useMemo(() => [...new Set(data.allPods.map((p) => meta(p).namespace ?? ''))].filter(Boolean).sort(), [data.allPods]);
  const picked = new Set(state.selection);
  const shownPods = data.allPods.filter((p) => podKey(p).includes(filter)).slice(0, 300);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const tooBig = checkSize(file.size, `${file.name}`);
    if (tooBig) {
      onUploadProblem(tooBig);
      return;
    }
    const text = await file.text();
    onUploadProblem(null);
    update((t) => ({ ...t, source: 'text', text, fileName: file.name }));
  };

  return (
    <section aria-label={ti('region')} className="flex flex-col gap-2">
      <fieldset className="flex flex-wrap items-center gap-3">
        <legend className="sr-only">{ti('sourceLegend')}</legend>
        <label className="flex items-center gap-1.5">
          <input type="radio" name={`${id}-src`} checked={state.source === 'cluster'} onChange={() => update((t) => ({ ...t, source: 'cluster' }))} />
          {ti('fromCluster')}
        </label>
        <label className="flex items-center gap-1.5">
          <input type="radio" name={`${id}-src`} checked={state.source === 'text'} onChange={() => update((t) => ({ ...t, source: 'text' }))} />
          {ti('pasted')}
        </label>
      </fieldset>

      {state.source === 'cluster' ? (
        <div className="flex flex-col gap-2">
          <div className="flex flex-wrap items-center gap-2">
            <label htmlFor={`${id}-scope`} className="text-muted">{ti('pods')}</label>
            <select id={`${id}-scope`} value={state.scope} onChange={(e) => update((t) => ({ ...t, scope: e.target.value as TaggingState['scope'] }))} className="rounded border border-line-strong bg-surface px-1.5 py-0.5">
              <option value="unmatched">{ti('unmatched')}</option>
              <option value="namespace">{ti('namespace')}</option>
              <option value="selection">{ti('selection')}</option>
            </select>
            {state.scope === 'namespace' ? (
              <>
                <label htmlFor={`${id}-ns`} className="text-muted">{ti('namespaceLabel')}</label>
                <select id={`${id}-ns`} value={state.namespace} onChange={(e) => update((t) => ({ ...t, namespace: e.target.value }))} className="rounded border border-line-strong bg-surface px-1.5 py-0.5">
                  {state.namespace && !namespaces.includes(state.namespace) ? <option value={state.namespace}>{ti('noPodsIn', { ns: state.namespace })}</option> : null}
                  {!state.namespace ? <option value="">{ti('choose')}</option> : null}
                  {namespaces.map((n) => (
                    <option key={n} value={n}>{n}</option>
                  ))}
                </select>
              </>
            ) : null}
          </div>
          <ClusterListState list={data.podsList} noun={tl('pods')} scope={tl('allNamespaces')} />
          {data.podsList.state === 'live' && data.allPods.length === 0 ? <EmptyState title={ti('noPods')}>{ti('noPodsHint')}</EmptyState> : null}
          {state.scope === 'selection' && data.allPods.length > 0 ? (
            <div className="rounded border border-line bg-surface">
              <div className="flex items-center gap-2 border-b border-line px-2 py-1">
                <input aria-label={ti('filter')} value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={ti('filterPlaceholder')} className="flex-1 rounded border border-line px-1.5 py-0.5" />
                <span className="text-[12px] text-muted">{ti('picked', { count: state.selection.length })}</span>
              </div>
              <ul aria-label={ti('list')} className="max-h-40 overflow-auto px-2 py-1">
                {shownPods.map((p) => {
                  const k = podKey(p);
                  return (
                    <li key={k}>
                      <label className="flex items-center gap-1.5 font-mono text-[12px]">
                        <input type="checkbox" checked={picked.has(k)} onChange={(e) => update((t) => ({ ...t, selection: e.target.checked ? [...t.selection, k] : t.selection.filter((x) => x !== k) }))} />
                        {k}
                      </label>
                    </li>
                  );
                })}
              </ul>
            </div>
          ) : null}
          {data.warnings.map((w) => (
            <p key={w} className="text-[12px] text-warn">{w}</p>
          ))}
        </div>
      ) : (
        <div className="flex flex-col gap-2">
          <div className="flex flex-wrap items-center gap-2">
            <label htmlFor={`${id}-file`} className="text-muted">{ti.rich('upload', { code: (c) => <code>{c}</code> })}</label>
            <input id={`${id}-file`} type="file" accept=".json,.yaml,.yml,application/json,text/yaml" onChange={(e) => void onFile(e.target.files?.[0])} className="text-[12px]" />
            {state.fileName ? <span className="text-[12px] text-muted">{ti('from', { file: state.fileName })}</span> : null}
          </div>
          <label htmlFor={`${id}-text`} className="text-muted">{ti('text')}</label>
          <textarea
            id={`${id}-text`}
            value={state.text.length > 200_000 ? `${state.text.slice(0, 200_000)}` : state.text}
            readOnly={state.text.length > 200_000}
            onChange={(e) => {
              onUploadProblem(null);
              update((t) => ({ ...t, text: e.target.value, fileName: '' }));
            }}
            rows={8}
            spellCheck={false}
            placeholder={POD_SAMPLE}
            className="w-full resize-y rounded border border-line-strong bg-surface p-1.5 font-mono text-[12px]"
          />
          {state.text.length > 200_000 ? <p className="text-[12px] text-muted">{ti('truncated')}</p> : null}
          {data.problem ? <InlineProblem problem={data.problem} what={tp('pods')} /> : null}
          {data.warnings.map((w) => (
            <p key={w} className="text-[12px] text-warn">{w}</p>
          ))}
        </div>
      )}
    </section>
  );
}
