// Pure: turns one write attempt into an AuditEntry (issue #9 §3). No I/O, so it is tested alone.
import { createTwoFilesPatch } from 'diff';
import { stringify } from 'yaml';
import type { AuditEntry } from './types';

export type AuditInput = Omit<AuditEntry, 'id' | 'time' | 'user' | 'groups'>;
export type AuditTarget = AuditEntry['target'];

/** Who made the attempt; a request without a scope is the studio itself (bootstrap, background). */
export interface AuditActor {
  user: string;
  groups: string[];
}

export const STUDIO_ACTOR: AuditActor = { user: 'kube-lua-studio', groups: [] };

export function buildEntry(input: AuditInput, actor: AuditActor | null, now: Date, id: string): AuditEntry {
  const who = actor ?? STUDIO_ACTOR;
  return { id, time: now.toISOString(), user: who.user, groups: [...who.groups], ...input };
}

export function targetLabel(t: AuditTarget): string {
  return `${t.kind} ${t.namespace ? `${t.namespace}/` : ''}${t.name}`;
}

/** YAML for objects (sorted as written), text as is, '' for "absent". */
function asText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.endsWith('\n') || v === '' ? v : `${v}\n`;
  return stringify(v, { lineWidth: 0 });
}

/** Unified diff of a write; '' when nothing changes. */
export function unifiedDiff(label: string, before: unknown, after: unknown): string {
  const a = asText(before);
  const b = asText(after);
  if (a === b) return '';
  return createTwoFilesPatch(`a/${label}`, `b/${label}`, a, b, undefined, undefined, { context: 3 });
}

/** Strips what changes on every write and says nothing about intent (resourceVersion, managedFields). */
export function comparable(obj: unknown): unknown {
  if (!obj || typeof obj !== 'object') return obj;
  const o = obj as { metadata?: Record<string, unknown> };
  if (!o.metadata) return obj;
  const metadata = { ...o.metadata };
  for (const k of ['resourceVersion', 'managedFields', 'generation']) delete metadata[k];
  return { ...o, metadata };
}

interface ErrorLike {
  message?: string;
  /** lib/k8s KubeRequestError carries the mapped HTTP code here */
  error?: { code?: number };
  name?: string;
}

/**
 * "refused": the cluster or the studio said no on purpose (RBAC 403, 409 conflict, 422 invalid,
 * a precondition or validation the studio checks, read-only mode); "error": anything else failed.
 */
export function outcomeOf(err: unknown): { result: 'error' | 'refused'; error: string } {
  const e = (err ?? {}) as ErrorLike;
  const error = e.message ?? String(err);
  const code = e.error?.code;
  if (typeof code === 'number') return { result: code === 401 || code === 403 || code === 404 || code === 409 || code === 422 ? 'refused' : 'error', error };
  if (e.name === 'ActionError' || e.name === 'ReadOnlyRefusal') return { result: 'refused', error };
  return { result: 'error', error };
}
