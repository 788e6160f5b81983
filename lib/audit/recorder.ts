import 'server-only';
// recordWrite: the one place a write attempt is recorded (issue #9 §3). The JSON-lines log always;
// a Kubernetes Event on the target when in a cluster. Never throws: the audit must not change what a
// write returns, and an Event the cluster refuses is only noted in the line.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import * as k8s from '@kubernetes/client-node';
import { clusterClient } from '@/lib/k8s/client';
import { currentViewer, runAsStudio } from '@/lib/k8s/identity';
import { buildEntry, type AuditInput } from './entry';
import { auditEvent, eventNamespace, eventsWanted } from './event';
import { LOCAL_API_VERSION } from './local';
import { appendLine } from './store';
import type { AuditEntry } from './types';

const SA_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';
const EVENT_TIMEOUT_MS = 5_000;

async function sendEvent(entry: AuditEntry): Promise<string | undefined> {
  if (entry.target.apiVersion === LOCAL_API_VERSION || !entry.context) return undefined;
  if (!eventsWanted(process.env, existsSync(SA_TOKEN))) return undefined;
  try {
    // The studio's own credentials: the user may write the object without being allowed to create Events.
    await runAsStudio(async () => {
      const api = clusterClient(entry.context).kc.makeApiClient(k8s.CoreV1Api);
      const timeout = AbortSignal.timeout(EVENT_TIMEOUT_MS);
      await Promise.race([
        api.createNamespacedEvent({ namespace: eventNamespace(entry), body: auditEvent(entry) as k8s.CoreV1Event }),
        new Promise((_, reject) => timeout.addEventListener('abort', () => reject(new Error(`no answer in ${EVENT_TIMEOUT_MS / 1000} s`)))),
      ]);
    });
    return undefined;
  } catch (e) {
    const err = e as { code?: number; message?: string };
    return `The audit Event was not created${err.code ? ` (HTTP ${err.code})` : ''}: ${(err.message ?? String(e)).slice(0, 300)}`;
  }
}

export async function recordWrite(input: AuditInput): Promise<AuditEntry> {
  const viewer = currentViewer();
  const entry = buildEntry(input, viewer && { user: viewer.user, groups: viewer.groups }, new Date(), randomUUID());
  try {
    const eventError = await sendEvent(entry);
    await appendLine(eventError ? { ...entry, eventError } : entry);
  } catch (e) {
    // the log itself is unwritable: say so where an operator looks, and let the write stand
    console.error(`[audit] could not record ${entry.action} on ${entry.target.kind} ${entry.target.name}: ${(e as Error).message}`);
  }
  return entry;
}
