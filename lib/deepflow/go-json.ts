// Go `encoding/json` output for plain JSON values, as DeepFlow's server produces the plugin argument
// (simplejson.MarshalJSON over map[string]interface{}). Plugins often match on this text, so the
// bytes must agree: compact, keys sorted bytewise, HTML-safe escaping.

const HEX = '0123456789abcdef';

/** Bytewise UTF-8 order equals code point order; JS `<` compares UTF-16 units, which differs for astral vs U+E000..U+FFFF. */
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

export function goQuote(s: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string | null = null;
    if (c < 0x20 || c === 0x22 || c === 0x5c || c === 0x3c || c === 0x3e || c === 0x26 || c === 0x2028 || c === 0x2029) {
      switch (c) {
        case 0x22: esc = '\\"'; break;
        case 0x5c: esc = '\\\\'; break;
        case 0x0a: esc = '\\n'; break;
        case 0x0d: esc = '\\r'; break;
        case 0x09: esc = '\\t'; break;
        case 0x08: esc = '\\b'; break; // Go >= 1.22
        case 0x0c: esc = '\\f'; break;
        default: esc = c > 0xff ? '\\u' + c.toString(16) : '\\u00' + HEX[c >> 4] + HEX[c & 15];
      }
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const next = s.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) { i++; continue; }
      // A lone surrogate cannot be UTF-8; Go writes invalid bytes as the escaped replacement character.
      esc = '\\ufffd';
    }
    if (esc !== null) {
      out += s.slice(start, i) + esc;
      start = i + 1;
    }
  }
  return out + s.slice(start) + '"';
}

/** Numbers arrive as JS numbers (the original text is lost); Go's float format is JS's except `-0`. */
function goNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`json: unsupported value: ${n}`);
  return Object.is(n, -0) ? '-0' : String(n);
}

export function goMarshal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string': return goQuote(value);
    case 'number': return goNumber(value);
    case 'boolean': return value ? 'true' : 'false';
    case 'object': {
      if (Array.isArray(value)) return '[' + value.map(goMarshal).join(',') + ']';
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort(compareUtf8);
      return '{' + keys.map((k) => goQuote(k) + ':' + goMarshal(obj[k])).join(',') + '}';
    }
    default: throw new Error(`json: unsupported type: ${typeof value}`);
  }
}
