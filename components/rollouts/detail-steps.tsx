'use client';
import { useTranslations } from 'next-intl';
import { matchText, type RolloutStepView, type RolloutSummary } from '@/lib/kruise';
import type { RefPreview, StepPreview } from '@/lib/rollouts/browser-preview';
import { headerModifierLines, pauseText, refText, stepStateText } from '@/lib/rollouts/browser-text';
import { useMsg } from '../use-msg';
import { ApplyStepButton } from './actions';
import type { RefRunState } from './detail-probes';
import { StepRefPreview } from './step-ref-preview';
import type { RefLoad } from './use-rollout-detail';

// the state is also said in words (and an icon), never by the colour alone
const stateIcon: Record<RolloutStepView['state'], string> = { complete: '✓', current: '▶', pending: '○' };

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
  const t = useTranslations('rollouts.steps');
  if (!step.matches.length) return <span className="text-muted">{t('none')}</span>;
  return (
    <ol aria-label={t('matchesLabel', { index: step.index })} className="flex flex-col gap-0.5">
      {step.matches.map((m, i) => (
        <li key={i} translate="no" className="font-mono text-[12px]">
          {i > 0 ? <span className="mr-1 font-sans font-semibold text-muted">{t('or')}</span> : null}
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
  const t = useTranslations('rollouts.steps');
  const text = useMsg();
  if (!steps.length) {
    return <p className="rounded-md border border-dashed border-line-strong bg-surface px-4 py-6 text-center text-muted">{t('noSteps')}</p>;
  }
  // the current step's previews are unfolded; before a release starts, the first step's
  const openStep = steps.find((s) => s.state === 'current')?.index ?? (steps.every((s) => s.state === 'complete') ? null : 1);
  return (
    <div className="flex min-w-0 flex-col gap-3">
    <ol aria-label={t('pipeline')} className="flex flex-wrap items-center gap-1">
      {steps.map((step) => (
        <li key={step.index} className="flex items-center gap-1">
          {step.index > 1 ? <span aria-hidden="true" className="text-muted">→</span> : null}
          <a href={`#rollout-step-${step.index}`} className={`rounded px-2 py-0.5 text-[12px] font-medium ${stateBadge[step.state]} ${step.state === 'current' && summary.paused ? 'ring-1 ring-warn' : ''}`}>
            <span aria-hidden="true">{stateIcon[step.state]} </span>
            {step.index}: {step.traffic ?? (step.matches.length ? t('chipMatches') : step.runsLua ? t('chipRoute') : t('chipReplicas'))}
            {step.pause ? <span className="font-normal"> · {step.pause.kind === 'manual' ? t('chipApprove') : text(pauseText(step.pause))}</span> : null}
            <span className="sr-only"> ({text(stepStateText(step.state))})</span>
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
          <li key={step.index} aria-current={current ? 'step' : undefined} className="min-w-0">
            <article aria-labelledby={headingId} className={`min-w-0 rounded-md border bg-surface ${current ? 'border-accent' : 'border-line'}`}>
              <header className="flex flex-wrap items-center gap-2 border-b border-line px-3 py-1.5">
                <h3 id={headingId} className="font-semibold">{t('heading', { index: step.index })}</h3>
                <span className={`rounded px-1.5 py-px text-[11px] font-semibold ${stateBadge[step.state]}`}><span aria-hidden="true">{stateIcon[step.state]} </span>{text(stepStateText(step.state))}</span>
                {current && summary.currentStepState ? <span translate="no" className={`font-mono text-[12px] ${summary.paused ? 'font-semibold text-warn' : ''}`}>{summary.currentStepState}</span> : null}
                <div className="ml-auto">
                  <ApplyStepButton step={step.index} />
                </div>
              </header>
              <div className="flex min-w-0 flex-col gap-2 px-3 py-2">
                <dl className="flex flex-col gap-0.5">
                  <Param label={t('traffic')}>{step.traffic ?? <span className="text-muted">{step.matches.length ? t('noneMatchesOnly') : t('none')}</span>}</Param>
                  <Param label={t('replicas')}>{step.replicas ?? <span className="text-muted">—</span>}</Param>
                  <Param label={t('pause')}>{text(pauseText(step.pause))}</Param>
                  <Param label={t('matches')}><Matches step={step} /></Param>
                  {modifier.length ? (
                    <Param label={t('requestHeaders')}>
                      <ul translate="no" className="font-mono text-[12px]">{modifier.map((l) => <li key={l}>{l}</li>)}</ul>
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
