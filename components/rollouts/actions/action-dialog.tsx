'use client';
// A modal on <dialog>: showModal() makes the page inert and moves focus in, Escape cancels, and
// focus goes back to the button that opened it. Wide enough for a YAML diff.
import { useEffect, useId, useRef, type ReactNode } from 'react';

export function ActionDialog({ open, title, onClose, children }: { open: boolean; title: string; onClose: () => void; children: ReactNode }) {
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
    const onCloseEvent = () => {
      const o = opener.current;
      opener.current = null;
      if (o instanceof HTMLElement && o.isConnected) o.focus();
      onClose();
    };
    d.addEventListener('close', onCloseEvent);
    return () => d.removeEventListener('close', onCloseEvent);
  }, [onClose]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      className="m-auto max-h-[calc(100vh-2rem)] w-[min(60rem,calc(100vw-2rem))] overflow-auto rounded-md border border-line-strong bg-surface p-0 text-fg shadow-lg backdrop:bg-black/40"
    >
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

/** Cancel, an optional extra action (e.g. "Review the new diff"), and the exact-named "Confirm". */
export function DialogFooter({ onCancel, onConfirm, canConfirm, busy, extra }: { onCancel: () => void; onConfirm: () => void; canConfirm: boolean; busy: boolean; extra?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center justify-end gap-2 border-t border-line pt-3">
      {busy ? <span className="mr-auto text-[12px] text-muted">Writing…</span> : null}
      {extra}
      <button type="button" onClick={onCancel} className={`${BUTTON} border-line-strong bg-surface hover:bg-raised`}>
        Cancel
      </button>
      <button type="button" onClick={onConfirm} disabled={!canConfirm || busy} className={`${BUTTON} border-accent bg-accent text-accent-fg hover:opacity-90`}>
        Confirm
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
