'use client';
import { useTranslations } from 'next-intl';
import { SignedInUser } from './auth/signed-in-user';
import { ConnectionIndicator } from './connection-indicator';
import { ContextSwitcher } from './context-switcher';
import { LocaleSwitch } from './locale-switch';
import { useClusterInfo } from '@/lib/k8s/hooks';
import { NamespaceFilter } from './namespace-filter';
import { ReadOnlyBadge } from './read-only';

// Every group wraps (flex-wrap, min-w-0) so a 768 px window stacks the switches under the context
// instead of clipping them; the API server address breaks anywhere rather than overflow.
export function ClusterHeader() {
  const t = useTranslations('shell.header');
  const info = useClusterInfo();
  const d = info.data;
  return (
    <header aria-label={t('label')} className="flex flex-wrap items-center gap-x-5 gap-y-2 border-b border-line bg-surface px-4 py-2">
      <dl className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1">
        <div className="flex items-center gap-2">
          <dt className="sr-only">{t('context')}</dt>
          <dd aria-label={t('currentContext')} className="font-mono text-[13px] font-semibold">
            {d ? (d.current ?? t('noContext')) : <span className="skeleton inline-block h-3 w-20 align-middle" />}
          </dd>
          {d?.sandbox ? (
            <dd aria-label={t('clusterType')}>
              <span title={t('sandboxTitle')} className="rounded border border-accent/40 bg-accent-soft px-1.5 py-px text-[11px] font-semibold uppercase tracking-wide text-accent">
                {t('sandbox')}
              </span>
            </dd>
          ) : null}
        </div>
        <div className="flex min-w-0 items-center gap-1.5">
          <dt className="shrink-0 text-muted">{t('apiServer')}</dt>
          <dd aria-label={t('apiServer')} className="min-w-0 break-all font-mono text-[12px] text-muted">
            {d ? (d.server ?? '—') : <span className="skeleton inline-block h-3 w-40 align-middle" />}
          </dd>
        </div>
        {d?.connection?.version ? (
          <div className="hidden items-center gap-1.5 xl:flex">
            <dt className="text-muted">{t('version')}</dt>
            <dd className="font-mono text-[12px] text-muted">{d.connection.version}</dd>
          </div>
        ) : null}
      </dl>
      <ConnectionIndicator />
      <ReadOnlyBadge />
      <div className="flex min-w-0 flex-wrap items-center gap-x-4 gap-y-2 lg:ml-auto">
        <ContextSwitcher />
        <NamespaceFilter />
        <SignedInUser />
        <LocaleSwitch />
      </div>
    </header>
  );
}
