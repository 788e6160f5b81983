'use client';
// /rollouts: every Rollout (v1beta1 and v1alpha1) and TrafficRouting, live. A Rollout row opens its
// detail page; the step logic lives in lib/kruise (rolloutSummary, rolloutSteps), the filters in
// lib/rollouts/browser-list.ts.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { kindByKey } from '@/lib/k8s/kinds';
import { watchKeyOf } from '@/lib/k8s/kind-spec';
import { useKubeList } from '@/lib/k8s/hooks';
import { passesSelects, rolloutFilterOptions, type RolloutFacts } from '@/lib/rollouts/browser-list';
import { rolloutHref } from '@/lib/rollouts/browser-text';
import { rolloutColumns, summaryOf, trafficRoutingColumns } from './columns/rollout-columns';
import type { KubeObject } from './kube-object';
import { LiveResourceList } from './live-resource-list';
import { useUrlText } from './pods/pods-filters';
import { RolloutsFilters } from './rollouts/rollouts-filters';
import { useRolloutsView } from './rollouts/use-rollouts-view';
import { useNamespace } from './use-namespace';

const ROLLOUTS = kindByKey('rollouts.rollouts.kruise.io')!;
const TRAFFIC_ROUTINGS = kindByKey('trafficroutings.rollouts.kruise.io')!;

function facts(o: KubeObject): RolloutFacts {
  const s = summaryOf(o);
  return { phase: s.phase, stepState: s.currentStepState, routingKinds: s.routing.kinds };
}

export function RolloutsView() {
  const t = useTranslations('rollouts.list');
  const router = useRouter();
  const [ns] = useNamespace();
  const [view, update] = useRolloutsView();
  const sendQ = useCallback((q: string) => update({ q }), [update]);
  const [q, setQ] = useUrlText(view.q, sendQ);
  // the same list LiveResourceList shows (one shared watch): the selects offer what its rows hold
  const list = useKubeList<KubeObject>(watchKeyOf(ROLLOUTS), { namespace: ns });
  const options = useMemo(() => rolloutFilterOptions(list.items.map(facts)), [list.items]);
  const select = useCallback((rows: readonly KubeObject[]) => rows.filter((o) => passesSelects(facts(o), view)), [view]);
  const open = useCallback((o: KubeObject) => router.push(rolloutHref(o.metadata.namespace ?? '', o.metadata.name)), [router]);

  return (
    <div className="flex flex-col gap-6">
      <LiveResourceList
        kind={ROLLOUTS}
        title={t('title')}
        columns={rolloutColumns}
        headingLevel={1}
        shortcut
        select={select}
        toolbar={<RolloutsFilters view={view} options={options} onChange={update} />}
        filter={q}
        onFilterChange={setQ}
        onOpen={open}
      />
      <LiveResourceList kind={TRAFFIC_ROUTINGS} title={t('trafficRoutings')} columns={trafficRoutingColumns} />
    </div>
  );
}
