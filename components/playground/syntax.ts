'use client';
import { lintLua, type LuaDialect } from '@/lib/lua/lint';

/** The first syntax error of a script, if any: a script that does not parse is not run. */
export function syntaxError(source: string, dialect: LuaDialect): { line: number; message: string } | null {
  const e = lintLua(source, dialect).find((i) => i.rule === 'syntax' && i.severity === 'error');
  return e ? { line: e.line, message: e.message } : null;
}
