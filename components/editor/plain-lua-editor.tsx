'use client';
import { forwardRef, useImperativeHandle, useRef } from 'react';
import { offsetOf } from './diagnostics';
import { shortcutOf } from './shortcuts';
import type { EditorHandle } from './types';

interface Props {
  value: string;
  onChange: (text: string) => void;
  label: string;
  height: number | string;
  onRun?: () => void;
  onSave?: () => void;
  invalid?: boolean;
  describedBy?: string;
}

/** The textarea behind "Plain text editor", also shown while Monaco loads so no keystroke is lost. */
export const PlainLuaEditor = forwardRef<EditorHandle & { textarea: HTMLTextAreaElement | null }, Props>(function PlainLuaEditor(
  { value, onChange, label, height, onRun, onSave, invalid, describedBy },
  ref,
) {
  const area = useRef<HTMLTextAreaElement>(null);
  useImperativeHandle(
    ref,
    () => ({
      get textarea() {
        return area.current;
      },
      focus: () => area.current?.focus(),
      jumpTo(line, column) {
        const el = area.current;
        if (!el) return;
        const at = offsetOf(el.value, line, column ?? 1);
        el.focus();
        el.setSelectionRange(at, at);
        // Put the caret's line in view: a line's height times its index, near the top third.
        const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 18;
        el.scrollTop = Math.max(0, (line - 3) * lineHeight);
      },
    }),
    [],
  );
  return (
    <textarea
      ref={area}
      aria-label={label}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      value={value}
      spellCheck={false}
      autoCapitalize="off"
      autoComplete="off"
      autoCorrect="off"
      wrap="off"
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => {
        const action = shortcutOf(e);
        if (action === 'run' && onRun) {
          e.preventDefault();
          onRun();
        } else if (action === 'save' && onSave) {
          e.preventDefault();
          onSave();
        }
      }}
      style={{ height }}
      className="block w-full resize-y rounded border border-line bg-surface p-2 font-mono text-[13px] leading-[18px] text-fg focus:border-accent focus-visible:outline focus-visible:outline-2 focus-visible:outline-accent"
    />
  );
});
