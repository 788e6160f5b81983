'use client';
import Link from 'next/link';
import { genericColumns } from './columns/generic-columns';
import { resolveKindParam } from './kind-route';
import { LiveResourceList } from './live-resource-list';
import { useCustomKinds } from './use-custom-kinds';
import { useMemo } from 'react';

/** Live list of any kind: a registry key or kubectl's `plural.version.group` for an unregistered CRD. */
export function ResourceView({ param }: { param: string }) {
  const { kinds } = useCustomKinds();
  const kind = useMemo(() => resolveKindParam(param, kinds), [param, kinds]);
  const columns = useMemo(() => (kind ? genericColumns(kind) : []), [kind]);
  if (!kind) {
    return (
      <div role="alert" className="max-w-xl">
        <h1 className="text-lg font-semibold">Unknown kind “{param}”</h1>
        <p className="mt-1 text-muted">
          Use a registry key such as <code className="font-mono">pods</code> or <code className="font-mono">rollouts.rollouts.kruise.io</code>, or a
          fully qualified <code className="font-mono">plural.version.group</code> such as <code className="font-mono">httpproxies.v1.projectcontour.io</code>.
        </p>
        <Link href="/settings" className="mt-2 inline-block text-accent underline underline-offset-2">
          Open the kind registry
        </Link>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-1">
      <p className="font-mono text-[12px] text-muted">
        <Link href="/settings#settings-registry" className="font-sans text-accent underline-offset-2 hover:underline">
          Kind registry
        </Link>{' '}
        › {kind.group || 'core'}/{kind.versions[0]} · {kind.plural}
        {kind.custom ? ' · custom resource' : ''}
      </p>
      <LiveResourceList key={kind.key} kind={kind} title={kind.kind} noun={kind.plural} columns={columns} headingLevel={1} shortcut />
    </div>
  );
}
