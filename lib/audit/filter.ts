// Pure: the /audit page's filters, shared by /api/audit (parses the query) and the page (builds it).
import type { AuditEntry } from './types';

export interface AuditFilter {
  user?: string;
  action?: string;
  result?: AuditEntry['result'];
  /** matched (case-insensitive) against "Kind namespace/name" */
  target?: string;
  /** ISO times, inclusive */
  from?: string;
  to?: string;
}

export const AUDIT_RESULTS: AuditEntry['result'][] = ['ok', 'refused', 'error'];
const KEYS = ['user', 'action', 'result', 'target', 'from', 'to'] as const;

export function parseFilter(params: URLSearchParams): AuditFilter {
  const f: AuditFilter = {};
  for (const k of KEYS) {
    const v = params.get(k)?.trim();
    if (!v) continue;
    if (k === 'result') {
      if ((AUDIT_RESULTS as string[]).includes(v)) f.result = v as AuditEntry['result'];
    } else if (k === 'from' || k === 'to') {
      if (!Number.isNaN(Date.parse(v))) f[k] = new Date(v).toISOString();
    } else f[k] = v;
  }
  return f;
}

export function filterQuery(f: AuditFilter): string {
  const p = new URLSearchParams();
  for (const k of KEYS) if (f[k]) p.set(k, f[k]!);
  return p.toString();
}

const has = (hay: string, needle: string) => hay.toLowerCase().includes(needle.toLowerCase());

export function matches(e: AuditEntry, f: AuditFilter): boolean {
  if (f.user && !has(e.user, f.user)) return false;
  if (f.action && !has(e.action, f.action)) return false;
  if (f.result && e.result !== f.result) return false;
  if (f.target && !has(`${e.target.kind} ${e.target.namespace ? `${e.target.namespace}/` : ''}${e.target.name}`, f.target)) return false;
  if (f.from && e.time < f.from) return false;
  if (f.to && e.time > f.to) return false;
  return true;
}

/** Newest first, at most `limit`. */
export function selectEntries(entries: AuditEntry[], f: AuditFilter, limit = 500): { entries: AuditEntry[]; total: number } {
  const hits = entries.filter((e) => matches(e, f)).sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : 0));
  return { entries: hits.slice(0, limit), total: hits.length };
}
