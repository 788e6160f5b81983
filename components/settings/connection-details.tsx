'use client';
import { useTranslations } from 'next-intl';
import { useClusterInfo } from '@/lib/k8s/hooks';
import { ConnectionIndicator } from '../connection-indicator';
import { useErrorText, useMsg } from '../use-msg';
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
  const t = useTranslations('settings.connection');
  const errorText = useErrorText();
  const { data, isPending, error } = useClusterInfo();
  const m = useMsg();
  if (isPending) return <div role="status" className="skeleton h-32" aria-label={t('loading')} />;
  if (error || !data) return <p role="alert" className="text-danger">{t('loadError', { message: error ? errorText(error) : '' })}</p>;

  const contextColumns: Column<ContextInfo>[] = [
    {
      id: 'name',
      header: t('column.name'),
      cell: (c) => (
        <span className="font-medium">
          {c.name}
          {c.name === data.current ? ' ' : null}
          {c.name === data.current ? <span className="ml-1 rounded bg-accent-soft px-1 text-[11px] text-accent">{t('current')}</span> : null}
        </span>
      ),
      text: (c) => c.name,
      mono: true,
    },
    { id: 'cluster', header: t('column.cluster'), cell: (c) => c.cluster, text: (c) => c.cluster, mono: true },
    { id: 'server', header: t('column.server'), cell: (c) => c.server, text: (c) => c.server, mono: true },
    { id: 'user', header: t('column.user'), cell: (c) => c.user, text: (c) => c.user, mono: true },
    { id: 'namespace', header: t('column.namespace'), cell: (c) => c.namespace ?? '—', text: (c) => c.namespace ?? '', mono: true },
  ];
  const sandboxConfig = data.sandbox ? data.kubeconfigPaths[0] : undefined;

  return (
    <div className="flex flex-col gap-3">
      <dl className="rounded-md border border-line bg-surface">
        <Row term={t('currentContext')}>
          <span className="font-mono">{data.current ?? '—'}</span>
        </Row>
        <Row term={t('apiServer')}>
          <span className="font-mono">{data.server ?? '—'}</span>
        </Row>
        <Row term={t('connection')}>
          <div className="flex flex-wrap items-center gap-3">
            <ConnectionIndicator />
            {data.connection?.version ? <span className="text-muted">{t('serverVersion', { version: data.connection.version })}</span> : null}
            {data.connection && !data.connection.ok && data.connection.reason ? <span translate="no" className="text-danger">{data.connection.reasonMsg ? m(data.connection.reasonMsg) : data.connection.reason}</span> : null}
          </div>
        </Row>
        <Row term={t('kubeconfigFiles')}>
          {data.kubeconfigPaths.length ? (
            <ul>
              {data.kubeconfigPaths.map((p) => (
                <li key={p} className="font-mono">
                  {p}
                </li>
              ))}
            </ul>
          ) : (
            <span className="text-muted">{t('noneFound')}</span>
          )}
        </Row>
        <Row term={t('sandbox')}>
          {data.sandbox ? (
            <div>
              <p>{t('sandboxInUse')}</p>
              {sandboxConfig ? (
                <p className="mt-1">
                  {t.rich('sandboxKubeconfig', { path: sandboxConfig, code: (c) => <code className="font-mono">{c}</code> })}{' '}
                  <code className="rounded bg-raised px-1 py-px font-mono text-fg">kubectl --kubeconfig {sandboxConfig} get pods -A</code>
                </p>
              ) : null}
            </div>
          ) : (
            <span className="text-muted">{t('sandboxNotInUse')}</span>
          )}
        </Row>
      </dl>
      <ResourceTable label={t('contexts')} columns={contextColumns} rows={data.contexts} rowKey={(c) => c.name} />
    </div>
  );
}
