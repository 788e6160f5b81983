'use client';
import { useFormatter } from 'next-intl';
import { useNow } from './use-now';

/** kubectl's compact age format: 45s, 12m, 3h, 9d (the same in every language, as kubectl prints it). */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 120) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h`;
  return `${Math.floor(h / 24)}d`;
}

export function Age({ timestamp }: { timestamp?: string }) {
  const now = useNow();
  const format = useFormatter();
  if (!timestamp) return <span className="text-muted">—</span>;
  const t = Date.parse(timestamp);
  // `now` is 0 during server rendering; show nothing rather than a wrong age that then jumps.
  if (!now || Number.isNaN(t)) return <time dateTime={timestamp} />;
  return (
    <time dateTime={timestamp} title={format.dateTime(new Date(t), { dateStyle: 'medium', timeStyle: 'medium' })}>
      {formatAge(Math.max(now, Date.now()) - t)}
    </time>
  );
}
