// Per-profile syntax check. fengari compiles Lua 5.3, so 5.2+ grammar must be rejected here first:
// kruise = gopher-lua at Kruise's pin (5.1, no goto), deepflow = gopher-lua v1.1.1 (5.1 + goto).
// 5.2+ string escapes are not errors: the bundled lexer reads them as gopher-lua does ("\x41" is
// "x41"), and `escapeWarnings` tells the author that this is probably not what they meant.
import { parse } from 'luaparse';
import type { Chunk } from 'luaparse';
import type { LuaFailure, LuaProfile } from './types';
import type { Msg } from '../i18n/message';
import { lintText } from './lint/lint-text';

type SyntaxResult = { ok: true } | { ok: false; error: LuaFailure };

interface LuaparseError extends Error {
  line?: number;
  column?: number;
  index?: number;
}

// A routing preview loads the same script once per step (a fresh state each, as Kruise does), and a
// tagging batch once per pod: parsing dominates a step's cost, so verdicts are remembered per source.
const verdicts = new Map<string, SyntaxResult>();
const MAX_VERDICTS = 64;

export function checkSyntax(source: string, profile: LuaProfile): SyntaxResult {
  const key = `${profile}\u0000${source}`;
  const known = verdicts.get(key);
  if (known) return known;
  // Shared between callers: frozen so that nobody can edit a cached error in place.
  const verdict = parseVerdict(source, profile);
  if (!verdict.ok) Object.freeze(verdict.error);
  Object.freeze(verdict);
  if (verdicts.size >= MAX_VERDICTS) verdicts.delete(verdicts.keys().next().value as string);
  verdicts.set(key, verdict);
  return verdict;
}

function parseVerdict(source: string, profile: LuaProfile): SyntaxResult {
  try {
    parse(neutralizeEscapes(source), { luaVersion: profile === 'kruise' ? '5.1' : '5.2', comments: false, scope: false, locations: false });
  } catch (e) {
    return { ok: false, error: fromLuaparse(e as LuaparseError, source, profile) };
  }
  return { ok: true };
}

/**
 * The AST the lints walk, parsed as the dialect's grammar with unknown escapes neutralised (positions
 * unchanged), so that a `"\q"` never costs a script its lints. `null` only when the grammar itself fails.
 */
export function parseForLint(source: string, profile: LuaProfile): Chunk | null {
  try {
    return parse(neutralizeEscapes(source), { luaVersion: profile === 'kruise' ? '5.1' : '5.2', comments: false, scope: true, locations: true, ranges: true });
  } catch {
    return null;
  }
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

export interface SyntaxWarning { line: number; column: number; message: string; msg: Msg }

/** Every 5.2+ escape (`\x41`, `\z`, `\u{..}`) in string literals: gopher-lua keeps the letter. */
export function escapeWarnings(source: string): SyntaxWarning[] {
  return scanEscapes(source).filter((e) => 'xzu'.includes(e.esc)).map(({ esc, line, column }) => {
    const shown = esc === 'u' ? '\\u{...}' : `\\${esc}`;
    const text = esc === 'z' ? lintText('escape.z') : lintText('escape.letter', { shown, read: `\\${esc}`, esc });
    return { line, column, ...text };
  });
}

const LUA51_ESCAPES = new Set(['a', 'b', 'f', 'n', 'r', 't', 'v', '\\', '"', "'", '\n', '\r']);

/**
 * luaparse validates escapes by its luaVersion (5.2 for DeepFlow's goto), while gopher-lua's 5.1 lexer
 * keeps the letter of any unknown escape. Turning `\q` into `\\q` (same length, so positions hold)
 * lets luaparse judge only the grammar.
 */
function neutralizeEscapes(source: string): string {
  const unknown = scanEscapes(source).filter((e) => e.esc !== undefined && !LUA51_ESCAPES.has(e.esc) && !/[0-9]/.test(e.esc) && e.esc !== 'z');
  if (unknown.length === 0) return source;
  const chars = source.split('');
  for (const e of unknown) chars[e.index + 1] = '\\';
  return chars.join('');
}

interface EscapeAt { index: number; esc: string; line: number; column: number }

function scanEscapes(source: string): EscapeAt[] {
  const found: EscapeAt[] = [];
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
          found.push({ index: i, esc, line, column: i - lineStart + 1 });
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
  return found;
}
