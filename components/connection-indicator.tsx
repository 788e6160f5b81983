'use client';
import { useConnection } from '@/lib/k8s/hooks';

const look = {
  connected: { dot: 'bg-ok', text: 'Connected', cls: 'text-ok' },
  reconnecting: { dot: 'bg-warn animate-pulse', text: 'Reconnecting', cls: 'text-warn' },
  error: { dot: 'bg-danger', text: 'Connection error', cls: 'text-danger' },
} as const;

/** Live state of the watch stream; the reason is part of the accessible text, not only a tooltip. */
export function ConnectionIndicator() {
  const { state, reason } = useConnection();
  const l = look[state];
  return (
    <div role="status" aria-live="polite" aria-label={`Cluster connection: ${l.text}${reason ? ` — ${reason}` : ''}`} title={reason} className="flex min-w-0 items-center gap-1.5">
      <span aria-hidden="true" className={`h-2 w-2 shrink-0 rounded-full ${l.dot}`} />
      <span className={`font-medium ${l.cls}`}>{l.text}</span>
      {reason && state !== 'connected' ? <span className="max-w-72 truncate text-muted">{reason}</span> : null}
    </div>
  );
}
