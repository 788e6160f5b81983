// Script lints for every dialect, in one place (issue 6 §0.5). Loads luaparse only, never the fengari
// VM, so the editor's diagnostics never wait for the engine. The rules run on a tolerant parse (5.2+
// escapes neutralised) and fall back to tokens when the grammar fails: a lint never comes back empty
// because its own parse failed.
import { checkSyntax, escapeWarnings, parseForLint } from '../syntax';
import { findLoadNilMerges } from '../gopher-loadnil';
import { astRules, tokenRules } from './rules';
import { tokenize } from './tokens';
import type { LintIssue, LuaDialect } from './types';
import { profileOf } from './types';

export type { LintIssue, LuaDialect } from './types';
export { LUA_DIALECTS, profileOf } from './types';

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** Syntax errors (severity `error`) and the dialect's rules, sorted by position. */
export function lintLua(source: string, dialect: LuaDialect): LintIssue[] {
  const issues: LintIssue[] = [];
  const seen = new Set<string>();
  const add = (i: LintIssue) => {
    const key = `${i.line}:${i.column ?? 0}:${i.rule}:${i.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(i);
    }
  };
  const profile = profileOf(dialect);
  const syntax = checkSyntax(source, profile);
  if (!syntax.ok) {
    const e = syntax.error;
    add({ severity: 'error', rule: 'syntax', line: e.line ?? 1, column: e.column, message: e.production ? `${e.message} (production: ${e.production})` : e.message });
  }
  for (const w of escapeWarnings(source)) add({ severity: 'warning', rule: 'escape', line: w.line, column: w.column, endColumn: w.column + 2, message: w.message, msg: w.msg });
  const chunk = syntax.ok ? parseForLint(source, profile) : null;
  if (chunk) astRules(chunk, source, dialect, add);
  // Both production builds have gopher-lua's LOADNIL miscompile (docs/differences.md); the preview
  // computes production's answer, and this says why it differs from what the text suggests.
  if (syntax.ok) for (const m of findLoadNilMerges(source)) add({ severity: 'warning', rule: 'gopher-loadnil', line: m.line, column: m.column, message: m.message, msg: m.msg });
  else tokenRules(tokenize(source), dialect, add);
  return issues.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0) || RANK[a.severity] - RANK[b.severity]);
}
