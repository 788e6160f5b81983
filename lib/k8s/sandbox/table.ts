// `meta.k8s.io/v1` Table responses for `kubectl get` (it asks with `Accept: …;as=Table`), so the
// sandbox prints the same columns a real cluster does for the kinds people look at most.
import type { KindDef } from '../kinds';
import { podStatus } from '../pod-status';
import type { K8sObject } from './store';

type Column = { name: string; type: string; format: string; description: string; priority: number; cell: (o: K8sObject) => unknown };

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => (v && typeof v === 'object' ? (v as Rec) : {});
const arr = (v: unknown): Rec[] => (Array.isArray(v) ? (v as Rec[]) : []);

/** kubectl's HumanDuration: 45s, 12m, 5h, 3d, 2y. */
export function humanAge(since: string | undefined, now = Date.now()): string {
  if (!since) return '<unknown>';
  const s = Math.max(0, Math.floor((now - Date.parse(since)) / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return `${m}m${s % 60 ? `${s % 60}s` : ''}`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 8) return `${h}h${m % 60 ? `${m % 60}m` : ''}`;
  if (h < 48) return `${h}h`;
  const d = Math.floor(h / 24);
  if (d < 8) return `${d}d${h % 24 ? `${h % 24}h` : ''}`;
  if (d < 365 * 2) return `${d}d`;
  return `${Math.floor(d / 365)}y`;
}

const col = (name: string, cell: Column['cell'], priority = 0, type = 'string', format = ''): Column => ({ name, type, format, description: name, priority, cell });
const nameCol = col('Name', (o) => o.metadata.name, 0, 'string', 'name');
const ageCol = col('Age', (o) => humanAge(o.metadata.creationTimestamp), 0, 'date');

/** kubectl's RESTARTS cell: `17 (5m ago)` once a restart time is known. */
function restartsCell(o: K8sObject): string {
  const { restarts, lastRestartAt } = podStatus(o);
  return restarts && lastRestartAt ? `${restarts} (${humanAge(lastRestartAt)} ago)` : String(restarts);
}

const COLUMNS: Record<string, Column[]> = {
  '/pods': [
    nameCol,
    col('Ready', (o) => podStatus(o).ready),
    col('Status', (o) => podStatus(o).status),
    col('Restarts', restartsCell, 0, 'string'),
    ageCol,
    col('IP', (o) => str(rec(o.status).podIP) || '<none>', 1),
    col('Node', (o) => str(rec(o.spec).nodeName) || '<none>', 1),
  ],
  '/namespaces': [nameCol, col('Status', (o) => str(rec(o.status).phase)), ageCol],
  '/nodes': [
    nameCol,
    col('Status', (o) => (arr(rec(o.status).conditions).find((c) => c.type === 'Ready')?.status === 'True' ? 'Ready' : 'NotReady')),
    col('Roles', (o) => Object.keys(o.metadata.labels ?? {}).filter((l) => l.startsWith('node-role.kubernetes.io/')).map((l) => l.slice(24)).join(',') || '<none>'),
    ageCol,
    col('Version', (o) => str(rec(rec(o.status).nodeInfo).kubeletVersion)),
  ],
  '/configmaps': [nameCol, col('Data', (o) => Object.keys(rec(o.data)).length + Object.keys(rec(o.binaryData)).length, 0, 'integer'), ageCol],
  '/services': [
    nameCol,
    col('Type', (o) => str(rec(o.spec).type) || 'ClusterIP'),
    col('Cluster-IP', (o) => str(rec(o.spec).clusterIP) || '<none>'),
    col('Ports', (o) => arr(rec(o.spec).ports).map((p) => `${p.port}/${p.protocol ?? 'TCP'}`).join(',') || '<none>'),
    ageCol,
  ],
  'apps/deployments': [
    nameCol,
    col('Ready', (o) => `${rec(o.status).readyReplicas ?? 0}/${rec(o.spec).replicas ?? 1}`),
    col('Up-to-date', (o) => rec(o.status).updatedReplicas ?? 0, 0, 'integer'),
    col('Available', (o) => rec(o.status).availableReplicas ?? 0, 0, 'integer'),
    ageCol,
  ],
  'apps/replicasets': [
    nameCol,
    col('Desired', (o) => rec(o.spec).replicas ?? 1, 0, 'integer'),
    col('Current', (o) => rec(o.status).replicas ?? 0, 0, 'integer'),
    col('Ready', (o) => rec(o.status).readyReplicas ?? 0, 0, 'integer'),
    ageCol,
  ],
  'rollouts.kruise.io/rollouts': [
    nameCol,
    col('Status', (o) => str(rec(o.status).phase)),
    col('Canary_Step', (o) => str(rec(rec(o.status).canaryStatus).currentStepIndex ?? rec(o.status).currentStepIndex)),
    col('Canary_State', (o) => str(rec(rec(o.status).canaryStatus).currentStepState ?? rec(o.status).currentStepState)),
    col('Message', (o) => str(rec(o.status).message), 1),
    ageCol,
  ],
};

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export function toTable(k: KindDef, objects: K8sObject[], resourceVersion: string, includeObject: IncludeObject = 'Metadata', meta: Record<string, unknown> = {}) {
  const cols = COLUMNS[`${k.group}/${k.plural}`] ?? [nameCol, ageCol];
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion, ...meta },
    columnDefinitions: cols.map(({ cell: _c, ...d }) => d),
    rows: objects.map((o) => {
      const row: Record<string, unknown> = { cells: cols.map((c) => c.cell(o)) };
      if (includeObject === 'Object') row.object = o;
      else if (includeObject === 'Metadata') row.object = { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata };
      return row;
    }),
  };
}

export function toPartialMetadata(o: K8sObject) {
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata };
}
