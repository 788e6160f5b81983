'use client';
import { useTranslations } from 'next-intl';
import type { RefPreview, StepPreview } from '@/lib/rollouts/browser-preview';
import { useMsg } from '@/components/use-msg';
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
  const t = useTranslations('rollouts.preview');
  const m = useMsg();
  const name = t('cardLabel', { index: stepIndex, label });
  let body: React.ReactNode;
  if (load.state === 'loading') body = <p className="text-muted">{t('loading', { label })}</p>;
  else if (load.state === 'unreadable') body = <p className="text-warn">{load.reason}</p>;
  else if (preview.error) body = <p className="text-[12px] text-danger">{t('notRouted')}</p>;
  else if (!step) body = <p className="text-muted">{run?.error ? t('failed', { message: run.error.message }) : t('running')}</p>;
  else {
    body = (
      <>
        {step.noLua ? (
          <p className="text-[12px]"><span className="rounded bg-raised px-1.5 py-px font-semibold text-muted">{t('noLuaBadge')}</span>{t('noLuaText')}</p>
        ) : null}
        {step.error ? (
          <div role="alert" className="rounded border border-danger/50 bg-danger-soft px-2 py-1 text-[12px]">
            {step.errorLine !== null ? <span className="font-semibold">{t('line', { line: step.errorLine })}</span> : null}
            <samp translate="no" className="font-mono break-all">{step.error}</samp>
          </div>
        ) : null}
        {step.obj !== null ? (
          <details>
            <summary className="cursor-pointer text-[12px] font-medium text-muted">{t.rich('objSummary', { code: (c) => <code className="font-mono">{c}</code> })}</summary>
            <pre role="region" tabIndex={0} aria-label={t('objLabel', { name })} className="mt-1 max-h-72 overflow-auto rounded border border-line bg-canvas p-2 font-mono text-[12px]">{JSON.stringify(step.obj, null, 2)}</pre>
          </details>
        ) : null}
        {step.producedYaml !== null ? (
          <>
            <p className="text-[12px] font-medium text-muted">
              {t(step.noLua ? 'producedRestored' : 'produced', { count: step.changedVsOriginal })}
            </p>
            <DiffView lines={step.diffOriginal} label={t('producedLabel', { name })} />
            <details>
              <summary className="cursor-pointer text-[12px] font-medium text-muted">
                {t('liveDiff', { count: step.changedVsLive })}
              </summary>
              <DiffView lines={step.diffLive} label={t('liveDiffLabel', { name })} />
            </details>
          </>
        ) : null}
        {step.lints.length ? (
          <ul aria-label={t('lintsLabel', { name })} className="flex flex-col gap-0.5 text-[12px]">
            {step.lints.map((l, i) => (
              <li key={i} className={l.severity === 'error' ? 'text-danger' : 'text-warn'}>
                {l.severity === 'error' ? '✗' : '⚠'} {t(l.severity === 'error' ? 'severity.error' : 'severity.warning')}: {l.path ? <code className="font-mono">{l.path}</code> : null} {l.msg ? m(l.msg) : l.message}
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
      ? <span className="font-semibold text-danger">✗ {step.errorLine !== null ? t('gistErrorLine', { line: step.errorLine }) : t('gistError')}</span>
      : step.noLua
        ? <span className="text-muted">{t('gistNoLua')}</span>
        : <span className="text-muted">{t('gistChanged', { count: step.changedVsOriginal })}{step.changedVsLive === 0 ? t('gistLive') : ''}</span>;
  // A stale or running preview is dashed, not dimmed: opacity would take muted text below AA contrast.
  return (
    <section aria-label={name} className={`min-w-0 rounded border px-2 py-1.5 ${run?.stale || run?.running ? 'border-dashed border-line-strong' : 'border-line'}`}>
      <details open={open} className="group">
        <summary className="flex cursor-pointer flex-wrap items-center gap-2 text-[12px]">
          <h4 translate="no" className="font-mono font-semibold">{label}</h4>
          {gist}
          {step && step.lints.length ? <span className="text-warn">{t('lintCount', { count: step.lints.length })}</span> : null}
        </summary>
        <div className="mt-1.5 flex flex-col gap-1.5">{body}</div>
      </details>
    </section>
  );
}
