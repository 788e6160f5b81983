import type { ReactNode } from 'react';

export type Tone = 'ok' | 'warn' | 'danger' | 'neutral' | 'accent';

const tones: Record<Tone, string> = {
  ok: 'bg-ok-soft text-ok',
  warn: 'bg-warn-soft text-warn',
  danger: 'bg-danger-soft text-danger',
  neutral: 'bg-raised text-muted',
  accent: 'bg-accent-soft text-accent',
};

// The pill's text tells the status; a shape per tone backs up the colour for readers who cannot
// tell green from red (an SVG, so the pill's text content, and so its accessible name, is unchanged).
const glyphs: Partial<Record<Tone, string>> = {
  ok: 'M3.5 8.5 6.5 11.5 12.5 4.5',
  warn: 'M8 3v6M8 12.2v.3',
  danger: 'M4.5 4.5l7 7M11.5 4.5l-7 7',
};

export function StatusPill({ tone, children, title }: { tone: Tone; children: ReactNode; title?: string }) {
  const glyph = glyphs[tone];
  return (
    <span title={title} className={`inline-flex items-center gap-1 rounded px-1.5 py-px text-[11px] font-medium leading-4 whitespace-nowrap ${tones[tone]}`}>
      {glyph ? (
        <svg aria-hidden="true" viewBox="0 0 16 16" className="h-2.5 w-2.5 shrink-0" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round">
          <path d={glyph} />
        </svg>
      ) : null}
      {children}
    </span>
  );
}
