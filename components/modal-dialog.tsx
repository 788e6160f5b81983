'use client';
// The one modal: <dialog> with showModal() makes the page inert and moves focus in, Escape cancels,
// and focus goes back to the button that opened it. Feature dialogs only choose the width.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { ReadOnlyNotice } from './read-only';

export function ModalDialog({ open, title, onClose, className, children }: { open: boolean; title: string; onClose: () => void; className: string; children: ReactNode }) {
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
      className={`m-auto rounded-md border border-line-strong bg-surface p-0 text-fg shadow-lg backdrop:bg-black/40 ${className}`}
    >
      {open ? (
        <div className="flex flex-col gap-3 px-4 py-3">
          <h2 id={titleId} className="text-[15px] font-semibold">{title}</h2>
          {/* every modal starts a change (rollout actions, plugin dialogs) */}
          <ReadOnlyNotice />
          {children}
        </div>
      ) : null}
    </dialog>
  );
}

