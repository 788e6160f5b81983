'use client';
// The server's recomputed plan, per gateway object: the exact diff a Confirm writes (the same diff
// view the playground uses), and the errors and warnings that came with it.
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { DiffView } from '@/components/playground/diff-view';
import { changedLines, lineDiff } from '@/lib/playground/routing';
import { useMsg } from '@/components/use-msg';
import type { Msg } from '@/lib/i18n/message';
import type { GatewayChange, GatewayPlan } from '@/lib/rollouts/action-types';
import type { PlanWarningMsg } from '@/lib/rollouts/plan-warnings';
import { changeKey } from './plan-text';

export function Problems({ errors, errorMsgs, warnings, warningMsgs, label }: { errors: readonly string[]; errorMsgs?: readonly (Msg | null)[]; warnings: readonly string[]; warningMsgs?: readonly PlanWarningMsg[]; label: string }) {
  const t = useTranslations('rollouts.actions');
  const m = useMsg();
  if (!errors.length && !warnings.length) return null;
  // the reader's language where the plan sent a descriptor, else the English as it is
  const text = (w: string, i: number) => {
    const d = warningMsgs?.[i];
    if (!d) return w;
    return d.label ? t('labelled', { label: d.label, message: m(d.msg) }) : m(d.msg);
  };
  return (
    <ul aria-label={label} className="flex flex-col gap-1 text-[12px]">
      {errors.map((e, i) => (
        <li key={`e:${e}`} role="alert" className="rounded border border-danger/50 bg-danger-soft px-2 py-1 font-mono whitespace-pre-wrap">
          {errorMsgs?.[i] ? m(errorMsgs[i]) : e}
        </li>
      ))}
      {warnings.map((w, i) => (
        <li key={`w:${w}`} className="rounded border border-warn/50 bg-warn-soft px-2 py-1">
          {t('warning', { text: text(w, i) })}
        </li>
      ))}
    </ul>
  );
}

function ChangeView({ change }: { change: GatewayChange }) {
  const t = useTranslations('rollouts.actions');
  const m = useMsg();
  const key = changeKey(change);
  const diff = useMemo(() => lineDiff(change.beforeYaml, change.afterYaml), [change.beforeYaml, change.afterYaml]);
  const n = changedLines(diff);
  return (
    <section aria-label={key} className="flex flex-col gap-1.5 rounded border border-line px-3 py-2">
      <header className="flex flex-wrap items-center gap-2">
        <h3 translate="no" className="font-semibold">
          {change.ref.kind} {change.namespace}/{change.ref.name}
        </h3>
        {change.error ? null : change.changed ? (
          <span className="text-[12px] text-muted">{t('changedLines', { count: n })}</span>
        ) : (
          <span className="rounded bg-raised px-1.5 py-px text-[11px] text-muted">{t('noChange')}</span>
        )}
        {change.storesOriginal ? <span className="rounded bg-accent-soft px-1.5 py-px text-[11px]">{t('storesOriginal')}</span> : null}
      </header>
      {change.error ? (
        <p role="alert" className="rounded border border-danger/50 bg-danger-soft px-2 py-1 font-mono text-[12px] whitespace-pre-wrap">
          {change.errorMsg ? m(change.errorMsg) : change.error}
        </p>
      ) : change.changed ? (
        <DiffView lines={diff} label={t('diffOf', { key })} />
      ) : null}
    </section>
  );
}

export function GatewayPlanView({ plan }: { plan: GatewayPlan }) {
  const t = useTranslations('rollouts.actions');
  // a ref's own error shows with its object; the rest (e.g. the Rollout itself) here
  const rest = plan.errors.map((e, i) => ({ e, m: plan.errorMsgs?.[i] ?? null })).filter(({ e }) => !plan.changes.some((c) => c.error === e));
  return (
    <div className="flex flex-col gap-2">
      <Problems errors={rest.map((r) => r.e)} errorMsgs={rest.map((r) => r.m)} warnings={plan.warnings} warningMsgs={plan.warningMsgs} label={t('planProblems')} />
      {plan.changes.map((c) => (
        <ChangeView key={changeKey(c)} change={c} />
      ))}
    </div>
  );
}
