'use client';
// A modal built on <dialog>: showModal() makes the rest of the page inert, Escape cancels, and focus
// goes back to whatever had it before (the button that opened it).
import { useEffect, useId, useRef, type ReactNode } from 'react';

export function Dialog({ open, title, children, onCancel }: { open: boolean; title: string; children: ReactNode; onCancel: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const titleId = useId();

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      opener.current = document.activeElement;
      d.showModal();
    } else if (!open && d.open) {
      d.close();
    }
  }, [open]);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    const onClose = () => {
      const o = opener.current;
      opener.current = null;
      if (o instanceof HTMLElement && o.isConnected) o.focus();
      onCancel();
    };
    d.addEventListener('close', onClose);
    return () => d.removeEventListener('close', onClose);
  }, [onCancel]);

  return (
    <dialog ref={ref} aria-labelledby={titleId} className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-md border border-line-strong bg-surface p-0 text-fg shadow-lg backdrop:bg-black/40">
      {open ? (
        <div className="flex flex-col gap-3 px-4 py-3">
          <h2 id={titleId} className="text-[15px] font-semibold">{title}</h2>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}

const BUTTON = 'rounded border px-2.5 py-1 text-[13px] disabled:opacity-50';

export function DialogButtons({ confirmLabel, onConfirm, onCancel, busy, danger, disabled }: { confirmLabel: string; onConfirm: () => void; onCancel: () => void; busy?: boolean; danger?: boolean; disabled?: boolean }) {
  return (
    <div className="flex justify-end gap-2">
      <button type="button" onClick={onCancel} className={`${BUTTON} border-line-strong bg-surface hover:bg-raised`}>
        Cancel
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
  error?: string | null;
}) {
  return (
    <Dialog open={open} title={title} onCancel={onCancel}>
      <div className="text-muted">{children}</div>
      {error ? <p role="alert" className="whitespace-pre-wrap text-danger">{error}</p> : null}
      <DialogButtons confirmLabel={confirmLabel} onConfirm={onConfirm} onCancel={onCancel} busy={busy} danger />
    </Dialog>
  );
}
