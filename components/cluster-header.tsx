'use client';
import { SignedInUser } from './auth/signed-in-user';
import { ConnectionIndicator } from './connection-indicator';
import { ContextSwitcher } from './context-switcher';
import { useClusterInfo } from '@/lib/k8s/hooks';
import { NamespaceFilter } from './namespace-filter';
import { ReadOnlyBadge } from './read-only';

export function ClusterHeader() {
  const info = useClusterInfo();
  const d = info.data;
  return (
    <header aria-label="Cluster" className="flex flex-wrap items-center gap-x-5 gap-y-2 border-b border-line bg-surface px-4 py-2">
      <dl className="flex min-w-0 items-center gap-x-3">
        <div className="flex items-center gap-2">
          <dt className="sr-only">Context</dt>
          <dd aria-label="Current context" className="font-mono text-[13px] font-semibold">
            {d ? (d.current ?? 'no context') : <span className="skeleton inline-block h-3 w-20 align-middle" />}
          </dd>
          {d?.sandbox ? (
            <dd aria-label="Cluster type">
              <span
                title="The built-in sandbox cluster: safe to experiment, no real workloads."
                className="rounded border border-accent/40 bg-accent-soft px-1.5 py-px text-[11px] font-semibold uppercase tracking-wide text-accent"
              >
                sandbox
              </span>
            </dd>
          ) : null}
        </div>
        <div className="flex min-w-0 items-center gap-1.5">
          <dt className="text-muted">API server</dt>
          <dd aria-label="API server" className="truncate font-mono text-[12px] text-muted">
            {d ? (d.server ?? '—') : <span className="skeleton inline-block h-3 w-40 align-middle" />}
          </dd>
        </div>
        {d?.connection?.version ? (
          <div className="hidden items-center gap-1.5 xl:flex">
            <dt className="text-muted">Version</dt>
            <dd className="font-mono text-[12px] text-muted">{d.connection.version}</dd>
          </div>
        ) : null}
      </dl>
      <ConnectionIndicator />
      <ReadOnlyBadge />
      <div className="ml-auto flex flex-wrap items-center gap-4">
        <ContextSwitcher />
        <NamespaceFilter />
        <SignedInUser />
      </div>
    </header>
  );
}
