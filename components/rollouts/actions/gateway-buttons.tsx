'use client';
import { useTranslations } from 'next-intl';
import { useCallback, useState } from 'react';
import { applyStep, planApplyStep, planRestore, restoreOriginal } from '@/app/rollouts/actions';
import { ActionDialog } from './action-dialog';
import { ActionTrigger } from './action-trigger';
import { GatewayActionBody } from './gateway-action-dialog';
import { expectedVersions, writtenMessage } from './plan-text';
import { permissionFor, useRolloutActions } from './provider';

export function ApplyStepButton({ step }: { step: number }) {
  const { namespace, name, permissions, announce } = useRolloutActions();
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const t = useTranslations('rollouts.actions');
  const title = t('applyTitle', { step, namespace, name });
  return (
    <>
      <ActionTrigger label={t('applyStep', { step })} onOpen={() => setOpen(true)} blocked={permissionFor(permissions, 'applyStep')} />
      <ActionDialog open={open} title={title} onClose={close}>
        <p className="text-[13px] text-muted">{t('applyExplain', { step })}</p>
        <GatewayActionBody
          planKey={['apply-step', namespace, name, step]}
          plan={() => planApplyStep({ namespace, name, step })}
          write={(plan, override) => applyStep({ namespace, name, step, expected: expectedVersions(plan), override })}
          onWritten={(written) => {
            close();
            announce(writtenMessage('applied', { namespace, name, step }, written));
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
  const t = useTranslations('rollouts.actions');
  return (
    <>
      <ActionTrigger label={t('restore')} onOpen={() => setOpen(true)} blocked={permissionFor(permissions, 'restore')} />
      <ActionDialog open={open} title={t('restoreTitle', { namespace, name })} onClose={close}>
        <p className="text-[13px] text-muted">{t('restoreExplain')}</p>
        <GatewayActionBody
          planKey={['restore', namespace, name]}
          plan={() => planRestore({ namespace, name })}
          write={(plan, override) => restoreOriginal({ namespace, name, expected: expectedVersions(plan), override })}
          onWritten={(written) => {
            close();
            announce(writtenMessage('restored', { namespace, name }, written));
          }}
          onCancel={close}
        />
      </ActionDialog>
    </>
  );
}
