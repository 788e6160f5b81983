import { Age } from '../age';
import { str, type KubeObject } from '../kube-object';
import type { Column } from '../resource-table';

export const namespaceColumn: Column<KubeObject> = {
  id: 'namespace',
  header: 'Namespace',
  cell: (o) => <span className="text-muted">{o.metadata.namespace ?? '—'}</span>,
  text: (o) => o.metadata.namespace ?? '',
  className: 'whitespace-nowrap',
};

export const nameColumn: Column<KubeObject> = {
  id: 'name',
  header: 'Name',
  cell: (o) => <span className="font-medium">{o.metadata.name}</span>,
  text: (o) => o.metadata.name,
  mono: true,
  className: 'whitespace-nowrap',
};

export const ageColumn: Column<KubeObject> = {
  id: 'age',
  header: 'Age',
  cell: (o) => <Age timestamp={o.metadata.creationTimestamp} />,
  // Newest first when ascending matches kubectl's "smallest age" intuition.
  sortValue: (o) => -(Date.parse(o.metadata.creationTimestamp ?? '') || 0),
  align: 'right',
  className: 'whitespace-nowrap text-muted',
};

export function textOr(v: unknown, fallback = '—'): string {
  return str(v) ?? fallback;
}
