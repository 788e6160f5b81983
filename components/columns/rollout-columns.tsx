import { field, type KubeObject } from '../kube-object';
import type { Column } from '../resource-table';
import { StatusPill, type Tone } from '../status-pill';
import { ageColumn, nameColumn, namespaceColumn, textOr } from './common';

const phaseTone: Record<string, Tone> = {
  Healthy: 'ok',
  Progressing: 'accent',
  Initial: 'neutral',
  Finalizing: 'warn',
  Terminating: 'warn',
  Disabled: 'neutral',
  Disabling: 'warn',
};

export const phaseColumn: Column<KubeObject> = {
  id: 'phase',
  header: 'Phase',
  cell: (o) => {
    const p = textOr(field(o, 'status', 'phase'), '');
    return p ? <StatusPill tone={phaseTone[p] ?? 'neutral'}>{p}</StatusPill> : <span className="text-muted">—</span>;
  },
  text: (o) => textOr(field(o, 'status', 'phase'), ''),
};

export const messageColumn: Column<KubeObject> = {
  id: 'message',
  header: 'Message',
  cell: (o) => <span className="text-muted">{textOr(field(o, 'status', 'message'))}</span>,
  text: (o) => textOr(field(o, 'status', 'message'), ''),
  className: 'min-w-64',
};

function strategy(o: KubeObject): unknown {
  return field(o, 'spec', 'strategy', 'canary') ?? field(o, 'spec', 'strategy', 'blueGreen');
}

function stepStatus(o: KubeObject): unknown {
  return field(o, 'status', 'canaryStatus') ?? field(o, 'status', 'blueGreenStatus');
}

// v1beta1 copies the index and state to the top of the status; v1alpha1 only has them in canaryStatus.
function stepIndex(o: KubeObject): number | undefined {
  const v = field(o, 'status', 'currentStepIndex') ?? field(stepStatus(o), 'currentStepIndex');
  return typeof v === 'number' ? v : undefined;
}

function stepCount(o: KubeObject): number | undefined {
  const steps = field(strategy(o), 'steps');
  return Array.isArray(steps) ? steps.length : undefined;
}

function stepText(o: KubeObject): string {
  const i = stepIndex(o);
  const n = stepCount(o);
  if (i === undefined && n === undefined) return '—';
  return `${i ?? '—'}/${n ?? '?'}`;
}

function stepState(o: KubeObject): string {
  return textOr(field(o, 'status', 'currentStepState') ?? field(stepStatus(o), 'currentStepState'));
}

export const rolloutColumns: readonly Column<KubeObject>[] = [
  namespaceColumn,
  nameColumn,
  phaseColumn,
  {
    id: 'step',
    header: 'Step',
    cell: (o) => <span className="tabular-nums">{stepText(o)}</span>,
    text: stepText,
    sortValue: (o) => stepIndex(o) ?? -1,
    className: 'whitespace-nowrap',
  },
  {
    id: 'state',
    header: 'State',
    cell: (o) => <span className={stepState(o) === 'StepPaused' ? 'font-medium text-warn' : ''}>{stepState(o)}</span>,
    text: stepState,
    mono: true,
    className: 'whitespace-nowrap',
  },
  messageColumn,
  ageColumn,
];

function routeTarget(o: KubeObject): string {
  const ref = field(o, 'spec', 'objectRef', 0);
  const svc = textOr(field(ref, 'service'), '');
  const net = field(ref, 'customNetworkRefs');
  const nets = Array.isArray(net) ? net.map((n) => `${textOr(field(n, 'kind'), '?')}/${textOr(field(n, 'name'), '?')}`) : [];
  return [svc && `svc/${svc}`, ...nets].filter(Boolean).join(', ') || '—';
}

export const trafficRoutingColumns: readonly Column<KubeObject>[] = [
  namespaceColumn,
  nameColumn,
  phaseColumn,
  { id: 'routes', header: 'Routes', cell: (o) => <span className="text-muted">{routeTarget(o)}</span>, text: routeTarget, mono: true },
  messageColumn,
  ageColumn,
];
