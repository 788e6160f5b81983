'use client';
// Shared body of "Apply step N" and "Restore original": plan on the server, show the exact diff,
// require the override while a Rollout is progressing on the object, then write with the plan's
// resourceVersions. A failed write keeps the dialog (and the override) and offers a fresh plan.
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { useMsg } from '../../use-msg';
import type { GatewayPlan, PlanResult, WriteResult } from '@/lib/rollouts/action-types';
import { usePlannedAction, type ActionResult } from '@/lib/rollouts/use-planned-action';
import { DialogFooter, SecondaryButton } from './action-dialog';
import { GatewayPlanView } from './gateway-plan-view';
import { confirmBlocker, isConflict, writeFollowUp } from './plan-text';

export function GatewayActionBody(props: {
  planKey: readonly unknown[];
  plan: () => Promise<ActionResult<PlanResult>>;
  write: (plan: GatewayPlan, override: boolean) => Promise<ActionResult<WriteResult>>;
  onWritten: (written: string[]) => void;
  onCancel: () => void;
}) {
  const t = useTranslations('rollouts.actions');
  const text = useMsg();
  const [override, setOverride] = useState(false);
  const overrideId = useId();
  const action = usePlannedAction<PlanResult, WriteResult>({
    key: props.planKey,
    enabled: true,
    plan: props.plan,
    write: (p) => props.write(p.plan, override),
    onWritten: (r) => props.onWritten(r.written),
  });
  const p = action.plan;
  const plan = p.state === 'ready' ? p.plan.plan : null;
  const blocker = plan ? confirmBlocker(plan, override) : null;

  return (
    <>
      {p.state === 'planning' ? <p className="text-muted">{t('computing')}</p> : null}
      {p.state === 'error' ? (
        <p role="alert" className="rounded border border-danger/50 bg-danger-soft px-2 py-1 text-[13px] whitespace-pre-wrap">
          {p.messages ? p.messages.map(text).join(' ') : p.error}
        </p>
      ) : null}
      {plan ? <GatewayPlanView plan={plan} /> : null}
      {plan?.progressingConflict ? (
        <div className="flex flex-col gap-1.5 rounded border border-warn/60 bg-warn-soft px-3 py-2 text-[13px]">
          <p role="alert">{plan.progressingConflictMsgs.map(text).join(' ')}</p>
          <label htmlFor={overrideId} className="flex items-center gap-2 font-medium">
            <input id={overrideId} type="checkbox" checked={override} onChange={(e) => setOverride(e.target.checked)} />
            {t('override')}
          </label>
        </div>
      ) : null}
      {action.writeError ? (
        <div role="alert" className="rounded border border-danger/50 bg-danger-soft px-2 py-1 text-[13px]">
          <p className="whitespace-pre-wrap">{action.writeErrorMsgs ? action.writeErrorMsgs.map(text).join(' ') : action.writeError}</p>
          <p className="text-muted">{writeFollowUp(action.writeError, 'written').map(text).join(' ')}</p>
        </div>
      ) : null}
      {plan && blocker && !action.writeError ? <p className="text-[12px] text-muted">{text(blocker)}</p> : null}
      <DialogFooter
        onCancel={props.onCancel}
        onConfirm={action.confirm}
        // a refused stale write is not retried with the same diff: the new one must be looked at first
        canConfirm={!!plan && !blocker && !(p.state === 'ready' && p.refreshing) && !(action.writeError && isConflict(action.writeError))}
        busy={action.writing}
        extra={
          action.writeError || p.state === 'error' ? (
            <SecondaryButton onClick={() => void action.replan()} disabled={p.state === 'ready' && p.refreshing}>
              {action.writeError ? t('reviewNewDiff') : t('tryAgain')}
            </SecondaryButton>
          ) : null
        }
      />
    </>
  );
}
