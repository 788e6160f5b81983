'use client';
import { useTranslations } from 'next-intl';
import { useConnection } from '@/lib/k8s/hooks';
import { useMsg } from './use-msg';

// Each state has its own shape as well as its colour (status is never told by colour alone).
const look = {
  connected: { icon: 'M3 8.5 6.5 12 13 4.5', cls: 'text-ok', spin: '' },
  reconnecting: { icon: 'M13 8a5 5 0 1 1-1.5-3.5M13 2.5v2.5h-2.5', cls: 'text-warn', spin: 'motion-safe:animate-spin' },
  error: { icon: 'M4 4l8 8M12 4l-8 8', cls: 'text-danger', spin: '' },
} as const;

/**
 * Live state of the watch stream; the reason is part of the accessible name, not only a tooltip.
 * Only the state word is announced (politely): the reason sits in an aria-live="off" part, so a
 * reason that changes with each watch event or retry is not read out again and again.
 */
export function ConnectionIndicator() {
  const t = useTranslations('shell.connection');
  const m = useMsg();
  const conn = useConnection();
  const { state } = conn;
  const reason = conn.reasonMsg ? m(conn.reasonMsg) : conn.reason;
  const l = look[state];
  const text = t(state);
  return (
    <div
      role="status"
      aria-live="polite"
      aria-label={reason ? t('labelWithReason', { state: text, reason }) : t('label', { state: text })}
      title={reason}
      className="flex min-w-0 items-center gap-1.5"
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" className={`h-3.5 w-3.5 shrink-0 ${l.cls} ${l.spin}`} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d={l.icon} />
      </svg>
      <span className={`font-medium ${l.cls}`}>{text}</span>
      {reason && state !== 'connected' ? (
        <span aria-live="off" className="max-w-72 truncate text-muted">
          {reason}
        </span>
      ) : null}
    </div>
  );
}
