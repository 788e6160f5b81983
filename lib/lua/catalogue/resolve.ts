// Which catalogue entries apply at a cursor: the dotted/colon chain before it (`client:corev1():pods("x"):`),
// with locals bound to `require` results or to other chains resolved from the source text. Textual on
// purpose: it must work on a half-typed line that does not parse.
import type { LuaDialect } from '../lint/types';
import { catalogueFor } from './index';
import type { CatalogueItem } from './types';

export interface ChainAt {
  /** Names before the last separator, e.g. `['client', 'corev1', 'pods']`. */
  path: string[];
  /** What is typed after it (the word being completed). */
  prefix: string;
  /** `.` or `:` before the prefix, or '' at a bare name. */
  separator: '.' | ':' | '';
}

/** The chain ending at the end of `before` (the line's text up to the cursor), or null inside a string or comment. */
export function chainAt(before: string): ChainAt | null {
  if (insideStringOrComment(before)) return null;
  const prefix = /[A-Za-z_][A-Za-z0-9_]*$/.exec(before)?.[0] ?? '';
  let i = before.length - prefix.length;
  const sep = before[i - 1];
  if (sep !== '.' && sep !== ':') return /[.:]\s*$/.test(before.slice(0, i)) ? null : { path: [], prefix, separator: '' };
  if (sep === '.' && before[i - 2] === '.') return null; // `..` concatenation
  i -= 1;
  const path = parseChainBackwards(before.slice(0, i));
  return path ? { path, prefix, separator: sep } : null;
}

function parseChainBackwards(text: string): string[] | null {
  const names: string[] = [];
  let i = text.length;
  for (;;) {
    // skip call arguments: (...), "..." or {...}
    while (i > 0 && (text[i - 1] === ')' || text[i - 1] === '}' || text[i - 1] === '"' || text[i - 1] === "'")) {
      const close = text[i - 1];
      const open = close === ')' ? '(' : close === '}' ? '{' : close;
      let depth = 0;
      let j = i - 1;
      for (; j >= 0; j--) {
        const c = text[j];
        if (open === close) {
          if (c === open && j < i - 1) break;
          continue;
        }
        if (c === close) depth++;
        else if (c === open && --depth === 0) break;
      }
      if (j < 0) return null;
      i = j;
    }
    const m = /[A-Za-z_][A-Za-z0-9_]*$/.exec(text.slice(0, i));
    if (!m) return null;
    names.unshift(m[0]);
    i -= m[0].length;
    const s = text[i - 1];
    if ((s === '.' && text[i - 2] !== '.') || s === ':') i -= 1;
    else break;
  }
  return names;
}

function insideStringOrComment(line: string): boolean {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '-' && line[i + 1] === '-') return true;
  }
  return quote !== null;
}

type Binding = { module: string } | { chain: string[] };

/** `local x = require "m"` and `local x = a.b:c(...)` bindings in the source (last one wins). */
export function bindingsOf(source: string): Map<string, Binding> {
  const out = new Map<string, Binding>();
  const re = /(?:^|[\s;])(?:local\s+)?([A-Za-z_]\w*)\s*=\s*([^\n;]+)/g;
  for (const m of source.matchAll(re)) {
    const rhs = m[2].trim();
    const req = /^require\s*\(?\s*["']([\w.\-/]+)["']\s*\)?/.exec(rhs);
    if (req) {
      out.set(m[1], { module: req[1] });
      continue;
    }
    const chain = /^[A-Za-z_][\w.:]*(?:\([^()\n]*\)|\s*"[^"\n]*"|\s*'[^'\n]*')?(?:[.:][A-Za-z_]\w*(?:\([^()\n]*\))?)*/.exec(rhs)?.[0];
    if (chain && /[.:(]/.test(chain)) {
      const path = parseChainBackwards(chain.replace(/\s+/g, ''));
      if (path && path[0] !== m[1]) out.set(m[1], { chain: path });
    }
  }
  return out;
}

/**
 * The catalogue entry a chain names. Calling an entry (`api.Client:new(conf)`) gives its members, so
 * `client:corev1()` resolves through the binding of `client` to `api.Client:new(...)`.
 */
export function resolveChain(dialect: LuaDialect, path: string[], source: string): CatalogueItem | undefined {
  const cat = catalogueFor(dialect);
  const bindings = bindingsOf(source);
  const walk = (names: string[], depth: number): CatalogueItem | undefined => {
    if (names.length === 0 || depth > 8) return undefined;
    const [head, ...rest] = names;
    const bound = bindings.get(head);
    let item: CatalogueItem | undefined;
    if (bound && 'module' in bound) item = cat.modules[bound.module];
    else if (bound && 'chain' in bound) item = walk(bound.chain, depth + 1);
    else item = cat.globals.find((g) => g.name === head) ?? cat.modules[head];
    for (const name of rest) item = item?.members?.find((m) => m.name === name);
    return item;
  };
  return walk(path, 0);
}

/** Completion candidates at the chain (globals and bound module locals at a bare name). */
export function completionsAt(dialect: LuaDialect, at: ChainAt, source: string): CatalogueItem[] {
  if (at.path.length === 0) {
    const cat = catalogueFor(dialect);
    return cat.globals;
  }
  const members = resolveChain(dialect, at.path, source)?.members ?? [];
  // After `:` only methods make sense; after `.` everything.
  return at.separator === ':' ? members.filter((m) => m.kind === 'method' || m.kind === 'function') : members;
}

/** The entry under the cursor for hover: the chain up to and including the word at `column`. */
export function hoverAt(dialect: LuaDialect, line: string, column: number, source: string): CatalogueItem | undefined {
  const word = /[A-Za-z_][A-Za-z0-9_]*/g;
  for (const m of line.matchAll(word)) {
    const start = m.index ?? 0;
    if (column - 1 < start || column - 1 > start + m[0].length) continue;
    const at = chainAt(line.slice(0, start + m[0].length));
    if (!at) return undefined;
    return resolveChain(dialect, [...at.path, at.prefix], source);
  }
  return undefined;
}
