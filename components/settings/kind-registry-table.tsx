'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { BUILTIN_KINDS, type KindDef } from '@/lib/k8s/kinds';
import { kindHref } from '../kind-route';
import { ResourceTable, type Column } from '../resource-table';
import { useCustomKinds } from '../use-custom-kinds';
import { useNamespace, withNamespace } from '../use-namespace';

export function KindRegistryTable() {
  const t = useTranslations('settings.registry');
  const { kinds, remove } = useCustomKinds();
  const [ns] = useNamespace();
  const rows = [...BUILTIN_KINDS, ...kinds];
  const columns: Column<KindDef>[] = [
    {
      id: 'kind',
      header: t('column.kind'),
      cell: (k) => (
        <Link href={withNamespace(kindHref(k), ns)} className="font-medium text-accent underline-offset-2 hover:underline" aria-label={t('listLabel', { kind: k.kind, resource: `${k.plural}${k.group ? `.${k.group}` : ''}` })}>
          {k.kind}
        </Link>
      ),
      text: (k) => k.kind,
    },
    { id: 'group', header: t('column.group'), cell: (k) => (k.group ? k.group : <span className="text-muted">{t('core')}</span>), text: (k) => k.group || 'core', mono: true },
    { id: 'versions', header: t('column.versions'), cell: (k) => k.versions.join(', '), text: (k) => k.versions.join(', '), mono: true },
    { id: 'plural', header: t('column.plural'), cell: (k) => k.plural, text: (k) => k.plural, mono: true },
    { id: 'namespaced', header: t('column.namespaced'), cell: (k) => t(k.namespaced ? 'yes' : 'no'), text: (k) => t(k.namespaced ? 'yes' : 'no') },
    {
      id: 'source',
      header: t('column.source'),
      cell: (k) =>
        k.custom ? (
          <span className="inline-flex items-center gap-2">
            <span className="text-muted">{t('addedHere')}</span>
            <button
              type="button"
              onClick={() => remove(k.key)}
              aria-label={t('removeLabel', { resource: `${k.plural}.${k.group}` })}
              className="rounded border border-line px-1.5 text-[12px] hover:border-danger hover:text-danger"
            >
              {t('remove')}
            </button>
          </span>
        ) : (
          <span className="text-muted">{t('builtIn')}</span>
        ),
      text: (k) => t(k.custom ? 'addedHere' : 'builtIn'),
    },
  ];
  return <ResourceTable label={t('label')} columns={columns} rows={rows} rowKey={(k) => k.key} />;
}
