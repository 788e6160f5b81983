'use client';
// Read-only mode in the UI: a badge in the header, a notice wherever a change can be started.
import { READ_ONLY_NOTICE, READ_ONLY_REASON } from '@/lib/security/read-only-notice';
import { useReadOnly } from '@/lib/security/use-studio-info';

export function ReadOnlyBadge() {
  if (!useReadOnly()) return null;
  return (
    <span role="status" aria-label="Studio mode" title={READ_ONLY_REASON} className="rounded border border-warn/50 bg-warn-soft px-1.5 py-px text-[11px] font-semibold uppercase tracking-wide text-warn">
      Read-only
    </span>
  );
}

export function ReadOnlyNotice() {
  if (!useReadOnly()) return null;
  return (
    <p role="note" aria-label="Read-only" className="rounded border border-warn/50 bg-warn-soft px-3 py-1.5 text-[12px]">
      {READ_ONLY_NOTICE}: changes made here are refused.
    </p>
  );
}
