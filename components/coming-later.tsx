import type { ReactNode } from 'react';

/** Honest placeholder for a feature that is planned but not built yet: says what will come. */
export function ComingLater({ title, children, items }: { title: string; children: ReactNode; items: string[] }) {
  return (
    <section aria-label={title} className="max-w-2xl rounded-md border border-dashed border-line-strong bg-surface px-5 py-4">
      <p className="flex items-center gap-2 font-semibold">
        <span className="rounded bg-raised px-1.5 py-px text-[11px] font-semibold uppercase tracking-wide text-muted">Not yet available</span>
        {title}: coming in a later version
      </p>
      <div className="mt-2 text-muted">{children}</div>
      <ul className="mt-2 list-disc pl-5 text-muted">
        {items.map((i) => (
          <li key={i}>{i}</li>
        ))}
      </ul>
    </section>
  );
}
