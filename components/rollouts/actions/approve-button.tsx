'use client';
import { useCallback, useState } from 'react';
import { approveStep, planApprove } from '@/app/rollouts/actions';
import type { ApprovePlan, ApproveResult } from '@/lib/rollouts/action-types';
import { usePlannedAction } from '@/lib/rollouts/use-planned-action';
import { ActionDialog, DialogFooter, SecondaryButton } from './action-dialog';
import { isConflict, writeFollowUp } from './plan-text';
import { permissionFor, useRolloutActions } from './provider';
import { ActionTrigger } from './action-trigger';

export const NOT_PAUSED = 'Only a paused step can be approved: this Rollout is not paused.';

function ApproveBody({ namespace, name, onDone, onCancel }: { namespace: string; name: string; onDone: (state: string) => void; onCancel: () => void }) {
  const action = usePlannedAction<ApprovePlan, ApproveResult>({
    key: ['approve', namespace, name],
    enabled: true,
    plan: () => planApprove({ namespace, name }),
    write: (p) => approveStep({ namespace, name, resourceVersion: p.resourceVersion }),
    onWritten: (r) => onDone(r.state),
  });
  const p = action.plan;
  return (
    <>
      <p className="text-[13px] text-muted">A merge patch on the Rollout&apos;s status subresource, refused if the Rollout changed since this was computed; the controller then moves on to the next step.</p>
      {p.state === 'planning' ? <p className="text-muted">Reading the Rollout on the server…</p> : null}
      {p.state === 'error' ? (
        <p role="alert" className="rounded border border-danger/50 bg-danger-soft px-2 py-1 text-[13px] whitespace-pre-wrap">
          {p.error}
        </p>
      ) : null}
      {p.state === 'ready' ? (
        <div className="flex flex-col gap-1.5 text-[13px]">
          <p>
            <code className="font-mono">{p.plan.statusPath}.currentStepState</code>: <code className="font-mono text-danger">{p.plan.from}</code> → <code className="font-mono text-ok">{p.plan.to}</code>
          </p>
          <pre aria-label="Status patch" className="max-h-60 overflow-auto rounded border border-line bg-canvas p-2 font-mono text-[12px]">
            {JSON.stringify(p.plan.patch, null, 2)}
          </pre>
        </div>
      ) : null}
      {action.writeError ? (
        <p role="alert" className="rounded border border-danger/50 bg-danger-soft px-2 py-1 text-[13px] whitespace-pre-wrap">
          {action.writeError} {writeFollowUp(action.writeError, 'written')}
        </p>
      ) : null}
      <DialogFooter
        onCancel={onCancel}
        onConfirm={action.confirm}
        canConfirm={p.state === 'ready' && !p.refreshing && !(action.writeError && isConflict(action.writeError))}
        busy={action.writing}
        extra={action.writeError || p.state === 'error' ? <SecondaryButton onClick={() => void action.replan()}>{action.writeError ? 'Review the new diff' : 'Try again'}</SecondaryButton> : null}
      />
    </>
  );
}

export function ApproveButton({ paused }: { paused: boolean }) {
  const { namespace, name, permissions, announce } = useRolloutActions();
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const perm = permissionFor(permissions, 'approve');
  const blocked = !perm.allowed ? perm.reason ?? 'Not permitted.' : !paused ? NOT_PAUSED : null;
  return (
    <>
      <ActionTrigger label="Approve" onOpen={() => setOpen(true)} blocked={blocked} />
      <ActionDialog open={open} title={`Approve the paused step of ${namespace}/${name}`} onClose={close}>
        <ApproveBody
          namespace={namespace}
          name={name}
          onCancel={close}
          onDone={(state) => {
            close();
            announce(`Approved ${namespace}/${name}: the step state is now ${state}.`);
          }}
        />
      </ActionDialog>
    </>
  );
}
