'use client';
import Link from 'next/link';
import { BUILTIN_KINDS, type KindDef } from '@/lib/k8s/kinds';
import { kindHref } from '../kind-route';
import { ResourceTable, type Column } from '../resource-table';
import { useCustomKinds } from '../use-custom-kinds';
import { useNamespace, withNamespace } from '../use-namespace';

export function KindRegistryTable() {
  const { kinds, remove } = useCustomKinds();
  const [ns] = useNamespace();
  const rows = [...BUILTIN_KINDS, ...kinds];
  const columns: Column<KindDef>[] = [
    {
      id: 'kind',
      header: 'Kind',
      cell: (k) => (
        <Link href={withNamespace(kindHref(k), ns)} className="font-medium text-accent underline-offset-2 hover:underline" aria-label={`List ${k.plural}${k.group ? `.${k.group}` : ''}`}>
          {k.kind}
        </Link>
      ),
      text: (k) => k.kind,
    },
    { id: 'group', header: 'Group', cell: (k) => (k.group ? k.group : <span className="text-muted">core</span>), text: (k) => k.group || 'core', mono: true },
    { id: 'versions', header: 'Versions', cell: (k) => k.versions.join(', '), text: (k) => k.versions.join(', '), mono: true },
    { id: 'plural', header: 'Plural', cell: (k) => k.plural, text: (k) => k.plural, mono: true },
    { id: 'namespaced', header: 'Namespaced', cell: (k) => (k.namespaced ? 'yes' : 'no'), text: (k) => (k.namespaced ? 'yes' : 'no') },
    {
      id: 'source',
      header: 'Source',
      cell: (k) =>
        k.custom ? (
          <span className="inline-flex items-center gap-2">
            <span className="text-muted">added here</span>
            <button
              type="button"
              onClick={() => remove(k.key)}
              aria-label={`Remove ${k.plural}.${k.group}`}
              className="rounded border border-line px-1.5 text-[12px] hover:border-danger hover:text-danger"
            >
              Remove
            </button>
          </span>
        ) : (
          <span className="text-muted">built in</span>
        ),
      text: (k) => (k.custom ? 'added here' : 'built in'),
    },
  ];
  return <ResourceTable label="Kind registry" columns={columns} rows={rows} rowKey={(k) => k.key} />;
}
