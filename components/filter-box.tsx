'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';

/** Text filter for a list; `/` focuses it from anywhere on the page (as in GitHub and k9s), Escape clears it. */
export function FilterBox({
  label,
  value,
  onChange,
  shortcut = false,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  shortcut?: boolean;
}) {
  const t = useTranslations('common');
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!shortcut) return;
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      const typing = t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
      if (e.key === '/' && !typing && !e.metaKey && !e.ctrlKey && !e.altKey) {
        e.preventDefault();
        ref.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shortcut]);

  return (
    <div className="relative">
      <input
        ref={ref}
        type="search"
        aria-label={label}
        placeholder={shortcut ? t('filterPlaceholderShortcut', { label }) : t('filterPlaceholder', { label })}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && value) {
            e.preventDefault();
            onChange('');
          }
        }}
        className="h-7 w-64 max-w-full rounded border border-line bg-surface px-2 text-[13px] placeholder:text-muted focus:border-accent"
      />
    </div>
  );
}
