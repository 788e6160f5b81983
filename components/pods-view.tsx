'use client';
import { kindByKey } from '@/lib/k8s/kinds';
import { podColumns } from './columns/pod-columns';
import { LiveResourceList } from './live-resource-list';

export function PodsView() {
  return <LiveResourceList kind={kindByKey('pods')!} title="Pods" columns={podColumns} headingLevel={1} shortcut />;
}
