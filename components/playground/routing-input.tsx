'use client';
import { useTranslations } from 'next-intl';
// Where the routing preview's Rollout and gateway object come from: live lists, pasted YAML, or an
// imported Kruise testdata file.
import { useId, useMemo, useState } from 'react';
import { useKubeList, type KubeListResult } from '@/lib/k8s/hooks';
import { kindForObject, type KindDef } from '@/lib/k8s/kinds';
import { customKindSpec } from '@/lib/k8s/kind-spec';
import type { ResolvedScript } from '@/lib/kruise/script';
import { controllerScript, findGateway, findKruiseConfigMap, gatewayRefs, KRUISE_CONFIGMAP, KRUISE_NAMESPACE, pickGatewayRef, type GatewayRef } from '@/lib/playground/deep-link';
import { checkSize, parseRoutingInput, parseTestdata, type InputProblem } from '@/lib/playground/input';
import type { RoutingState } from '@/lib/playground/state';
import { playgroundProblem } from '@/lib/playground/text';
import { EmptyState } from '@/components/list-states';
import { useCustomKinds } from '@/components/use-custom-kinds';
import { ClusterListState } from './cluster-list-state';
import { InlineProblem } from './inline-problem';

export interface RoutingCaseInput {
  rollout?: unknown;
  trafficRouting?: unknown;
  gateway: unknown;
}

export interface RoutingInputData {
  value: RoutingCaseInput | null;
  /** testdata only */
  expected: unknown[] | null;
  problem: InputProblem | null;
  loading: boolean;
  /** cluster: the script the controller would use for the picked gateway */
  resolved: ResolvedScript | null;
  refs: GatewayRef[];
  ref: GatewayRef | null;
  rollouts: KubeListResult<unknown>;
  gateways: KubeListResult<unknown> | null;
  gatewayKind: KindDef | null;
  notes: string[];
}

const meta = (o: unknown) => ((o as { metadata?: { namespace?: string; name?: string } }).metadata ?? {});
const keyOf = (o: unknown) => `${meta(o).namespace ?? ''}/${meta(o).name ?? ''}`;

function watchKey(k: KindDef): string {
  return k.custom ? customKindSpec({ group: k.group, version: k.versions[0], plural: k.plural, namespaced: k.namespaced }) : k.key;
}

function parseRef(s: string): { kind: string; name: string } | null {
  const [kind, name] = s.split('/');
  return kind && name ? { kind, name } : null;
}

export function useRoutingInput(state: RoutingState, uploadProblem: InputProblem | null): RoutingInputData {
  const ti = useTranslations('playground.routingInput');
  const cluster = state.source === 'cluster';
  const { kinds: customKinds } = useCustomKinds();
  const rollouts = useKubeList<unknown>(cluster ? 'rollouts.rollouts.kruise.io' : '');
  const configMaps = useKubeList<unknown>(cluster ? 'configmaps' : '', { namespace: KRUISE_NAMESPACE });
  const rollout = useMemo(() => rollouts.items.find((r) => keyOf(r) === state.rollout) ?? null, [rollouts.items, state.rollout]);
  const refs = useMemo(() => (rollout ? gatewayRefs(rollout) : []), [rollout]);
  const picked = useMemo(() => (rollout ? pickGatewayRef(rollout, parseRef(state.ref)) : null), [rollout, state.ref]);
  const ref = picked && picked.ok ? picked.ref : null;
  const gatewayKind = ref ? kindForObject(ref.apiVersion, ref.kind, customKinds) ?? null : null;
  const gateways = useKubeList<unknown>(cluster && gatewayKind ? watchKey(gatewayKind) : '', { namespace: ref?.namespace });
  const gateway = useMemo(() => (ref ? findGateway(ref, gateways.items) ?? null : null), [ref, gateways.items]);
  const cm = useMemo(() => findKruiseConfigMap(configMaps.items), [configMaps.items]);
  const cmSettled = configMaps.state !== 'loading';
  const resolved = useMemo(() => (ref && cmSettled ? controllerScript(ref, cm) : null), [ref, cm, cmSettled]);

  const text = useMemo(() => (state.source === 'text' ? parseRoutingInput(state.text) : null), [state.source, state.text]);
  const testdata = useMemo(() => (state.source === 'testdata' ? parseTestdata(state.testdata) : null), [state.source, state.testdata]);
  const value = useMemo((): RoutingCaseInput | null => {
    if (state.source === 'text') return text && text.ok ? text.value : null;
    if (state.source === 'testdata') return testdata && testdata.ok ? { ...(testdata.value.rollout !== undefined ? { rollout: testdata.value.rollout } : { trafficRouting: testdata.value.trafficRouting }), gateway: testdata.value.original } : null;
    return rollout && gateway ? { rollout, gateway } : null;
  }, [state.source, text, testdata, rollout, gateway]);

  const base = { rollouts, gateways: gatewayKind ? gateways : null, gatewayKind, refs, ref, resolved: cluster ? resolved : null };
  const notes: string[] = [];
  if (cluster && configMaps.state === 'forbidden') notes.push(ti('configMapForbidden', { configMap: `${KRUISE_NAMESPACE}/${KRUISE_CONFIGMAP}` }));
  if (resolved?.shadowedConfigMapKey) notes.push(ti('configMapShadowed', { key: resolved.shadowedConfigMapKey }));

  let problem: InputProblem | null = null;
  if (state.source !== 'cluster' && uploadProblem) problem = uploadProblem;
  else if (state.source === 'text' && text && !text.ok) problem = state.text.trim() === '' ? null : text.error;
  else if (state.source === 'testdata' && testdata && !testdata.ok) problem = state.testdata.trim() === '' ? null : testdata.error;
  else if (cluster && picked && !picked.ok) problem = { message: picked.error, msg: picked.msg };
  else if (cluster && ref && !gatewayKind) problem = playgroundProblem('playground.routingInput.unknownKind', { apiVersion: ref.apiVersion, kind: ref.kind, name: ref.name });
  else if (cluster && ref && gateways.state === 'live' && !gateway) problem = playgroundProblem('playground.routingInput.gatewayMissing', { kind: ref.kind, target: `${ref.namespace}/${ref.name}` });
  else if (cluster && state.rollout && rollouts.state === 'live' && !rollout) problem = playgroundProblem('playground.routingInput.noRollout', { rollout: state.rollout });

  const loading = cluster && (rollouts.state === 'loading' || (!!gatewayKind && gateways.state === 'loading') || !cmSettled);
  return { ...base, value, expected: state.source === 'testdata' && testdata && testdata.ok ? testdata.value.expected : null, problem, loading, notes };
}

// A YAML sample, verbatim in every language.
const YAML_SAMPLE = 'apiVersion: rollouts.kruise.io/v1beta1\nkind: Rollout\n…\n---\napiVersion: networking.istio.io/v1beta1\nkind: VirtualService\n…';

export function RoutingInput({ state, update, data, onUploadProblem, onImport }: {
  state: RoutingState;
  update: (fn: (r: RoutingState) => RoutingState) => void;
  data: RoutingInputData;
  onUploadProblem: (p: InputProblem | null) => void;
  onImport: (text: string, name: string) => void;
}) {
  const ti = useTranslations('playground.routingInput');
  const tl = useTranslations('playground.list');
  const tp = useTranslations('playground.problem');
  const id = useId();
  const [, force] = useState(0);
  const sources: [RoutingState['source'], string][] = [['cluster', ti('fromCluster')], ['text', ti('pasted')], ['testdata', ti('testdata')]];

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const tooBig = checkSize(file.size, file.name);
    if (tooBig) {
      onUploadProblem(tooBig);
      return;
    }
    onUploadProblem(null);
    onImport(await file.text(), file.name);
    force((n) => n + 1);
  };

  return (
    <section aria-label={ti('region')} className="flex flex-col gap-2">
      <fieldset className="flex flex-wrap items-center gap-3">
        <legend className="sr-only">{ti('sourceLegend')}</legend>
        {sources.map(([v, label]) => (
          <label key={v} className="flex items-center gap-1.5">
            <input type="radio" name={`${id}-src`} checked={state.source === v} onChange={() => update((r) => ({ ...r, source: v }))} />
            {label}
          </label>
        ))}
      </fieldset>

      {state.source === 'cluster' ? (
        <div className="flex flex-col gap-2">
          <div className="flex flex-wrap items-center gap-2">
            <label htmlFor={`${id}-ro`} className="text-muted">{ti('rollout')}</label>
            <select id={`${id}-ro`} value={state.rollout} onChange={(e) => update((r) => ({ ...r, rollout: e.target.value, ref: '' }))} className="rounded border border-line-strong bg-surface px-1.5 py-0.5" disabled={data.rollouts.state === 'loading'}>
              {!state.rollout ? <option value="">{ti('choose')}</option> : null}
              {state.rollout && !data.rollouts.items.some((r) => keyOf(r) === state.rollout) ? <option value={state.rollout}>{state.rollout}</option> : null}
              {data.rollouts.items.map((r) => (
                <option key={keyOf(r)} value={keyOf(r)}>{keyOf(r)}</option>
              ))}
            </select>
            {data.refs.length ? (
              <>
                <label htmlFor={`${id}-ref`} className="text-muted">{ti('gateway')}</label>
                <select id={`${id}-ref`} value={data.ref ? `${data.ref.kind}/${data.ref.name}` : state.ref} onChange={(e) => update((r) => ({ ...r, ref: e.target.value }))} className="rounded border border-line-strong bg-surface px-1.5 py-0.5">
                  {data.refs.map((g) => (
                    <option key={`${g.kind}/${g.name}`} value={`${g.kind}/${g.name}`}>{`${g.kind}/${g.name}`}</option>
                  ))}
                </select>
              </>
            ) : null}
          </div>
          <ClusterListState list={data.rollouts} noun={tl('rollouts')} scope={tl('allNamespaces')} />
          {data.rollouts.state === 'live' && data.rollouts.items.length === 0 ? <EmptyState title={ti('noRollouts')}>{ti('noRolloutsHint')}</EmptyState> : null}
          {data.gateways ? <ClusterListState list={data.gateways} noun={data.gatewayKind ? tl('gatewayObjects', { kind: data.gatewayKind.kind }) : tl('gateway')} scope={tl('namespace', { ns: data.ref?.namespace ?? '' })} /> : null}
          {data.resolved ? (
            <p className="text-[12px] text-muted">
              {data.resolved.source === 'builtin' ? (
                ti('scriptBuiltin', { key: data.resolved.key })
              ) : data.resolved.source === 'configmap' ? (
                ti.rich('scriptConfigMap', { key: `lua.traffic.routing.${data.resolved.key.split('/')[1]}.${data.resolved.key.split('/')[0]}`, code: (c) => <code>{c}</code> })
              ) : (
                <>
                  {ti('scriptLabel')} <span className="text-danger">{data.resolved.error}</span>
                </>
              )}
            </p>
          ) : null}
        </div>
      ) : state.source === 'text' ? (
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-text`} className="text-muted">{ti('yamlLabel')}</label>
          <textarea id={`${id}-text`} value={state.text} onChange={(e) => update((r) => ({ ...r, text: e.target.value }))} rows={10} spellCheck={false} placeholder={YAML_SAMPLE} className="w-full resize-y rounded border border-line-strong bg-surface p-1.5 font-mono text-[12px]" />
        </div>
      ) : (
        <div className="flex flex-col gap-1">
          <div className="flex flex-wrap items-center gap-2">
            <label htmlFor={`${id}-file`} className="text-muted">{ti('import')}</label>
            <input id={`${id}-file`} type="file" accept=".yaml,.yml,.json" onChange={(e) => void onFile(e.target.files?.[0])} className="text-[12px]" />
            {state.testdataName ? <span className="text-[12px] text-muted">{state.testdataName}</span> : null}
          </div>
          <label htmlFor={`${id}-td`} className="text-muted">{ti('testdataLabel')}</label>
          <textarea id={`${id}-td`} value={state.testdata} onChange={(e) => update((r) => ({ ...r, testdata: e.target.value }))} rows={10} spellCheck={false} className="w-full resize-y rounded border border-line-strong bg-surface p-1.5 font-mono text-[12px]" />
        </div>
      )}
      {data.problem ? <InlineProblem problem={data.problem} what={state.source === 'testdata' ? tp('testdata') : state.source === 'text' ? tp('yaml') : tp('rollout')} /> : null}
      {data.notes.map((n) => (
        <p key={n} className="text-[12px] text-muted">{n}</p>
      ))}
    </section>
  );
}
