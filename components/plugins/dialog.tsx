'use client';
// The plugin dialogs: the shared modal (components/modal-dialog.tsx), narrow.
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { ModalDialog } from '../modal-dialog';
import { FailureText, type Shown } from './failure-text';

export function Dialog({ open, title, children, onCancel }: { open: boolean; title: string; children: ReactNode; onCancel: () => void }) {
  return (
    <ModalDialog open={open} title={title} onClose={onCancel} className="w-[min(32rem,calc(100vw-2rem))]">
      {children}
    </ModalDialog>
  );
}

const BUTTON = 'rounded border px-2.5 py-1 text-[13px] disabled:opacity-50';

export function DialogButtons({ confirmLabel, onConfirm, onCancel, busy, danger, disabled }: { confirmLabel: string; onConfirm: () => void; onCancel: () => void; busy?: boolean; danger?: boolean; disabled?: boolean }) {
  const t = useTranslations('plugins');
  return (
    <div className="flex justify-end gap-2">
      <button type="button" onClick={onCancel} className={`${BUTTON} border-line-strong bg-surface hover:bg-raised`}>
        {t('dialogs.cancel')}
      </button>
      <button
        type="submit"
        onClick={(e) => {
          e.preventDefault();
          onConfirm();
        }}
        disabled={busy || disabled}
        className={`${BUTTON} ${danger ? 'border-danger bg-danger text-white hover:opacity-90' : 'border-accent bg-accent text-accent-fg hover:opacity-90'}`}
      >
        {confirmLabel}
      </button>
    </div>
  );
}

/** "Are you sure?" with the consequence spelled out; the confirm button carries the action's name. */
export function ConfirmDialog({ open, title, children, confirmLabel, onConfirm, onCancel, busy, error }: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  error?: Shown | null;
}) {
  return (
    <Dialog open={open} title={title} onCancel={onCancel}>
      <div className="text-muted">{children}</div>
      {error ? <p role="alert" className="whitespace-pre-wrap text-danger"><FailureText shown={error} /></p> : null}
      <DialogButtons confirmLabel={confirmLabel} onConfirm={onConfirm} onCancel={onCancel} busy={busy} danger />
    </Dialog>
  );
}
