// Pure parts of the JSON-lines log: one entry per line; a torn or foreign line is skipped, never fatal.
import type { AuditEntry } from './types';

/** What one line holds: the entry, plus how mirroring it as a Kubernetes Event went. */
export type AuditLine = AuditEntry & { eventError?: string };

export const AUDIT_FILE = 'audit.jsonl';
/** One previous file is kept: the log holds between MAX and 2×MAX bytes of history. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export function maxBytesFromEnv(env: Record<string, string | undefined>): number {
  const n = Number(env['STUDIO_AUDIT_MAX_BYTES']);
  return Number.isFinite(n) && n >= 1024 ? Math.floor(n) : DEFAULT_MAX_BYTES;
}

export function formatLine(line: AuditLine): string {
  return `${JSON.stringify(line)}\n`;
}

function isEntry(v: unknown): v is AuditLine {
  const e = v as Partial<AuditEntry> | null;
  return !!e && typeof e.id === 'string' && typeof e.time === 'string' && typeof e.action === 'string' && !!e.target && typeof e.target.name === 'string';
}

export function parseLines(text: string): AuditLine[] {
  const out: AuditLine[] = [];
  for (const raw of text.split('\n')) {
    const t = raw.trim();
    if (!t) continue;
    try {
      const v = JSON.parse(t);
      if (isEntry(v)) out.push(v);
    } catch {
      // a line cut short by a crash mid-append
    }
  }
  return out;
}

/** Rotate before appending when the current file would pass the cap. */
export function needsRotation(currentSize: number, lineBytes: number, max: number): boolean {
  return currentSize > 0 && currentSize + lineBytes > max;
}
