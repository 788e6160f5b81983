'use client';
import { useClusterInfo } from '@/lib/k8s/hooks';
import { ConnectionIndicator } from '../connection-indicator';
import { ResourceTable, type Column } from '../resource-table';
import type { ContextInfo } from '@/lib/k8s/types';

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[160px_minmax(0,1fr)] gap-3 border-b border-line px-3 py-1.5 last:border-b-0">
      <dt className="text-muted">{term}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

export function ConnectionDetails() {
  const { data, isPending, error } = useClusterInfo();
  if (isPending) return <div role="status" className="skeleton h-32" aria-label="Loading connection details" />;
  if (error || !data) return <p role="alert" className="text-danger">Could not load the cluster configuration: {error?.message}</p>;

  const contextColumns: Column<ContextInfo>[] = [
    {
      id: 'name',
      header: 'Name',
      cell: (c) => (
        <span className="font-medium">
          {c.name}
          {c.name === data.current ? ' ' : null}
          {c.name === data.current ? <span className="ml-1 rounded bg-accent-soft px-1 text-[11px] text-accent">current</span> : null}
        </span>
      ),
      text: (c) => c.name,
      mono: true,
    },
    { id: 'cluster', header: 'Cluster', cell: (c) => c.cluster, text: (c) => c.cluster, mono: true },
    { id: 'server', header: 'Server', cell: (c) => c.server, text: (c) => c.server, mono: true },
    { id: 'user', header: 'User', cell: (c) => c.user, text: (c) => c.user, mono: true },
    { id: 'namespace', header: 'Default namespace', cell: (c) => c.namespace ?? '—', text: (c) => c.namespace ?? '', mono: true },
  ];
  const sandboxConfig = data.sandbox ? data.kubeconfigPaths[0] : undefined;

  return (
    <div className="flex flex-col gap-3">
      <dl className="rounded-md border border-line bg-surface">
        <Row term="Current context">
          <span className="font-mono">{data.current ?? '—'}</span>
        </Row>
        <Row term="API server">
          <span className="font-mono">{data.server ?? '—'}</span>
        </Row>
        <Row term="Connection">
          <div className="flex flex-wrap items-center gap-3">
            <ConnectionIndicator />
            {data.connection?.version ? <span className="text-muted">server {data.connection.version}</span> : null}
            {data.connection && !data.connection.ok && data.connection.reason ? <span className="text-danger">{data.connection.reason}</span> : null}
          </div>
        </Row>
        <Row term="Kubeconfig files">
          {data.kubeconfigPaths.length ? (
            <ul>
              {data.kubeconfigPaths.map((p) => (
                <li key={p} className="font-mono">
                  {p}
                </li>
              ))}
            </ul>
          ) : (
            <span className="text-muted">none found</span>
          )}
        </Row>
        <Row term="Sandbox">
          {data.sandbox ? (
            <div>
              <p>The built-in sandbox cluster is in use: a Kubernetes-API-compatible server run by the studio, seeded with demo workloads.</p>
              {sandboxConfig ? (
                <p className="mt-1">
                  Its kubeconfig is <code className="font-mono">{sandboxConfig}</code>; point kubectl at it:{' '}
                  <code className="rounded bg-raised px-1 py-px font-mono text-fg">kubectl --kubeconfig {sandboxConfig} get pods -A</code>
                </p>
              ) : null}
            </div>
          ) : (
            <span className="text-muted">Not in use: connected to the cluster of your kubeconfig.</span>
          )}
        </Row>
      </dl>
      <ResourceTable label="Contexts" columns={contextColumns} rows={data.contexts} rowKey={(c) => c.name} />
    </div>
  );
}
