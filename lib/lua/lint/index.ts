// Script lints for every dialect, in one place (issue 6 §0.5). Loads luaparse only, never the fengari
// VM, so the editor's diagnostics never wait for the engine.
import { checkSyntax, escapeWarnings } from '../syntax';
import type { LintIssue, LuaDialect } from './types';
import { profileOf } from './types';

export type { LintIssue, LuaDialect } from './types';
export { LUA_DIALECTS, profileOf } from './types';

/** Syntax errors (severity `error`) first, then the dialect's rules, sorted by position. */
export function lintLua(source: string, dialect: LuaDialect): LintIssue[] {
  const issues: LintIssue[] = [];
  const syntax = checkSyntax(source, profileOf(dialect));
  if (!syntax.ok) {
    const e = syntax.error;
    issues.push({
      severity: 'error',
      rule: 'syntax',
      line: e.line ?? 1,
      column: e.column,
      message: e.production ? `${e.message} (production: ${e.production})` : e.message,
    });
  }
  for (const w of escapeWarnings(source)) issues.push({ severity: 'warning', rule: 'escape', line: w.line, column: w.column, endColumn: w.column + 2, message: w.message });
  return issues.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
}
