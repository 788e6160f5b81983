// Per-profile syntax check. fengari compiles Lua 5.3, so anything 5.2+ must be rejected here first:
// kruise = gopher-lua at Kruise's pin (5.1, no goto), deepflow = gopher-lua v1.1.1 (5.1 + goto).
import { parse } from 'luaparse';
import type { LuaFailure, LuaProfile } from './types';

type SyntaxResult = { ok: true } | { ok: false; error: LuaFailure };

interface LuaparseError extends Error {
  line?: number;
  column?: number;
  index?: number;
}

export function checkSyntax(source: string, profile: LuaProfile): SyntaxResult {
  try {
    parse(source, { luaVersion: profile === 'kruise' ? '5.1' : '5.2', comments: false, scope: false, locations: false });
  } catch (e) {
    return { ok: false, error: fromLuaparse(e as LuaparseError, source, profile) };
  }
  const escape = findNewEscape(source);
  if (escape) return { ok: false, error: escape };
  return { ok: true };
}

function fromLuaparse(e: LuaparseError, source: string, profile: LuaProfile): LuaFailure {
  const line = e.line ?? 1;
  const column = (e.column ?? 0) + 1;
  const text = e.message.replace(/^\[\d+:\d+\]\s*/, '');
  const near = /near '(.*)'$/.exec(text)?.[1];
  const atEof = near === '<eof>';
  // luaparse reports "'=' expected" where an expression statement is not a call; gopher-lua's
  // grammar rejects the same statement with "parse error" (e.g. `goto cont` at Kruise's pin).
  const kind = /^'=' expected/.test(text) ? 'parse error' : 'syntax error';
  const production = atEof
    ? '<string> at EOF:   syntax error'
    : `<string> line:${line}(column:${column}) near '${near ?? ''}':   ${kind}`;
  let message = `<string>:${line}: ${text}`;
  if (profile === 'kruise' && usesGoto(source, e.index)) {
    message = `<string>:${line}: goto/labels are not supported by gopher-lua at Kruise's pin (Lua 5.1): ${text}`;
  }
  return { kind: 'syntax', message, production, line, column };
}

function usesGoto(source: string, index: number | undefined): boolean {
  if (index === undefined) return false;
  const before = source.slice(Math.max(0, index - 80), index);
  return /\bgoto\s+[A-Za-z_]\w*\s*$/.test(before) || /\bgoto\s*$/.test(before) || source.slice(index, index + 2) === '::';
}

/**
 * luaparse accepts `\x41`, `\z` and `\u{..}` even in 5.1 mode; fengari would read them as 5.3 escapes
 * while gopher-lua reads `"\x41"` as `x41` and fails on `\z` before a line break. Rejecting them
 * keeps the preview from silently disagreeing with production.
 */
function findNewEscape(source: string): LuaFailure | null {
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const n = source.length;
  const longBracket = (at: number): number => {
    // returns the level of `[=*[` at `at`, or -1
    if (source[at] !== '[') return -1;
    let j = at + 1;
    while (source[j] === '=') j++;
    return source[j] === '[' ? j - at - 1 : -1;
  };
  const skipLong = (at: number, level: number): number => {
    const close = ']' + '='.repeat(level) + ']';
    const end = source.indexOf(close, at);
    const stop = end < 0 ? n : end + close.length;
    for (let k = at; k < stop; k++) if (source[k] === '\n') { line++; lineStart = k + 1; }
    return stop;
  };
  while (i < n) {
    const c = source[i];
    if (c === '\n') { line++; lineStart = i + 1; i++; continue; }
    if (c === '-' && source[i + 1] === '-') {
      const level = longBracket(i + 2);
      if (level >= 0) { i = skipLong(i + 2, level); continue; }
      while (i < n && source[i] !== '\n') i++;
      continue;
    }
    if (c === '[') {
      const level = longBracket(i);
      if (level >= 0) { i = skipLong(i, level); continue; }
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      i++;
      while (i < n && source[i] !== c && source[i] !== '\n') {
        if (source[i] === '\\') {
          const esc = source[i + 1];
          if (esc === 'x' || esc === 'z' || esc === 'u') {
            const column = i - lineStart + 1;
            const shown = esc === 'u' ? '\\u{...}' : `\\${esc}`;
            const reading = esc === 'z' ? 'fails with "unterminated string" before a line break' : `reads "\\${esc}" as "${esc}"`;
            return {
              kind: 'syntax',
              message: `<string>:${line}: the ${shown} escape is Lua 5.2+; gopher-lua ${reading} (use a decimal escape such as \\65)`,
              line,
              column,
            };
          }
          if (esc === '\n') { line++; lineStart = i + 2; }
          i += 2;
          continue;
        }
        i++;
      }
      i++;
      continue;
    }
    i++;
  }
  return null;
}
