import type { KindDef } from '@/lib/k8s/kinds';
import { field, type KubeObject } from '../kube-object';
import type { Column } from '../resource-table';
import { ageColumn, ColumnTitle, nameColumn, namespaceColumn, textOr } from './common';

// Most kinds (built-in or CRD) report `status.phase` or a Ready condition; show whichever exists.
function status(o: KubeObject): string {
  const phase = field(o, 'status', 'phase');
  if (typeof phase === 'string') return phase;
  const conds = field(o, 'status', 'conditions');
  const ready = Array.isArray(conds) ? conds.find((c) => field(c, 'type') === 'Ready') : undefined;
  return ready ? `Ready=${textOr(field(ready, 'status'), '?')}` : '—';
}

export function genericColumns(kind: KindDef): readonly Column<KubeObject>[] {
  return [
    ...(kind.namespaced ? [namespaceColumn] : []),
    nameColumn,
    { id: 'status', header: <ColumnTitle k="status" />, cell: (o) => <span className="text-muted">{status(o)}</span>, text: status },
    ageColumn,
  ];
}
