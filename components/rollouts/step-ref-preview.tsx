'use client';
import type { RefPreview, StepPreview } from '@/lib/rollouts/browser-preview';
import { DiffView } from '../playground/diff-view';
import type { RefRunState } from './detail-probes';
import type { RefLoad } from './use-rollout-detail';

/**
 * One gateway object at one step: the obj Kruise passes, the object it would write (YAML, as a diff
 * against the original), its diff against the live object, the script error or "no Lua", and lints.
 */
export function StepRefPreview({ stepIndex, preview, step, load, run, label, open }: {
  stepIndex: number;
  /** unfolded at first (the current step); the reader unfolds the others */
  open: boolean;
  preview: RefPreview;
  step: StepPreview | null;
  load: RefLoad;
  run: RefRunState | null;
  label: string;
}) {
  const name = `Step ${stepIndex} ${label}`;
  let body: React.ReactNode;
  if (load.state === 'loading') body = <p className="text-muted">Loading {label}…</p>;
  else if (load.state === 'unreadable') body = <p className="text-warn">{load.reason}</p>;
  else if (preview.error) body = <p className="text-[12px] text-danger">Not routed: the controller stops before Lua (see Gateway objects).</p>;
  else if (!step) body = <p className="text-muted">{run?.error ? `The preview failed: ${run.error.message}` : 'Running the script…'}</p>;
  else {
    body = (
      <>
        {step.noLua ? (
          <p className="text-[12px]"><span className="rounded bg-raised px-1.5 py-px font-semibold text-muted">no Lua at this step</span> replicas only: the controller restores the original from the annotation.</p>
        ) : null}
        {step.error ? (
          <div role="alert" className="rounded border border-danger/50 bg-danger-soft px-2 py-1 text-[12px]">
            {step.errorLine !== null ? <span className="font-semibold">line {step.errorLine}: </span> : null}
            <span className="font-mono break-all">{step.error}</span>
          </div>
        ) : null}
        {step.obj !== null ? (
          <details>
            <summary className="cursor-pointer text-[12px] font-medium text-muted">obj Kruise passes to the script</summary>
            <pre aria-label={`${name} obj`} className="mt-1 max-h-72 overflow-auto rounded border border-line bg-canvas p-2 font-mono text-[12px]">{JSON.stringify(step.obj, null, 2)}</pre>
          </details>
        ) : null}
        {step.producedYaml !== null ? (
          <>
            <p className="text-[12px] font-medium text-muted">
              {step.noLua ? 'Object after the restore' : 'Produced object'} (YAML, diff against the original: {step.changedVsOriginal === 0 ? 'no change' : `${step.changedVsOriginal} changed line${step.changedVsOriginal === 1 ? '' : 's'}`})
            </p>
            <DiffView lines={step.diffOriginal} label={`${name} produced object`} />
            <details>
              <summary className="cursor-pointer text-[12px] font-medium text-muted">
                Diff against the live object ({step.changedVsLive === 0 ? 'the live object is this step' : `${step.changedVsLive} changed line${step.changedVsLive === 1 ? '' : 's'}`})
              </summary>
              <DiffView lines={step.diffLive} label={`${name} against the live object`} />
            </details>
          </>
        ) : null}
        {step.lints.length ? (
          <ul aria-label={`${name} lints`} className="flex flex-col gap-0.5 text-[12px]">
            {step.lints.map((l, i) => (
              <li key={i} className={l.severity === 'error' ? 'text-danger' : 'text-warn'}>
                {l.severity}: {l.path ? <code className="font-mono">{l.path}</code> : null} {l.message}
              </li>
            ))}
          </ul>
        ) : null}
      </>
    );
  }
  const gist = !step
    ? null
    : step.error
      ? <span className="font-semibold text-danger">error{step.errorLine !== null ? ` on line ${step.errorLine}` : ''}</span>
      : step.noLua
        ? <span className="text-muted">no Lua: the original is restored</span>
        : <span className="text-muted">{step.changedVsOriginal === 0 ? 'no change against the original' : `${step.changedVsOriginal} changed line${step.changedVsOriginal === 1 ? '' : 's'} against the original`}{step.changedVsLive === 0 ? ' · the live object is this step' : ''}</span>;
  return (
    <section aria-label={name} className={`rounded border border-line px-2 py-1.5 ${run?.stale || run?.running ? 'opacity-70' : ''}`}>
      <details open={open} className="group">
        <summary className="flex cursor-pointer flex-wrap items-center gap-2 text-[12px]">
          <h4 className="font-mono font-semibold">{label}</h4>
          {gist}
          {step && step.lints.length ? <span className="text-warn">{step.lints.length} lint{step.lints.length === 1 ? '' : 's'}</span> : null}
        </summary>
        <div className="mt-1.5 flex flex-col gap-1.5">{body}</div>
      </details>
    </section>
  );
}
