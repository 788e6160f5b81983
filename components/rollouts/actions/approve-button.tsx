'use client';
import { useTranslations } from 'next-intl';
import { useCallback, useState } from 'react';
import { msg } from '@/lib/i18n/message';
import { useMsg } from '../../use-msg';
import { approveStep, planApprove } from '@/app/rollouts/actions';
import type { ApprovePlan, ApproveResult } from '@/lib/rollouts/action-types';
import { usePlannedAction } from '@/lib/rollouts/use-planned-action';
import { ActionDialog, DialogFooter, SecondaryButton } from './action-dialog';
import { isConflict, writeFollowUp } from './plan-text';
import { permissionFor, useRolloutActions } from './provider';
import { ActionTrigger } from './action-trigger';

export const NOT_PAUSED = msg('rollouts.actions.notPaused');

function ApproveBody({ namespace, name, onDone, onCancel }: { namespace: string; name: string; onDone: (state: string) => void; onCancel: () => void }) {
  const action = usePlannedAction<ApprovePlan, ApproveResult>({
    key: ['approve', namespace, name],
    enabled: true,
    plan: () => planApprove({ namespace, name }),
    write: (p) => approveStep({ namespace, name, resourceVersion: p.resourceVersion }),
    onWritten: (r) => onDone(r.state),
  });
  const p = action.plan;
  const t = useTranslations('rollouts.actions');
  const text = useMsg();
  return (
    <>
      <p className="text-[13px] text-muted">{t('approveExplain')}</p>
      {p.state === 'planning' ? <p className="text-muted">{t('approveReading')}</p> : null}
      {p.state === 'error' ? (
        <p role="alert" className="rounded border border-danger/50 bg-danger-soft px-2 py-1 text-[13px] whitespace-pre-wrap">
          {p.messages ? p.messages.map(text).join(' ') : p.error}
        </p>
      ) : null}
      {p.state === 'ready' ? (
        <div className="flex flex-col gap-1.5 text-[13px]">
          <p>
            <code className="font-mono">{p.plan.statusPath}.currentStepState</code>: <code className="font-mono text-danger">{p.plan.from}</code> → <code className="font-mono text-ok">{p.plan.to}</code>
          </p>
          <pre aria-label={t('statusPatch')} className="max-h-60 overflow-auto rounded border border-line bg-canvas p-2 font-mono text-[12px]">
            {JSON.stringify(p.plan.patch, null, 2)}
          </pre>
        </div>
      ) : null}
      {action.writeError ? (
        <p role="alert" className="rounded border border-danger/50 bg-danger-soft px-2 py-1 text-[13px] whitespace-pre-wrap">
          {[action.writeErrorMsgs ? action.writeErrorMsgs.map(text).join(' ') : action.writeError, ...writeFollowUp(action.writeError, 'written').map(text)].join(' ')}
        </p>
      ) : null}
      <DialogFooter
        onCancel={onCancel}
        onConfirm={action.confirm}
        canConfirm={p.state === 'ready' && !p.refreshing && !(action.writeError && isConflict(action.writeError))}
        busy={action.writing}
        extra={action.writeError || p.state === 'error' ? <SecondaryButton onClick={() => void action.replan()}>{action.writeError ? t('reviewNewDiff') : t('tryAgain')}</SecondaryButton> : null}
      />
    </>
  );
}

export function ApproveButton({ paused }: { paused: boolean }) {
  const { namespace, name, permissions, announce } = useRolloutActions();
  const t = useTranslations('rollouts.actions');
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const blocked = permissionFor(permissions, 'approve') ?? (!paused ? NOT_PAUSED : null);
  return (
    <>
      <ActionTrigger label={t('approve')} onOpen={() => setOpen(true)} blocked={blocked} />
      <ActionDialog open={open} title={t('approveTitle', { namespace, name })} onClose={close}>
        <ApproveBody
          namespace={namespace}
          name={name}
          onCancel={close}
          onDone={(state) => {
            close();
            announce(msg('rollouts.actions.approved', { namespace, name, state }));
          }}
        />
      </ActionDialog>
    </>
  );
}
