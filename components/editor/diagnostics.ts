// Pure: the editor's problems list and markers are both built from this one merged, ordered list.
import type { LintIssue } from '@/lib/lua/lint/types';
import type { EditorDiagnostic } from './types';

const RANK = { error: 0, warning: 1, info: 2 } as const;

export function fromLint(issues: LintIssue[]): EditorDiagnostic[] {
  return issues.map((i) => ({
    severity: i.severity,
    message: i.message,
    ...(i.msg ? { msg: i.msg } : {}),
    line: i.line,
    column: i.column,
    endLine: i.endLine,
    endColumn: i.endColumn,
    source: i.rule === 'syntax' ? 'syntax' : 'lint',
  }));
}

/** The page's diagnostics and the editor's own, deduplicated, by line, column, then severity. */
export function mergeDiagnostics(own: EditorDiagnostic[], page: EditorDiagnostic[] = []): EditorDiagnostic[] {
  const seen = new Set<string>();
  const out: EditorDiagnostic[] = [];
  for (const d of [...page, ...own]) {
    const key = `${d.line}:${d.column ?? 0}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0) || RANK[a.severity] - RANK[b.severity]);
}

/** Lines as the user counts them, clamped into the text (a runtime error may name a line past the end). */
export function clampLine(line: number, text: string): number {
  const lines = text.split('\n').length;
  return Math.min(Math.max(1, Math.floor(line) || 1), lines);
}

/** Offset of a 1-based line/column in the text (for the textarea). */
export function offsetOf(text: string, line: number, column = 1): number {
  let offset = 0;
  const target = clampLine(line, text);
  for (let l = 1; l < target; l++) offset = text.indexOf('\n', offset) + 1;
  const end = text.indexOf('\n', offset);
  const lineLength = (end < 0 ? text.length : end) - offset;
  return offset + Math.min(Math.max(0, column - 1), lineLength);
}

export function countBySeverity(list: EditorDiagnostic[]): Record<EditorDiagnostic['severity'], number> {
  const c = { error: 0, warning: 0, info: 0 };
  for (const d of list) c[d.severity]++;
  return c;
}
