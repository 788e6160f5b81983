'use client';
import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { changedLines, type StepView } from '@/lib/playground/routing';
import { useMsg } from '@/components/use-msg';
import { DiffView } from './diff-view';

/** One canary step: the obj the script saw, what it produced (with its diff), lints, and the test verdict. */
export function StepCard({ step, stale }: { step: StepView; stale: boolean }) {
  const t = useTranslations('playground.step');
  const m = useMsg();
  const headingId = useId();
  const changes = changedLines(step.diff);
  return (
    <article aria-labelledby={headingId} className={`rounded-md border bg-surface ${step.test && !step.test.pass ? 'border-danger/60' : 'border-line'} ${stale ? 'border-dashed' : ''}`}>
      <header className="flex flex-wrap items-center gap-2 border-b border-line px-3 py-1.5">
        <h3 id={headingId} className="font-semibold">{t('title', { n: step.index })}</h3>
        {step.test ? (
          <span className={`rounded px-1.5 py-px text-[11px] font-semibold ${step.test.pass ? 'bg-ok-soft text-ok' : 'bg-danger-soft text-danger'}`}>{step.test.pass ? t('pass') : t('fail')}</span>
        ) : null}
        {!step.ran ? <span className="rounded bg-raised px-1.5 py-px text-[11px] text-muted">{t('noLua')}</span> : null}
        {step.error ? <span className="rounded bg-danger-soft px-1.5 py-px text-[11px] font-semibold text-danger">{t('error')}</span> : null}
        {step.producedYaml ? <span className="text-[12px] text-muted">{changes === 0 ? t('noChange') : t('changed', { count: changes })}</span> : null}
      </header>
      <div className="flex flex-col gap-2 px-3 py-2">
        {step.error ? (
          <div role="alert" className="rounded border border-danger/50 bg-danger-soft px-2 py-1 text-[12px]">
            {step.errorLine !== null ? <span className="font-semibold">{t('line', { line: step.errorLine })} </span> : null}
            <span className="font-mono" translate="no">{step.error}</span>
            {step.production ? <div className="mt-0.5 text-muted">{t('controllerLog')} <span className="font-mono" translate="no">{step.production}</span></div> : null}
          </div>
        ) : null}
        <details>
          <summary className="cursor-pointer text-[12px] font-medium text-muted">{t.rich('objSeen', { code: (c) => <code className="font-mono">{c}</code> })}</summary>
          <pre aria-label={t('objLabel', { n: step.index })} className="mt-1 max-h-72 overflow-auto rounded border border-line bg-canvas p-2 font-mono text-[12px]">{JSON.stringify(step.obj, null, 2)}</pre>
        </details>
        {step.producedYaml ? (
          <div>
            <p className="mb-1 text-[12px] font-medium text-muted">{t('produced')}</p>
            <DiffView lines={step.diff} label={t('producedLabel', { n: step.index })} />
          </div>
        ) : null}
        {step.test && !step.test.pass ? (
          <div>
            <p className="mb-1 text-[12px] font-medium text-danger">{t('expected')}</p>
            <DiffView lines={step.test.diff} label={t('expectedLabel', { n: step.index })} />
          </div>
        ) : null}
        {step.lints.length || step.warnings.length ? (
          <ul aria-label={t('lints', { n: step.index })} className="flex flex-col gap-0.5 text-[12px]">
            {step.lints.map((l, i) => (
              <li key={i} className={l.severity === 'error' ? 'text-danger' : 'text-warn'}>
                {t(`severity.${l.severity}`)}: {l.path ? <code className="font-mono">{l.path}</code> : null} {l.msg ? m(l.msg) : l.message}
              </li>
            ))}
            {step.warnings.map((w) => (
              <li key={w} className="text-warn">{t('warning')}: {w}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </article>
  );
}
