import { useTranslations } from 'next-intl';
import type { Messages } from '@/messages';
import { Age } from '../age';
import { str, type KubeObject } from '../kube-object';
import type { Column } from '../resource-table';

export type ColumnKey = keyof Messages['resources']['column'];

/** A column header in the reader's language: a component, so column lists stay module constants. */
export function ColumnTitle({ k }: { k: ColumnKey }) {
  const t = useTranslations('resources.column');
  return <>{t(k)}</>;
}

export const namespaceColumn: Column<KubeObject> = {
  id: 'namespace',
  header: <ColumnTitle k="namespace" />,
  cell: (o) => <span className="text-muted">{o.metadata.namespace ?? '—'}</span>,
  text: (o) => o.metadata.namespace ?? '',
  className: 'whitespace-nowrap',
};

export const nameColumn: Column<KubeObject> = {
  id: 'name',
  header: <ColumnTitle k="name" />,
  cell: (o) => <span className="font-medium">{o.metadata.name}</span>,
  text: (o) => o.metadata.name,
  mono: true,
  className: 'whitespace-nowrap',
};

export const ageColumn: Column<KubeObject> = {
  id: 'age',
  header: <ColumnTitle k="age" />,
  cell: (o) => <Age timestamp={o.metadata.creationTimestamp} />,
  // Newest first when ascending matches kubectl's "smallest age" intuition.
  sortValue: (o) => -(Date.parse(o.metadata.creationTimestamp ?? '') || 0),
  align: 'right',
  className: 'whitespace-nowrap text-muted',
};

export function textOr(v: unknown, fallback = '—'): string {
  return str(v) ?? fallback;
}
