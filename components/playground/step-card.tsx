'use client';
import { useId } from 'react';
import { changedLines, type StepView } from '@/lib/playground/routing';
import { DiffView } from './diff-view';

/** One canary step: the obj the script saw, what it produced (with its diff), lints, and the test verdict. */
export function StepCard({ step, stale }: { step: StepView; stale: boolean }) {
  const headingId = useId();
  const changes = changedLines(step.diff);
  return (
    <article aria-labelledby={headingId} className={`rounded-md border bg-surface ${step.test && !step.test.pass ? 'border-danger/60' : 'border-line'} ${stale ? 'opacity-60' : ''}`}>
      <header className="flex flex-wrap items-center gap-2 border-b border-line px-3 py-1.5">
        <h3 id={headingId} className="font-semibold">Step {step.index}</h3>
        {step.test ? (
          <span className={`rounded px-1.5 py-px text-[11px] font-semibold ${step.test.pass ? 'bg-ok-soft text-ok' : 'bg-danger-soft text-danger'}`}>{step.test.pass ? 'pass' : 'fail'}</span>
        ) : null}
        {!step.ran ? <span className="rounded bg-raised px-1.5 py-px text-[11px] text-muted">no Lua: replicas-only step, the original is restored</span> : null}
        {step.error ? <span className="rounded bg-danger-soft px-1.5 py-px text-[11px] font-semibold text-danger">error</span> : null}
        {step.producedYaml ? <span className="text-[12px] text-muted">{changes === 0 ? 'no change against the original' : `${changes} changed ${changes === 1 ? 'line' : 'lines'} against the original`}</span> : null}
      </header>
      <div className="flex flex-col gap-2 px-3 py-2">
        {step.error ? (
          <div role="alert" className="rounded border border-danger/50 bg-danger-soft px-2 py-1 text-[12px]">
            {step.errorLine !== null ? <span className="font-semibold">line {step.errorLine}: </span> : null}
            <span className="font-mono">{step.error}</span>
            {step.production ? <div className="mt-0.5 text-muted">The controller would log: <span className="font-mono">{step.production}</span></div> : null}
          </div>
        ) : null}
        <details>
          <summary className="cursor-pointer text-[12px] font-medium text-muted">obj the script sees</summary>
          <pre aria-label={`Step ${step.index} obj`} className="mt-1 max-h-72 overflow-auto rounded border border-line bg-canvas p-2 font-mono text-[12px]">{JSON.stringify(step.obj, null, 2)}</pre>
        </details>
        {step.producedYaml ? (
          <div>
            <p className="mb-1 text-[12px] font-medium text-muted">Produced object (YAML, diff against the original)</p>
            <DiffView lines={step.diff} label={`Step ${step.index} produced object`} />
          </div>
        ) : null}
        {step.test && !step.test.pass ? (
          <div>
            <p className="mb-1 text-[12px] font-medium text-danger">Expected (-) vs actual (+)</p>
            <DiffView lines={step.test.diff} label={`Step ${step.index} expected vs actual`} />
          </div>
        ) : null}
        {step.lints.length || step.warnings.length ? (
          <ul aria-label={`Step ${step.index} lints`} className="flex flex-col gap-0.5 text-[12px]">
            {step.lints.map((l, i) => (
              <li key={i} className={l.severity === 'error' ? 'text-danger' : 'text-warn'}>
                {l.severity}: {l.path ? <code className="font-mono">{l.path}</code> : null} {l.message}
              </li>
            ))}
            {step.warnings.map((w) => (
              <li key={w} className="text-warn">warning: {w}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </article>
  );
}
