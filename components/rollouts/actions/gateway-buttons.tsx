'use client';
import { useCallback, useState } from 'react';
import { applyStep, planApplyStep, planRestore, restoreOriginal } from '@/app/rollouts/actions';
import { ActionDialog } from './action-dialog';
import { ActionTrigger } from './action-trigger';
import { GatewayActionBody } from './gateway-action-dialog';
import { expectedVersions, writtenMessage } from './plan-text';
import { permissionFor, useRolloutActions } from './provider';

const blockedBy = (p: { allowed: boolean; reason?: string }) => (p.allowed ? null : p.reason ?? 'Not permitted.');

export function ApplyStepButton({ step }: { step: number }) {
  const { namespace, name, permissions, announce } = useRolloutActions();
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const title = `Apply step ${step} to ${namespace}/${name}`;
  return (
    <>
      <ActionTrigger label={`Apply step ${step}`} onOpen={() => setOpen(true)} blocked={blockedBy(permissionFor(permissions, 'applyStep'))} />
      <ActionDialog open={open} title={title} onClose={close}>
        <p className="text-[13px] text-muted">
          Writes what Kruise&apos;s EnsureRoutes would write at step {step}: the original spec is stored in the annotation first if it is not there, then spec, labels and annotations are replaced (a full update, refused if the object changed since this diff).
        </p>
        <GatewayActionBody
          planKey={['apply-step', namespace, name, step]}
          plan={() => planApplyStep({ namespace, name, step })}
          write={(plan, override) => applyStep({ namespace, name, step, expected: expectedVersions(plan), override })}
          onWritten={(written) => {
            close();
            announce(writtenMessage(`Applied step ${step} to ${namespace}/${name}`, written));
          }}
          onCancel={close}
        />
      </ActionDialog>
    </>
  );
}

export function RestoreOriginalButton() {
  const { namespace, name, permissions, announce } = useRolloutActions();
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  return (
    <>
      <ActionTrigger label="Restore original" onOpen={() => setOpen(true)} blocked={blockedBy(permissionFor(permissions, 'restore'))} />
      <ActionDialog open={open} title={`Restore original for ${namespace}/${name}`} onClose={close}>
        <p className="text-[13px] text-muted">Kruise&apos;s finalise: each gateway object gets back the spec, labels and annotations stored in its original-spec annotation, and the annotation is removed.</p>
        <GatewayActionBody
          planKey={['restore', namespace, name]}
          plan={() => planRestore({ namespace, name })}
          write={(plan, override) => restoreOriginal({ namespace, name, expected: expectedVersions(plan), override })}
          onWritten={(written) => {
            close();
            announce(writtenMessage(`Restored the original for ${namespace}/${name}`, written));
          }}
          onCancel={close}
        />
      </ActionDialog>
    </>
  );
}
