'use client';
import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { MODES, type Mode } from '@/lib/playground/state';

export const tabId = (m: Mode) => `playground-tab-${m}`;
export const panelId = (m: Mode) => `playground-panel-${m}`;

/** The three modes as tabs (arrow keys move between them, as WAI-ARIA tabs do). */
export function ModeTabs({ mode, onChange }: { mode: Mode; onChange: (m: Mode) => void }) {
  const t = useTranslations('playground');
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onKey = (e: React.KeyboardEvent) => {
    const i = MODES.indexOf(mode);
    const next = e.key === 'ArrowRight' ? MODES[(i + 1) % MODES.length] : e.key === 'ArrowLeft' ? MODES[(i + MODES.length - 1) % MODES.length] : e.key === 'Home' ? MODES[0] : e.key === 'End' ? MODES[MODES.length - 1] : null;
    if (!next) return;
    e.preventDefault();
    onChange(next);
    refs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={t('modeTabs')} onKeyDown={onKey} className="flex gap-1 border-b border-line">
      {MODES.map((m) => (
        <button
          key={m}
          ref={(el) => {
            refs.current[m] = el;
          }}
          id={tabId(m)}
          role="tab"
          type="button"
          aria-selected={m === mode}
          aria-controls={panelId(m)}
          tabIndex={m === mode ? 0 : -1}
          onClick={() => onChange(m)}
          className={`-mb-px border-b-2 px-3 py-1.5 font-medium ${m === mode ? 'border-accent text-fg' : 'border-transparent text-muted hover:text-fg'} focus-visible:outline focus-visible:outline-2 focus-visible:outline-accent`}
        >
          {t(`mode.${m}`)}
        </button>
      ))}
    </div>
  );
}
