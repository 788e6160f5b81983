// Pure: the Kubernetes Event that mirrors an audit entry on its target object (core/v1), and when
// the studio sends one (in a cluster, or STUDIO_AUDIT_EVENTS=1).
import { targetLabel } from './entry';
import type { AuditEntry } from './types';

export const AUDIT_EVENT_REASON = 'KubeLuaStudioWrite';
export const AUDIT_EVENT_COMPONENT = 'kube-lua-studio';

export function eventsWanted(env: Record<string, string | undefined>, serviceAccountMounted: boolean): boolean {
  const v = (env['STUDIO_AUDIT_EVENTS'] ?? '').trim().toLowerCase();
  if (v === '0' || v === 'false' || v === 'no') return false;
  if (v !== '') return true;
  return !!env['KUBERNETES_SERVICE_HOST'] && serviceAccountMounted;
}

/** Events are namespaced; a cluster-scoped target's Event goes to "default", as kubectl's do. */
export function eventNamespace(e: AuditEntry): string {
  return e.target.namespace || 'default';
}

export function eventMessage(e: AuditEntry): string {
  const rv = e.resourceVersionAfter ? ` (resourceVersion ${e.resourceVersionBefore ?? 'none'} → ${e.resourceVersionAfter})` : '';
  const tail = e.result === 'ok' ? `ok${rv}` : `${e.result}: ${e.error ?? ''}`;
  // the API server caps messages; the full diff stays in the JSON-lines log
  return `${e.user} ${e.action} ${targetLabel(e.target)}: ${tail}`.slice(0, 1000);
}

export function auditEvent(e: AuditEntry): object {
  const ns = eventNamespace(e);
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${e.target.name.slice(0, 200)}.kls-${e.id.replace(/[^a-z0-9]/g, '').slice(0, 20)}`, namespace: ns, labels: { 'app.kubernetes.io/managed-by': 'kube-lua-studio' } },
    involvedObject: { apiVersion: e.target.apiVersion, kind: e.target.kind, name: e.target.name, ...(e.target.namespace ? { namespace: e.target.namespace } : {}), ...(e.resourceVersionAfter ? { resourceVersion: e.resourceVersionAfter } : {}) },
    reason: AUDIT_EVENT_REASON,
    message: eventMessage(e),
    type: e.result === 'ok' ? 'Normal' : 'Warning',
    source: { component: AUDIT_EVENT_COMPONENT },
    reportingComponent: AUDIT_EVENT_COMPONENT,
    reportingInstance: AUDIT_EVENT_COMPONENT,
    action: e.action,
    firstTimestamp: e.time,
    lastTimestamp: e.time,
    count: 1,
  };
}
