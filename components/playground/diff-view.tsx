'use client';
import { useTranslations } from 'next-intl';
import type { DiffLine } from '@/lib/playground/routing';

/** A full listing of the new text with removed lines interleaved: the object and its changes at once. */
export function DiffView({ lines, label }: { lines: readonly DiffLine[]; label: string }) {
  const t = useTranslations('playground.step');
  return (
    <pre role="region" tabIndex={0} aria-label={label} className="max-h-[28rem] overflow-auto rounded border border-line bg-canvas py-1 font-mono text-[12px] leading-5">
      {lines.map((l, i) => (
        <div
          key={i}
          className={l.type === 'add' ? 'bg-ok-soft px-2 text-ok' : l.type === 'del' ? 'bg-danger-soft px-2 text-danger' : 'px-2'}
        >
          <span aria-hidden="true" className="mr-2 inline-block w-2 select-none">{l.type === 'add' ? '+' : l.type === 'del' ? '-' : ' '}</span>
          {l.type === 'add' ? <span className="sr-only">{t('added')} </span> : l.type === 'del' ? <span className="sr-only">{t('removed')} </span> : null}
          {l.text}
        </div>
      ))}
    </pre>
  );
}
