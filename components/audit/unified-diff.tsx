'use client';
// A unified diff as text, one line per row, added and removed lines marked by colour and sign.
import { useTranslations } from 'next-intl';

export function UnifiedDiff({ diff, label }: { diff: string; label: string }) {
  const t = useTranslations('audit.detail');
  if (!diff) return <p className="text-muted">{t('noChange')}</p>;
  const lines = diff.replace(/\n$/, '').split('\n');
  return (
    <pre role="region" tabIndex={0} aria-label={label} className="max-h-[28rem] overflow-auto rounded-md border border-line bg-raised/40 p-2 font-mono text-xs leading-5">
      {lines.map((l, i) => {
        const tone = l.startsWith('+++') || l.startsWith('---') ? 'text-muted' : l.startsWith('+') ? 'text-ok' : l.startsWith('-') ? 'text-danger' : l.startsWith('@@') ? 'text-accent' : '';
        return (
          <span key={i} className={`block whitespace-pre ${tone}`}>
            {l || ' '}
          </span>
        );
      })}
    </pre>
  );
}
