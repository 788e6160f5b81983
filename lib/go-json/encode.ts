// Go's encoding/json output (json.Marshal: compact, HTML-safe, map keys sorted bytewise), the one
// implementation for both hosts: Kruise's Lua -> JSON encoder and DeepFlow's plugin argument.
import { decodeRune } from './utf8';
import { goJsonBehaviour, type GoJsonBehaviour, type GoVersion } from './versions';

/** json.Marshal's UnsupportedValueError (NaN, ±Inf); hosts wrap the message as their Go code does. */
export class GoJsonError extends Error {}

const HEX = '0123456789abcdef';
const behaviours = new Map<GoVersion, GoJsonBehaviour>();
function behaviourOf(go: GoVersion): GoJsonBehaviour {
  let b = behaviours.get(go);
  if (!b) behaviours.set(go, (b = goJsonBehaviour(go)));
  return b;
}

/** The escape of one code point, or null when it is written as is. */
function escapeOf(cp: number, b: GoJsonBehaviour): string | null {
  switch (cp) {
    case 0x22: return '\\"';
    case 0x5c: return '\\\\';
    case 0x0a: return '\\n';
    case 0x0d: return '\\r';
    case 0x09: return '\\t';
    case 0x08: return b.shortBackspaceFormFeed ? '\\b' : '\\u0008';
    case 0x0c: return b.shortBackspaceFormFeed ? '\\f' : '\\u000c';
    case 0x3c: return '\\u003c';
    case 0x3e: return '\\u003e';
    case 0x26: return '\\u0026';
    case 0x2028: return '\\u2028';
    case 0x2029: return '\\u2029';
  }
  return cp < 0x20 ? '\\u00' + HEX[cp >> 4] + HEX[cp & 15] : null;
}

/** A JS string as Go quotes it; a lone surrogate (not UTF-8-encodable) becomes `\ufffd` as invalid bytes do in Go. */
export function goJsonQuote(s: string, go: GoVersion): string {
  const b = behaviourOf(go);
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string | null = null;
    if (c < 0x20 || c === 0x22 || c === 0x5c || c === 0x3c || c === 0x3e || c === 0x26 || c === 0x2028 || c === 0x2029) {
      esc = escapeOf(c, b);
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const next = s.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) { i++; continue; }
      esc = '\\ufffd';
    }
    if (esc !== null) {
      out += s.slice(start, i) + esc;
      start = i + 1;
    }
  }
  return out + s.slice(start) + '"';
}

/** Lua/Go bytes as Go quotes them: each invalid UTF-8 byte becomes `\ufffd`. */
export function goJsonQuoteBytes(bytes: Uint8Array, go: GoVersion): string {
  const b = behaviourOf(go);
  let out = '"';
  for (let i = 0; i < bytes.length; ) {
    const [cp, size] = decodeRune(bytes, i);
    i += size;
    if (cp < 0) { out += '\\ufffd'; continue; }
    out += escapeOf(cp, b) ?? String.fromCodePoint(cp);
  }
  return out + '"';
}

/** A float64 as encoding/json writes it (its format equals ECMAScript's Number::toString except -0). */
export function goJsonNumber(n: number): string {
  if (Number.isNaN(n)) throw new GoJsonError('json: unsupported value: NaN');
  if (!Number.isFinite(n)) throw new GoJsonError(`json: unsupported value: ${n > 0 ? '+Inf' : '-Inf'}`);
  return Object.is(n, -0) ? '-0' : String(n);
}

/** Bytewise UTF-8 order (Go's sort of map keys) on JS strings: JS `<` compares UTF-16 units, which differs for astral vs U+E000..U+FFFF. */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1; // a surrogate starts a code point above every BMP character
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** json.Marshal of a plain JSON value (map[string]interface{} / []interface{} as Go holds it); undefined members are absent. */
export function goMarshal(value: unknown, go: GoVersion): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string': return goJsonQuote(value, go);
    case 'number': return goJsonNumber(value);
    case 'boolean': return value ? 'true' : 'false';
    case 'object': {
      if (Array.isArray(value)) return '[' + value.map((v) => goMarshal(v, go)).join(',') + ']';
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort(compareUtf8);
      return '{' + keys.map((k) => goJsonQuote(k, go) + ':' + goMarshal(obj[k], go)).join(',') + '}';
    }
    default: throw new GoJsonError(`json: unsupported type: ${typeof value}`);
  }
}
