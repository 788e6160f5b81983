'use client';
// The rollout actions' dialog: the shared modal, wide enough for a YAML diff.
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { ModalDialog } from '../../modal-dialog';

export function ActionDialog({ open, title, onClose, children }: { open: boolean; title: string; onClose: () => void; children: ReactNode }) {
  return (
    <ModalDialog open={open} title={title} onClose={onClose} className="max-h-[calc(100vh-2rem)] w-[min(60rem,calc(100vw-2rem))] overflow-auto">
      {children}
    </ModalDialog>
  );
}

const BUTTON = 'rounded border px-2.5 py-1 text-[13px] disabled:opacity-50';

/** Cancel, an optional extra action (e.g. "Review the new diff"), and the exact-named "Confirm". */
export function DialogFooter({ onCancel, onConfirm, canConfirm, busy, extra }: { onCancel: () => void; onConfirm: () => void; canConfirm: boolean; busy: boolean; extra?: ReactNode }) {
  const t = useTranslations('rollouts.actions');
  return (
    <div className="flex flex-wrap items-center justify-end gap-2 border-t border-line pt-3">
      {busy ? <span className="mr-auto text-[12px] text-muted">{t('writing')}</span> : null}
      {extra}
      <button type="button" onClick={onCancel} className={`${BUTTON} border-line-strong bg-surface hover:bg-raised`}>
        {t('cancel')}
      </button>
      <button type="button" onClick={onConfirm} disabled={!canConfirm || busy} className={`${BUTTON} border-accent bg-accent text-accent-fg hover:opacity-90`}>
        {t('confirm')}
      </button>
    </div>
  );
}

export function SecondaryButton({ onClick, children, disabled }: { onClick: () => void; children: ReactNode; disabled?: boolean }) {
  return (
    <button type="button" onClick={onClick} disabled={disabled} className={`${BUTTON} border-line-strong bg-surface hover:bg-raised`}>
      {children}
    </button>
  );
}
