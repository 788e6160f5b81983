'use client';
// "Save script": the routing script goes to Kruise's ConfigMap under lua.traffic.routing.<Kind>.<group>.
// The text is taken when the dialog opens and is never changed here, so a refused save loses nothing.
import { useCallback, useMemo, useState } from 'react';
import { planSaveScript, saveScript } from '@/app/rollouts/actions';
import { DiffView } from '@/components/playground/diff-view';
import { lineDiff } from '@/lib/playground/routing';
import type { SaveScriptPlan, SaveScriptResult, ScriptRef } from '@/lib/rollouts/action-types';
import { usePlannedAction } from '@/lib/rollouts/use-planned-action';
import { ActionDialog, DialogFooter, SecondaryButton } from './action-dialog';
import { ActionTrigger } from './action-trigger';
import { isConflict, writeFollowUp } from './plan-text';
import { ActionStatus, permissionFor, useAnnouncer, useOptionalRolloutActions } from './provider';

export const SHADOW_WARNING = 'the built-in script wins: Kruise ignores this key (openkruise/rollouts#322)';

type Ref = ScriptRef;

export const scriptKindName = (ref: Ref) => `${ref.kind}.${ref.apiVersion.split('/')[0]}`;

function SaveBody({ scriptRef, source, nonce, onDone, onCancel }: { scriptRef: Ref; source: string; nonce: number; onDone: (message: string) => void; onCancel: () => void }) {
  const action = usePlannedAction<SaveScriptPlan, SaveScriptResult>({
    key: ['save-script', scriptRef.apiVersion, scriptRef.kind, nonce],
    enabled: true,
    plan: () => planSaveScript({ apiVersion: scriptRef.apiVersion, kind: scriptRef.kind, source }),
    write: (p) => saveScript({ apiVersion: scriptRef.apiVersion, kind: scriptRef.kind, source, expectedResourceVersion: p.configMap.resourceVersion }),
    onWritten: (r, p) => onDone([`Saved ${p.key} to ConfigMap ${p.configMap.namespace}/${p.configMap.name}.`, ...r.warnings].join(' ')),
  });
  const p = action.plan;
  const plan = p.state === 'ready' ? p.plan : null;
  const diff = useMemo(() => (plan ? lineDiff(plan.before ?? '', plan.after) : []), [plan]);
  const lintErrors = plan ? plan.lint.filter((l) => l.severity === 'error') : [];
  const unchanged = plan !== null && plan.before === plan.after;
  return (
    <>
      {p.state === 'planning' ? <p className="text-muted">Checking the script and reading the ConfigMap on the server…</p> : null}
      {p.state === 'error' ? (
        <p role="alert" className="rounded border border-danger/50 bg-danger-soft px-2 py-1 text-[13px] whitespace-pre-wrap">
          {p.error}
        </p>
      ) : null}
      {plan ? (
        <div className="flex flex-col gap-2 text-[13px]">
          <p>
            Key <code className="font-mono">{plan.key}</code> in ConfigMap <code className="font-mono">{plan.configMap.namespace}/{plan.configMap.name}</code>
            {plan.configMap.exists ? (plan.before === null ? ' (a new key; the other keys stay).' : ' (replaces this key; the other keys stay).') : ': the ConfigMap does not exist yet, Confirm creates it.'}
          </p>
          {plan.shadowedByBuiltin ? (
            <p role="alert" className="rounded border border-warn/60 bg-warn-soft px-2 py-1">
              Warning: {scriptKindName(scriptRef)} has a built-in script, so {SHADOW_WARNING}.
            </p>
          ) : null}
          {plan.lint.length ? (
            <ul aria-label="Script problems" className="flex flex-col gap-0.5 text-[12px]">
              {plan.lint.map((l, i) => (
                <li key={i} className={l.severity === 'error' ? 'text-danger' : 'text-warn'}>
                  {l.severity}: line {l.line}: {l.message}
                </li>
              ))}
            </ul>
          ) : null}
          {unchanged ? <p className="text-muted">The ConfigMap already holds this exact script.</p> : <DiffView lines={diff} label={`Diff of ${plan.key}`} />}
          {lintErrors.length ? <p className="text-[12px] text-muted">Fix the script errors before saving: the controller could not run it.</p> : null}
        </div>
      ) : null}
      {action.writeError ? (
        <div role="alert" className="rounded border border-danger/50 bg-danger-soft px-2 py-1 text-[13px]">
          <p className="whitespace-pre-wrap">{action.writeError}</p>
          <p className="text-muted">Your script is kept. {writeFollowUp(action.writeError, 'saved')}</p>
        </div>
      ) : null}
      <DialogFooter
        onCancel={onCancel}
        onConfirm={action.confirm}
        canConfirm={!!plan && !lintErrors.length && !unchanged && !(p.state === 'ready' && p.refreshing) && !(action.writeError && isConflict(action.writeError))}
        busy={action.writing}
        extra={action.writeError || p.state === 'error' ? <SecondaryButton onClick={() => void action.replan()}>{action.writeError ? 'Review the new diff' : 'Try again'}</SecondaryButton> : null}
      />
    </>
  );
}

export function SaveScriptButton({ scriptRef, source, onSaved }: { scriptRef: Ref; source: string; onSaved?: () => void }) {
  const actions = useOptionalRolloutActions();
  const local = useAnnouncer();
  const announce = actions?.announce ?? local.announce;
  // Outside a Rollout's provider (the playground) the server's own access review decides on Confirm.
  const perm = actions ? permissionFor(actions.permissions, 'saveScript') : { allowed: true };
  const [opened, setOpened] = useState<{ source: string; nonce: number } | null>(null);
  const close = useCallback(() => setOpened(null), []);
  return (
    <>
      <ActionTrigger label="Save script" onOpen={() => setOpened({ source, nonce: Date.now() })} blocked={perm.allowed ? null : perm.reason ?? 'Not permitted.'} />
      <ActionDialog open={opened !== null} title={`Save script for ${scriptKindName(scriptRef)}`} onClose={close}>
        {opened ? (
          <SaveBody
            scriptRef={scriptRef}
            source={opened.source}
            nonce={opened.nonce}
            onCancel={close}
            onDone={(message) => {
              close();
              announce(message);
              onSaved?.();
            }}
          />
        ) : null}
      </ActionDialog>
      {actions ? null : <ActionStatus message={local.message} />}
    </>
  );
}
