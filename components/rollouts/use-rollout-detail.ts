'use client';
// Everything the detail page reads, live: the Rollout, the lists its gateway objects live in, the
// Services of its namespace (lints) and the Kruise ConfigMap (script lookup). The preview inputs are
// computed by lib/rollouts/browser-preview.ts from these.
import { useCallback, useMemo, useState } from 'react';
import { useKubeList, type KubeListResult } from '@/lib/k8s/hooks';
import { kindForObject, type KindDef } from '@/lib/k8s/kinds';
import { watchKeyOf } from '@/lib/k8s/kind-spec';
import { customNetworkRefs, refKey, type GatewayRefKey } from '@/lib/kruise';
import { findGateway, findKruiseConfigMap, KRUISE_NAMESPACE } from '@/lib/playground/deep-link';
import type { KubeObject } from '@/components/kube-object';
import { useCustomKinds } from '@/components/use-custom-kinds';

export type RefLoad =
  | { state: 'loading' }
  | { state: 'ready'; live: object | null }
  /** the studio cannot read the object: its kind is unknown, or listing it failed */
  | { state: 'unreadable'; reason: string };

export interface RolloutDetailData {
  rollouts: KubeListResult<KubeObject>;
  rollout: KubeObject | null;
  refs: GatewayRefKey[];
  /** per refKey */
  loads: Record<string, RefLoad>;
  /** the watch keys of the ref kinds (one ListProbe each) */
  kindKeys: string[];
  onList: (kindKey: string, list: KubeListResult<unknown>) => void;
  configMap: { data?: Record<string, string> } | null;
  configMapState: KubeListResult<unknown>['state'];
  services: string[] | undefined;
}

function refKindOf(ref: GatewayRefKey, custom: readonly KindDef[]): KindDef | undefined {
  return kindForObject(ref.apiVersion, ref.kind, custom);
}

export function useRolloutDetail(namespace: string, name: string): RolloutDetailData {
  const rollouts = useKubeList<KubeObject>('rollouts.rollouts.kruise.io', { namespace });
  const rollout = useMemo(() => rollouts.items.find((r) => r.metadata.name === name) ?? null, [rollouts.items, name]);
  const configMaps = useKubeList<unknown>('configmaps', { namespace: KRUISE_NAMESPACE });
  const servicesList = useKubeList<KubeObject>('services', { namespace });
  const { kinds: custom } = useCustomKinds();
  const refs = useMemo(() => (rollout ? customNetworkRefs(rollout) : []), [rollout]);
  const kindKeys = useMemo(() => [...new Set(refs.flatMap((r) => {
    const k = refKindOf(r, custom);
    return k ? [watchKeyOf(k)] : [];
  }))], [refs, custom]);

  const [lists, setLists] = useState<Record<string, KubeListResult<unknown>>>({});
  const onList = useCallback((kindKey: string, list: KubeListResult<unknown>) => setLists((l) => (l[kindKey] === list ? l : { ...l, [kindKey]: list })), []);

  const loads = useMemo(() => {
    const out: Record<string, RefLoad> = {};
    for (const ref of refs) {
      const kind = refKindOf(ref, custom);
      if (!kind) {
        out[refKey(ref)] = { state: 'unreadable', reason: `The studio does not know the kind ${ref.apiVersion} ${ref.kind}: add it on the Settings page (group/version/plural) to load ${ref.kind}/${ref.name}.` };
        continue;
      }
      const list = lists[watchKeyOf(kind)];
      if (!list || list.state === 'loading') out[refKey(ref)] = { state: 'loading' };
      else if (list.state === 'forbidden' || list.state === 'error') out[refKey(ref)] = { state: 'unreadable', reason: `Could not list ${kind.plural}${kind.group ? `.${kind.group}` : ''} in ${namespace}: ${list.reason ?? list.state}` };
      else out[refKey(ref)] = { state: 'ready', live: (findGateway({ ...ref, namespace }, list.items) as object | undefined) ?? null };
    }
    return out;
  }, [refs, custom, lists, namespace]);

  const configMap = useMemo(() => findKruiseConfigMap(configMaps.items), [configMaps.items]);
  const services = useMemo(
    () => (servicesList.state === 'live' || servicesList.state === 'reconnecting' ? servicesList.items.map((s) => s.metadata.name) : undefined),
    [servicesList.state, servicesList.items],
  );

  return { rollouts, rollout, refs, loads, kindKeys, onList, configMap, configMapState: configMaps.state, services };
}
