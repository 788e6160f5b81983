'use client';
// A button that opens an action dialog. When the action is not possible it stays focusable
// (aria-disabled, not disabled) so keyboard and screen-reader users reach it and hear why.
import { useId } from 'react';
import { useMsg } from '../../use-msg';
import type { Blocked } from './provider';

export function ActionTrigger({ label, onOpen, blocked }: { label: string; onOpen: () => void; blocked: Blocked }) {
  const reasonId = useId();
  const text = useMsg();
  return (
    <span className="inline-flex max-w-full flex-col items-start gap-0.5">
      <button
        type="button"
        aria-disabled={blocked ? 'true' : undefined}
        aria-describedby={blocked ? reasonId : undefined}
        onClick={blocked ? undefined : onOpen}
        className={`rounded border px-2 py-0.5 text-[13px] ${blocked ? 'cursor-not-allowed border-line text-muted' : 'border-line-strong bg-surface hover:bg-raised'}`}
      >
        {label}
      </button>
      {blocked ? (
        <span id={reasonId} className="text-[11px] leading-4 text-muted">
          {typeof blocked === 'string' ? blocked : Array.isArray(blocked) ? blocked.map(text).join(' ') : blocked ? text(blocked) : null}
        </span>
      ) : null}
    </span>
  );
}
