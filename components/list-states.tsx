import type { ReactNode } from 'react';

// Every non-data state of a list gets words, never a blank area: on a production cluster "nothing
// shown" must be distinguishable from "nothing there".

export function SkeletonTable({ label, rows = 6, cols = 6 }: { label: string; rows?: number; cols?: number }) {
  return (
    <div role="status" aria-label={label} aria-live="polite" aria-busy="true" className="rounded-md border border-line bg-surface">
      <span className="sr-only">{label}</span>
      <div className="flex gap-4 border-b border-line bg-raised/60 px-3 py-2">
        {Array.from({ length: cols }, (_, i) => (
          <div key={i} className="skeleton h-3 flex-1" />
        ))}
      </div>
      {Array.from({ length: rows }, (_, r) => (
        <div key={r} className="flex gap-4 border-b border-line px-3 py-2.5 last:border-b-0">
          {Array.from({ length: cols }, (_, i) => (
            <div key={i} className="skeleton h-3 flex-1" style={{ opacity: 1 - r * 0.12 }} />
          ))}
        </div>
      ))}
    </div>
  );
}

export function StateNotice({
  tone,
  title,
  children,
  live = 'polite',
}: {
  tone: 'info' | 'warn' | 'danger';
  title: string;
  children?: ReactNode;
  live?: 'polite' | 'assertive';
}) {
  const border = tone === 'danger' ? 'border-danger/50 bg-danger-soft' : tone === 'warn' ? 'border-warn/50 bg-warn-soft' : 'border-line bg-surface';
  const heading = tone === 'danger' ? 'text-danger' : tone === 'warn' ? 'text-warn' : 'text-fg';
  return (
    <div role={tone === 'danger' ? 'alert' : 'status'} aria-live={live} className={`rounded-md border px-4 py-3 ${border}`}>
      <p className={`font-semibold ${heading}`}>{title}</p>
      {children ? <div className="mt-1 text-muted">{children}</div> : null}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-md border border-dashed border-line-strong bg-surface px-6 py-10 text-center">
      <p className="font-semibold">{title}</p>
      {children ? <div className="mx-auto mt-1 max-w-prose text-muted">{children}</div> : null}
    </div>
  );
}
