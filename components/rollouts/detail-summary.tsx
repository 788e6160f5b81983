'use client';
import type { ReactNode } from 'react';
import type { RolloutSummary } from '@/lib/kruise';
import { routingKindText, workloadText } from '@/lib/rollouts/browser-text';
import { Age } from '../age';
import type { KubeObject } from '../kube-object';
import { PhasePill } from '../columns/rollout-columns';
import { ApproveButton } from './actions';

const dash = <span className="text-muted">—</span>;
const mono = (v: string | number | null) => (v === null ? dash : <span className="font-mono">{v}</span>);

/** Phase, step and state, revisions, replicas, generations, conditions: what kubectl-kruise shows, and more. */
export function DetailSummary({ rollout, summary: s }: { rollout: KubeObject; summary: RolloutSummary }) {
  const items: [string, ReactNode][] = [
    ['Phase', <PhasePill key="p" phase={s.phase} />],
    ['Current step', s.currentStepIndex === null ? <span className="text-muted">not started ({s.totalSteps} steps)</span> : <span className="tabular-nums">{s.currentStepIndex} of {s.totalSteps}</span>],
    [
      'Step state',
      <span key="s" className="flex flex-wrap items-center gap-2">
        <span className={`font-mono ${s.paused ? 'font-semibold text-warn' : ''}`}>{s.currentStepState ?? '—'}</span>
        <ApproveButton paused={s.paused} />
      </span>,
    ],
    ['Stable revision', mono(s.stableRevision)],
    ['Canary revision', mono(s.canaryRevision)],
    ['Canary replicas ready', s.canaryReplicas === null ? dash : <span className="tabular-nums">{s.canaryReadyReplicas ?? 0} of {s.canaryReplicas}</span>],
    [
      'Generation',
      <span key="g" className={s.generationObserved ? '' : 'text-warn'}>
        observed {s.observedGeneration ?? '—'} of {s.generation ?? '—'}
        {s.generationObserved ? '' : ' — the controller has not acted on the latest spec yet'}
      </span>,
    ],
    ['Workload', mono(workloadText(s))],
    ['Routing', <span key="r">{routingKindText(s.routing)}{s.routing.service ? <> · stable Service <span className="font-mono">{s.routing.service}</span></> : null}{s.routing.canaryService ? <> · canary Service <span className="font-mono">{s.routing.canaryService}</span></> : null}</span>],
    ['Message', s.message ? <span>{s.message}</span> : dash],
    ['Created', <Age key="a" timestamp={rollout.metadata.creationTimestamp} />],
  ];
  return (
    <div className="flex flex-col gap-3 rounded-md border border-line bg-surface px-4 py-3">
      <dl className="grid gap-x-6 gap-y-1.5 md:grid-cols-2">
        {items.map(([k, v]) => (
          <div key={k} role="group" aria-label={k} className="flex min-w-0 gap-3">
            <dt className="w-40 shrink-0 text-muted">{k}</dt>
            <dd className="min-w-0">{v}</dd>
          </div>
        ))}
      </dl>
      {s.conditions.length ? (
        <table aria-label="Conditions" className="w-full border-collapse text-left text-[12px]">
          <thead>
            <tr className="border-b border-line text-[11px] uppercase tracking-wide text-muted">
              <th scope="col" className="py-1 pr-3 font-semibold">Condition</th>
              <th scope="col" className="py-1 pr-3 font-semibold">Status</th>
              <th scope="col" className="py-1 pr-3 font-semibold">Reason</th>
              <th scope="col" className="py-1 pr-3 font-semibold">Message</th>
              <th scope="col" className="py-1 font-semibold">Since</th>
            </tr>
          </thead>
          <tbody>
            {s.conditions.map((c) => (
              <tr key={c.type} className="border-b border-line last:border-b-0">
                <td className="py-1 pr-3 font-medium">{c.type}</td>
                <td className="py-1 pr-3 font-mono">{c.status}</td>
                <td className="py-1 pr-3 font-mono">{c.reason || '—'}</td>
                <td className="py-1 pr-3 text-muted">{c.message || '—'}</td>
                <td className="py-1 text-muted">{c.lastTransitionTime ? <Age timestamp={c.lastTransitionTime} /> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-[12px] text-muted">No conditions reported yet.</p>
      )}
    </div>
  );
}
