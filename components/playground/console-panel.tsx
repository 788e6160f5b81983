'use client';
import { useTranslations } from 'next-intl';

export interface ConsoleLine {
  /** where it came from: a pod, "Step 2", … */
  from?: string;
  text: string;
}

/** What the script printed, in order. */
export function ConsolePanel({ lines, label: givenLabel }: { lines: readonly ConsoleLine[]; label?: string }) {
  const t = useTranslations('playground.console');
  const label = givenLabel ?? t('label');
  return (
    <section aria-label={label} className="rounded-md border border-line bg-surface">
      <h3 className="border-b border-line px-3 py-1.5 text-[12px] font-semibold text-muted">
        {label} <span className="font-normal">{t('printed', { count: lines.length })}</span>
      </h3>
      {lines.length === 0 ? (
        <p className="px-3 py-2 text-[12px] text-muted">{t.rich('nothing', { code: (c) => <code className="font-mono">{c}</code> })}</p>
      ) : (
        <pre className="max-h-56 overflow-auto px-3 py-2 font-mono text-[12px] leading-5">
          {lines.slice(0, 2000).map((l, i) => (
            <div key={i}>
              {l.from ? <span className="text-muted">[{l.from}] </span> : null}
              {l.text}
            </div>
          ))}
          {lines.length > 2000 ? <div className="text-muted">{t('more', { count: lines.length - 2000 })}</div> : null}
        </pre>
      )}
    </section>
  );
}
