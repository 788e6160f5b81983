'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useQuery } from '@tanstack/react-query';
import { discoverCustomKind } from '@/app/settings/kind-actions';
import { useClusterInfo } from '@/lib/k8s/hooks';
import type { KindDef } from '@/lib/k8s/kinds';
import { genericColumns } from './columns/generic-columns';
import { resolveKindParam } from './kind-route';
import { LiveResourceList } from './live-resource-list';
import { useCustomKinds } from './use-custom-kinds';
import { useMemo } from 'react';

/** Live list of any kind: a registry key or kubectl's `plural.version.group` for an unregistered CRD. */
export function ResourceView({ param }: { param: string }) {
  const t = useTranslations('resources');
  const { kinds } = useCustomKinds();
  const kind = useMemo(() => resolveKindParam(param, kinds), [param, kinds]);
  const columns = useMemo(() => (kind ? genericColumns(kind) : []), [kind]);
  const title = useKindTitle(kind);
  if (!kind) {
    return (
      <div role="alert" className="max-w-xl">
        <h1 className="text-lg font-semibold">{t('unknownKind', { param })}</h1>
        <p className="mt-1 text-muted">{t.rich('unknownKindHint', { code: (c) => <code className="font-mono">{c}</code> })}</p>
        <Link href="/settings" className="mt-2 inline-block text-accent underline underline-offset-2">
          {t('openRegistry')}
        </Link>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-1">
      <p className="font-mono text-[12px] text-muted">
        <Link href="/settings#settings-registry" className="font-sans text-accent underline-offset-2 hover:underline">
          {t('kindRegistry')}
        </Link>{' '}
        <span translate="no">› {kind.group || 'core'}/{kind.versions[0]} · {kind.plural}</span>
        {kind.custom ? <> · {t('customResource')}</> : null}
      </p>
      <LiveResourceList key={kind.key} kind={kind} title={title} noun={kind.plural} columns={columns} headingLevel={1} shortcut />
    </div>
  );
}

/** The Kind for the heading; a custom kind known only by its plural is named by the cluster's discovery, else by its plural. */
function useKindTitle(kind: KindDef | undefined): string {
  const context = useClusterInfo().data?.current ?? null;
  const unknown = !!kind?.kindUnknown && !!context;
  const found = useQuery({
    queryKey: ['discovered-kind', context, kind?.group, kind?.versions[0], kind?.plural],
    queryFn: () => discoverCustomKind({ group: kind!.group, version: kind!.versions[0], plural: kind!.plural }),
    enabled: unknown,
    staleTime: 5 * 60_000,
    retry: false,
  });
  if (!kind) return '';
  return unknown && found.data?.ok ? found.data.kind.kind : kind.kind;
}
