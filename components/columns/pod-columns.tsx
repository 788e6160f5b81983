import { field, type KubeObject } from '../kube-object';
import type { Column } from '../resource-table';
import { StatusPill, type Tone } from '../status-pill';
import { ageColumn, nameColumn, namespaceColumn, textOr } from './common';

function owner(o: KubeObject): string {
  const ref = o.metadata.ownerReferences?.[0];
  return ref ? `${ref.kind}/${ref.name}` : '—';
}

function readiness(o: KubeObject): { ready: number; total: number } {
  const statuses = field(o, 'status', 'containerStatuses');
  const containers = field(o, 'spec', 'containers');
  const list = Array.isArray(statuses) ? statuses : [];
  return {
    ready: list.filter((s) => field(s, 'ready') === true).length,
    total: Array.isArray(containers) ? containers.length : list.length,
  };
}

function phase(o: KubeObject): string {
  if (field(o, 'metadata', 'deletionTimestamp')) return 'Terminating';
  return textOr(field(o, 'status', 'phase'), 'Unknown');
}

const phaseTone: Record<string, Tone> = {
  Running: 'ok',
  Succeeded: 'neutral',
  Pending: 'warn',
  Terminating: 'warn',
  Failed: 'danger',
  Unknown: 'neutral',
};

/** Pods list columns. Append to this array (not the table) to add analyses such as DeepFlow's matching. */
export const podColumns: readonly Column<KubeObject>[] = [
  namespaceColumn,
  nameColumn,
  {
    id: 'owner',
    header: 'Owner',
    // Generated owner names get long; truncate so phase, node and age stay on screen.
    cell: (o) => (
      <span title={owner(o)} className={`block max-w-[22rem] truncate ${o.metadata.ownerReferences?.length ? '' : 'text-muted'}`}>
        {owner(o)}
      </span>
    ),
    text: owner,
    mono: true,
  },
  {
    id: 'status',
    header: 'Status',
    cell: (o) => {
      const { ready, total } = readiness(o);
      const p = phase(o);
      return (
        <span className="inline-flex items-center gap-2 whitespace-nowrap">
          <StatusPill tone={phaseTone[p] ?? 'neutral'}>{p}</StatusPill>
          <span className={`tabular-nums ${p === 'Running' && ready < total ? 'font-medium text-warn' : 'text-muted'}`} title={`${ready} of ${total} containers ready`}>
            {ready}/{total}
          </span>
        </span>
      );
    },
    text: (o) => {
      const { ready, total } = readiness(o);
      return `${phase(o)} ${ready}/${total}`;
    },
  },
  {
    id: 'node',
    header: 'Node',
    cell: (o) => <span className="text-muted">{textOr(field(o, 'spec', 'nodeName'))}</span>,
    text: (o) => textOr(field(o, 'spec', 'nodeName'), ''),
    mono: true,
    className: 'whitespace-nowrap',
  },
  ageColumn,
];
