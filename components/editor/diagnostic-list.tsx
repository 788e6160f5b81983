'use client';
import { useTranslations } from 'next-intl';
import type { EditorDiagnostic } from './types';

const TONE: Record<EditorDiagnostic['severity'], string> = {
  error: 'text-danger',
  warning: 'text-warn',
  info: 'text-muted',
};

/** The editor's problems as an accessible list: each one jumps to its line. */
export function DiagnosticList({ id, label, items, onJump }: { id?: string; label: string; items: EditorDiagnostic[]; onJump: (d: EditorDiagnostic) => void }) {
  const t = useTranslations('editor');
  if (items.length === 0) {
    return (
      <p id={id} className="px-1 py-1 text-[12px] text-muted">
        {t('noProblems')}
      </p>
    );
  }
  return (
    <ul id={id} role="list" aria-label={label} className="max-h-40 overflow-auto rounded border border-line bg-surface text-[12px]">
      {items.map((d, i) => (
        <li key={`${d.line}:${d.column ?? 0}:${i}`} className="border-b border-line last:border-b-0">
          <button
            type="button"
            onClick={() => onJump(d)}
            className="flex w-full items-baseline gap-2 px-2 py-1 text-left hover:bg-raised focus:bg-raised focus-visible:outline focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent"
          >
            <span className={`w-14 shrink-0 font-medium ${TONE[d.severity]}`}>{t(`severity.${d.severity}`)}</span>
            <span className="w-14 shrink-0 font-mono text-muted">
              {d.line}:{d.column ?? 1}
            </span>
            <span className="min-w-0 flex-1 break-words">{d.message}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
