'use client';
import { kindByKey } from '@/lib/k8s/kinds';
import { rolloutColumns, trafficRoutingColumns } from './columns/rollout-columns';
import { ComingLater } from './coming-later';
import { LiveResourceList } from './live-resource-list';

export function RolloutsView() {
  return (
    <div className="flex flex-col gap-6">
      <LiveResourceList kind={kindByKey('rollouts.rollouts.kruise.io')!} title="Rollouts" columns={rolloutColumns} headingLevel={1} shortcut />
      <LiveResourceList kind={kindByKey('trafficroutings.rollouts.kruise.io')!} title="Traffic routings" columns={trafficRoutingColumns} />
      <ComingLater
        title="Step-by-step traffic preview"
        items={[
          'For each canary step: the object the routing script sees and the spec it produces, as Kruise would apply it.',
          'Diffs against the live VirtualService / DestinationRule, and against the original-spec annotation on restore.',
          'Approve, pause and jump to a step from the table.',
        ]}
      >
        Selecting a Rollout will run its traffic-routing Lua script against every step in your browser.
      </ComingLater>
    </div>
  );
}
