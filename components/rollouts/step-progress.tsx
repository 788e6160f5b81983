'use client';
import type { RolloutSummary, StepState } from '@/lib/kruise';
import { useMsg } from '../use-msg';
import { stepProgressLabel } from '@/lib/rollouts/browser-text';

const segment: Record<StepState, string> = {
  complete: 'bg-ok',
  current: 'bg-accent',
  pending: 'bg-line-strong',
};

/** `current/total` with one segment per step (complete, current, pending as rolloutSteps says). */
export function StepProgress({ summary, states, text }: { summary: RolloutSummary; states: readonly StepState[]; text: string }) {
  const label = useMsg()(stepProgressLabel(summary));
  const done = states.filter((s) => s === 'complete').length;
  return (
    <span className="inline-flex items-center gap-2">
      <span className="w-9 tabular-nums">{text}</span>
      {states.length ? (
        <span
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={states.length}
          aria-valuenow={summary.currentStepIndex ?? done}
          aria-valuetext={label}
          className="inline-flex h-1.5 w-20 gap-px overflow-hidden rounded-sm"
        >
          {states.map((s, i) => (
            <span key={i} className={`h-full flex-1 ${s === 'current' && summary.paused ? 'bg-warn' : segment[s]}`} />
          ))}
        </span>
      ) : null}
    </span>
  );
}
