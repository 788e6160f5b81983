import Link from 'next/link';
import { rolloutSteps, rolloutSummary, stepProgressText, type RolloutSummary, type StepState } from '@/lib/kruise';
import { rolloutHref, routingKindText, workloadText } from '@/lib/rollouts/browser-text';
import { field, type KubeObject } from '../kube-object';
import type { Column } from '../resource-table';
import { StepProgress } from '../rollouts/step-progress';
import { StatusPill, type Tone } from '../status-pill';
import { ageColumn, ColumnTitle, namespaceColumn, textOr } from './common';

// Every column reads the same summary; computing it once per object keeps a live list cheap (the
// watch reducer hands out a new object only when that object changed).
const summaries = new WeakMap<object, RolloutSummary>();
export function summaryOf(o: KubeObject): RolloutSummary {
  let s = summaries.get(o);
  if (!s) {
    s = rolloutSummary(o);
    summaries.set(o, s);
  }
  return s;
}

const stepStates = new WeakMap<object, StepState[]>();
function statesOf(o: KubeObject): StepState[] {
  let s = stepStates.get(o);
  if (!s) {
    s = rolloutSteps(o).map((x) => x.state);
    stepStates.set(o, s);
  }
  return s;
}

const phaseTone: Record<string, Tone> = {
  Healthy: 'ok',
  Progressing: 'accent',
  Initial: 'neutral',
  Finalizing: 'warn',
  Terminating: 'warn',
  Disabled: 'neutral',
  Disabling: 'warn',
};

export function PhasePill({ phase }: { phase: string | null }) {
  return phase ? <StatusPill tone={phaseTone[phase] ?? 'neutral'}>{phase}</StatusPill> : <span className="text-muted">—</span>;
}

export const phaseColumn: Column<KubeObject> = {
  id: 'phase',
  header: <ColumnTitle k="phase" />,
  cell: (o) => <PhasePill phase={textOr(field(o, 'status', 'phase'), '') || null} />,
  text: (o) => textOr(field(o, 'status', 'phase'), ''),
};

export const messageColumn: Column<KubeObject> = {
  id: 'message',
  header: <ColumnTitle k="message" />,
  cell: (o) => <span className="text-muted">{textOr(field(o, 'status', 'message'))}</span>,
  text: (o) => textOr(field(o, 'status', 'message'), ''),
  className: 'min-w-64',
};

/** The name links to the detail page too (open in a new tab); the row itself opens it on click or Enter. */
const rolloutNameColumn: Column<KubeObject> = {
  id: 'name',
  header: <ColumnTitle k="name" />,
  cell: (o) => (
    <Link href={rolloutHref(o.metadata.namespace ?? '', o.metadata.name)} tabIndex={-1} className="font-medium hover:underline" onClick={(e) => e.stopPropagation()}>
      {o.metadata.name}
    </Link>
  ),
  text: (o) => o.metadata.name,
  mono: true,
  className: 'whitespace-nowrap',
};

const stateText = (o: KubeObject) => summaryOf(o).currentStepState ?? '—';

export const rolloutColumns: readonly Column<KubeObject>[] = [
  namespaceColumn,
  rolloutNameColumn,
  { ...phaseColumn, cell: (o) => <PhasePill phase={summaryOf(o).phase} />, text: (o) => summaryOf(o).phase ?? '' },
  {
    id: 'step',
    header: <ColumnTitle k="step" />,
    cell: (o) => <StepProgress summary={summaryOf(o)} states={statesOf(o)} text={stepProgressText(o)} />,
    text: (o) => stepProgressText(o),
    sortValue: (o) => summaryOf(o).currentStepIndex ?? -1,
    className: 'whitespace-nowrap',
  },
  {
    id: 'state',
    header: <ColumnTitle k="state" />,
    cell: (o) => <span className={summaryOf(o).paused ? 'font-medium text-warn' : ''}>{stateText(o)}</span>,
    text: stateText,
    mono: true,
    className: 'whitespace-nowrap',
  },
  {
    id: 'workload',
    header: <ColumnTitle k="workload" />,
    cell: (o) => <span className="text-muted">{workloadText(summaryOf(o))}</span>,
    text: (o) => workloadText(summaryOf(o)),
    mono: true,
    className: 'whitespace-nowrap',
  },
  {
    id: 'routing',
    header: <ColumnTitle k="routing" />,
    cell: (o) => <span>{routingKindText(summaryOf(o).routing)}</span>,
    text: (o) => routingKindText(summaryOf(o).routing),
    className: 'whitespace-nowrap',
  },
  // no minimum width from lg up: the message wraps, so Age stays in view on a laptop screen; below lg the
  // table scrolls in its region anyway, and a floor keeps a long message from making a row very tall
  { ...messageColumn, cell: (o) => <span className="text-muted">{summaryOf(o).message ?? '—'}</span>, text: (o) => summaryOf(o).message ?? '', className: 'min-w-56 lg:min-w-0' },
  ageColumn,
];

function routeTarget(o: KubeObject): string {
  const ref = field(o, 'spec', 'objectRef', 0);
  const svc = textOr(field(ref, 'service'), '');
  const net = field(ref, 'customNetworkRefs');
  const nets = Array.isArray(net) ? net.map((n) => `${textOr(field(n, 'kind'), '?')}/${textOr(field(n, 'name'), '?')}`) : [];
  return [svc && `svc/${svc}`, ...nets].filter(Boolean).join(', ') || '—';
}

const trafficNameColumn: Column<KubeObject> = {
  id: 'name',
  header: <ColumnTitle k="name" />,
  cell: (o) => <span className="font-medium">{o.metadata.name}</span>,
  text: (o) => o.metadata.name,
  mono: true,
  className: 'whitespace-nowrap',
};

export const trafficRoutingColumns: readonly Column<KubeObject>[] = [
  namespaceColumn,
  trafficNameColumn,
  phaseColumn,
  { id: 'routes', header: <ColumnTitle k="routes" />, cell: (o) => <span className="text-muted">{routeTarget(o)}</span>, text: routeTarget, mono: true },
  messageColumn,
  ageColumn,
];
