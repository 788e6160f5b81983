'use client';
// "Save script": the routing script goes to Kruise's ConfigMap under lua.traffic.routing.<Kind>.<group>.
// The text is taken when the dialog opens and is never changed here, so a refused save loses nothing.
import { useTranslations } from 'next-intl';
import { useCallback, useMemo, useState } from 'react';
import { msg, type Msg } from '@/lib/i18n/message';
import { useMsg } from '../../use-msg';
import { planSaveScript, saveScript } from '@/app/rollouts/actions';
import { DiffView } from '@/components/playground/diff-view';
import { lineDiff } from '@/lib/playground/routing';
import type { SaveScriptPlan, SaveScriptResult, ScriptRef } from '@/lib/rollouts/action-types';
import { usePlannedAction } from '@/lib/rollouts/use-planned-action';
import { ActionDialog, DialogFooter, SecondaryButton } from './action-dialog';
import { ActionTrigger } from './action-trigger';
import { isConflict, writeFollowUp } from './plan-text';
import { ActionStatus, permissionFor, useAnnouncer, useOptionalRolloutActions } from './provider';

type Ref = ScriptRef;

export const scriptKindName = (ref: Ref) => `${ref.kind}.${ref.apiVersion.split('/')[0]}`;

/** The save's warnings in the reader's language, the English as it is where none was sent. */
function useSaveWarnings(): (r: SaveScriptResult) => string[] {
  const t = useTranslations('rollouts.saveWarning');
  const text = useMsg();
  return (r) =>
    r.warnings.map((w, i) => {
      const d = r.warningMsgs?.[i];
      if (!d) return w;
      return d.line !== undefined ? t('line', { line: String(d.line), message: text(d.msg) }) : text(d.msg);
    });
}

function SaveBody({ scriptRef, source, nonce, onDone, onCancel }: { scriptRef: Ref; source: string; nonce: number; onDone: (message: Msg, warnings: readonly string[]) => void; onCancel: () => void }) {
  const warningsOf = useSaveWarnings();
  const action = usePlannedAction<SaveScriptPlan, SaveScriptResult>({
    key: ['save-script', scriptRef.apiVersion, scriptRef.kind, nonce],
    enabled: true,
    plan: () => planSaveScript({ apiVersion: scriptRef.apiVersion, kind: scriptRef.kind, source }),
    write: (p) => saveScript({ apiVersion: scriptRef.apiVersion, kind: scriptRef.kind, source, expectedResourceVersion: p.configMap.resourceVersion }),
    onWritten: (r, p) => onDone(msg('rollouts.actions.saved', { key: p.key, configMap: `${p.configMap.namespace}/${p.configMap.name}` }), warningsOf(r)),
  });
  const t = useTranslations('rollouts.actions');
  const text = useMsg();
  const p = action.plan;
  const plan = p.state === 'ready' ? p.plan : null;
  const diff = useMemo(() => (plan ? lineDiff(plan.before ?? '', plan.after) : []), [plan]);
  const lintErrors = plan ? plan.lint.filter((l) => l.severity === 'error') : [];
  const unchanged = plan !== null && plan.before === plan.after;
  return (
    <>
      {p.state === 'planning' ? <p className="text-muted">{t('saveChecking')}</p> : null}
      {p.state === 'error' ? (
        <p role="alert" className="rounded border border-danger/50 bg-danger-soft px-2 py-1 text-[13px] whitespace-pre-wrap">
          {p.messages ? p.messages.map(text).join(' ') : p.error}
        </p>
      ) : null}
      {plan ? (
        <div className="flex flex-col gap-2 text-[13px]">
          <p>
            {t.rich('saveTarget', { key: plan.key, configMap: `${plan.configMap.namespace}/${plan.configMap.name}`, code: (c) => <code className="font-mono">{c}</code> })}
            {plan.configMap.exists ? (plan.before === null ? t('saveNewKey') : t('saveReplaceKey')) : t('saveCreates')}
          </p>
          {plan.shadowedByBuiltin ? (
            <p role="alert" className="rounded border border-warn/60 bg-warn-soft px-2 py-1">
              {t('shadowWarning', { script: scriptKindName(scriptRef) })}
            </p>
          ) : null}
          {plan.lint.length ? (
            <ul aria-label={t('scriptProblems')} className="flex flex-col gap-0.5 text-[12px]">
              {plan.lint.map((l, i) => (
                <li key={i} className={l.severity === 'error' ? 'text-danger' : 'text-warn'}>
                  {t('lintLine', { severity: t(l.severity === 'error' ? 'severityError' : 'severityWarning'), line: l.line, message: l.msg ? text(l.msg) : l.message })}
                </li>
              ))}
            </ul>
          ) : null}
          {unchanged ? <p className="text-muted">{t('alreadyHolds')}</p> : <DiffView lines={diff} label={t('diffOf', { key: plan.key })} />}
          {lintErrors.length ? <p className="text-[12px] text-muted">{t('fixBeforeSaving')}</p> : null}
        </div>
      ) : null}
      {action.writeError ? (
        <div role="alert" className="rounded border border-danger/50 bg-danger-soft px-2 py-1 text-[13px]">
          <p className="whitespace-pre-wrap">{action.writeErrorMsgs ? action.writeErrorMsgs.map(text).join(' ') : action.writeError}</p>
          <p className="text-muted">{[t('scriptKept'), ...writeFollowUp(action.writeError, 'saved').map(text)].join(' ')}</p>
        </div>
      ) : null}
      <DialogFooter
        onCancel={onCancel}
        onConfirm={action.confirm}
        canConfirm={!!plan && !lintErrors.length && !unchanged && !(p.state === 'ready' && p.refreshing) && !(action.writeError && isConflict(action.writeError))}
        busy={action.writing}
        extra={action.writeError || p.state === 'error' ? <SecondaryButton onClick={() => void action.replan()}>{action.writeError ? t('reviewNewDiff') : t('tryAgain')}</SecondaryButton> : null}
      />
    </>
  );
}

export function SaveScriptButton({ scriptRef, source, onSaved }: { scriptRef: Ref; source: string; onSaved?: () => void }) {
  const actions = useOptionalRolloutActions();
  const local = useAnnouncer();
  const announce = actions?.announce ?? local.announce;
  // Outside a Rollout's provider (the playground) the server's own access review decides on Confirm.
  const blocked = actions ? permissionFor(actions.permissions, 'saveScript') : null;
  const t = useTranslations('rollouts.actions');
  const [opened, setOpened] = useState<{ source: string; nonce: number } | null>(null);
  const close = useCallback(() => setOpened(null), []);
  return (
    <>
      <ActionTrigger label={t('saveScript')} onOpen={() => setOpened({ source, nonce: Date.now() })} blocked={blocked} />
      <ActionDialog open={opened !== null} title={t('saveTitle', { script: scriptKindName(scriptRef) })} onClose={close}>
        {opened ? (
          <SaveBody
            scriptRef={scriptRef}
            source={opened.source}
            nonce={opened.nonce}
            onCancel={close}
            onDone={(message, warnings) => {
              close();
              announce(warnings.length ? msg('rollouts.actions.savedWithWarnings', { ...message.values, warnings: warnings.join(' ') }) : message);
              onSaved?.();
            }}
          />
        ) : null}
      </ActionDialog>
      {actions ? null : <ActionStatus message={local.message} />}
    </>
  );
}
