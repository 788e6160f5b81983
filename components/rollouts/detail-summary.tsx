'use client';
import { useTranslations } from 'next-intl';
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
  const t = useTranslations('rollouts.summary');
  const mono2 = (c: ReactNode) => <span className="font-mono">{c}</span>;
  const items: [string, ReactNode][] = [
    [t('phase'), <PhasePill key="p" phase={s.phase} />],
    [t('currentStep'), s.currentStepIndex === null ? <span className="text-muted">{t('notStarted', { count: s.totalSteps })}</span> : <span className="tabular-nums">{t('stepOf', { current: s.currentStepIndex, total: s.totalSteps })}</span>],
    [
      t('stepState'),
      <span key="s" className="flex flex-wrap items-center gap-2">
        <span translate="no" className={`font-mono ${s.paused ? 'font-semibold text-warn' : ''}`}>{s.paused ? <span aria-hidden="true">⏸ </span> : null}{s.currentStepState ?? '—'}</span>
        <ApproveButton paused={s.paused} />
      </span>,
    ],
    [t('stableRevision'), mono(s.stableRevision)],
    [t('canaryRevision'), mono(s.canaryRevision)],
    [t('canaryReady'), s.canaryReplicas === null ? dash : <span className="tabular-nums">{t('readyOf', { ready: s.canaryReadyReplicas ?? 0, total: s.canaryReplicas })}</span>],
    [
      t('generation'),
      <span key="g" className={s.generationObserved ? '' : 'text-warn'}>
        {t('observedOf', { observed: s.observedGeneration ?? '—', generation: s.generation ?? '—' })}
        {s.generationObserved ? '' : t('notObserved')}
      </span>,
    ],
    [t('workload'), mono(workloadText(s))],
    [t('routing'), <span key="r">{routingKindText(s.routing)}{s.routing.service ? t.rich('stableService', { service: s.routing.service, name: mono2 }) : null}{s.routing.canaryService ? t.rich('canaryService', { service: s.routing.canaryService, name: mono2 }) : null}</span>],
    [t('message'), s.message ? <span>{s.message}</span> : dash],
    [t('created'), <Age key="a" timestamp={rollout.metadata.creationTimestamp} />],
  ];
  return (
    <div className="flex flex-col gap-3 rounded-md border border-line bg-surface px-4 py-3">
      {/* a named group around a plain one-item <dl>: a role on the <dl> itself, or on a <div> inside
          it, leaves its <dt>/<dd> without a list (axe: dlitem, definition-list) */}
      <div className="grid gap-x-6 gap-y-1.5 md:grid-cols-2">
        {items.map(([k, v]) => (
          <div key={k} role="group" aria-label={k} className="min-w-0">
            <dl className="flex min-w-0 gap-3">
              <dt className="w-40 shrink-0 text-muted">{k}</dt>
              <dd className="min-w-0">{v}</dd>
            </dl>
          </div>
        ))}
      </div>
      {s.conditions.length ? (
        <table aria-label={t('conditions')} className="w-full border-collapse text-left text-[12px]">
          <thead>
            <tr className="border-b border-line text-[11px] uppercase tracking-wide text-muted">
              <th scope="col" className="py-1 pr-3 font-semibold">{t('condition')}</th>
              <th scope="col" className="py-1 pr-3 font-semibold">{t('status')}</th>
              <th scope="col" className="py-1 pr-3 font-semibold">{t('reason')}</th>
              <th scope="col" className="py-1 pr-3 font-semibold">{t('message')}</th>
              <th scope="col" className="py-1 font-semibold">{t('since')}</th>
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
        <p className="text-[12px] text-muted">{t('noConditions')}</p>
      )}
    </div>
  );
}
