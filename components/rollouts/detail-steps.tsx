'use client';
import { matchText, type RolloutStepView, type RolloutSummary } from '@/lib/kruise';
import type { RefPreview, StepPreview } from '@/lib/rollouts/browser-preview';
import { headerModifierLines, pauseText, refText, stepStateText } from '@/lib/rollouts/browser-text';
import { ApplyStepButton } from './actions';
import type { RefRunState } from './detail-probes';
import { StepRefPreview } from './step-ref-preview';
import type { RefLoad } from './use-rollout-detail';

const stateBadge: Record<RolloutStepView['state'], string> = {
  complete: 'bg-ok-soft text-ok',
  current: 'bg-accent-soft text-accent',
  pending: 'bg-raised text-muted',
};

function Param({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex gap-2">
      <dt className="w-28 shrink-0 text-muted">{label}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}

function Matches({ step }: { step: RolloutStepView }) {
  if (!step.matches.length) return <span className="text-muted">none</span>;
  return (
    <ol aria-label={`Step ${step.index} matches`} className="flex flex-col gap-0.5">
      {step.matches.map((m, i) => (
        <li key={i} className="font-mono text-[12px]">
          {i > 0 ? <span className="mr-1 font-sans font-semibold text-muted">OR</span> : null}
          {matchText(m)}
        </li>
      ))}
    </ol>
  );
}

/** One card per step, headed "Step N", in the Argo Rollouts style, with each gateway object's preview inside. */
export function StepPipeline({ steps, summary, previews, loads, runs, edited }: {
  steps: readonly RolloutStepView[];
  summary: RolloutSummary;
  previews: readonly RefPreview[];
  loads: Record<string, RefLoad>;
  runs: Record<string, { actual?: RefRunState; edited?: RefRunState }>;
  edited: ReadonlySet<string>;
}) {
  if (!steps.length) {
    return <p className="rounded-md border border-dashed border-line-strong bg-surface px-4 py-6 text-center text-muted">This Rollout has no steps: nothing to roll out or preview (see the problems above).</p>;
  }
  // the current step's previews are unfolded; before a release starts, the first step's
  const openStep = steps.find((s) => s.state === 'current')?.index ?? (steps.every((s) => s.state === 'complete') ? null : 1);
  return (
    <div className="flex flex-col gap-3">
    <ol aria-label="Step pipeline" className="flex flex-wrap items-center gap-1">
      {steps.map((step) => (
        <li key={step.index} className="flex items-center gap-1">
          {step.index > 1 ? <span aria-hidden="true" className="text-muted">→</span> : null}
          <a href={`#rollout-step-${step.index}`} className={`rounded px-2 py-0.5 text-[12px] font-medium ${stateBadge[step.state]} ${step.state === 'current' && summary.paused ? 'ring-1 ring-warn' : ''}`}>
            {step.index}: {step.traffic ?? (step.matches.length ? 'matches' : step.runsLua ? 'route' : 'replicas')}
            {step.pause ? <span aria-hidden="true">{step.pause.kind === 'manual' ? ' ⏸' : ' ⏱'}</span> : null}
            <span className="sr-only"> ({stepStateText(step.state)}{step.pause ? `, pause: ${pauseText(step.pause)}` : ''})</span>
          </a>
        </li>
      ))}
    </ol>
    <ol className="flex flex-col gap-3">
      {steps.map((step) => {
        const headingId = `rollout-step-${step.index}`;
        const modifier = headerModifierLines(step.requestHeaderModifier);
        const current = step.state === 'current';
        return (
          <li key={step.index} aria-current={current ? 'step' : undefined}>
            <article aria-labelledby={headingId} className={`rounded-md border bg-surface ${current ? 'border-accent' : 'border-line'}`}>
              <header className="flex flex-wrap items-center gap-2 border-b border-line px-3 py-1.5">
                <h3 id={headingId} className="font-semibold">Step {step.index}</h3>
                <span className={`rounded px-1.5 py-px text-[11px] font-semibold ${stateBadge[step.state]}`}>{stepStateText(step.state)}</span>
                {current && summary.currentStepState ? <span className={`font-mono text-[12px] ${summary.paused ? 'font-semibold text-warn' : ''}`}>{summary.currentStepState}</span> : null}
                <div className="ml-auto">
                  <ApplyStepButton step={step.index} />
                </div>
              </header>
              <div className="flex flex-col gap-2 px-3 py-2">
                <dl className="flex flex-col gap-0.5">
                  <Param label="Traffic">{step.traffic ?? <span className="text-muted">{step.matches.length ? 'none (matches only)' : 'none'}</span>}</Param>
                  <Param label="Replicas">{step.replicas ?? <span className="text-muted">—</span>}</Param>
                  <Param label="Pause">{pauseText(step.pause)}</Param>
                  <Param label="Matches"><Matches step={step} /></Param>
                  {modifier.length ? (
                    <Param label="Request headers">
                      <ul className="font-mono text-[12px]">{modifier.map((l) => <li key={l}>{l}</li>)}</ul>
                    </Param>
                  ) : null}
                </dl>
                {previews.map((p) => (
                  <StepRefPreview
                    key={p.key}
                    stepIndex={step.index}
                    preview={p}
                    step={p.steps.find((s: StepPreview) => s.step === step.index) ?? null}
                    load={loads[p.key] ?? { state: 'loading' }}
                    run={(edited.has(p.script.key) ? runs[p.key]?.edited : runs[p.key]?.actual) ?? null}
                    label={refText(p.ref)}
                    open={step.index === openStep}
                  />
                ))}
              </div>
            </article>
          </li>
        );
      })}
    </ol>
    </div>
  );
}
