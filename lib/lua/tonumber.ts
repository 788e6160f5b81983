// gopher-lua's `tonumber` (baseToNumber), which is not Lua 5.1's: a string that contains "." is read
// with Go's strconv.ParseFloat, anything else with strconv.ParseInt(str, base, 64) after an optional
// "0x" prefix (only when no base is given). So `tonumber("1e3")` is nil in production while
// `"1e3" + 0` is 1000 (arithmetic coercion uses a different parser). Leading/trailing " \t\n" are
// trimmed; out-of-range values give nil.

const DECIMAL_FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const HEX_FLOAT = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?\d+)$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function trimGo(s: string): string {
  return s.replace(/^[ \t\n]+|[ \t\n]+$/g, '');
}

function parseFloatGo(s: string): number | null {
  if (DECIMAL_FLOAT.test(s)) {
    const v = Number(s);
    return Number.isFinite(v) ? v : null; // ParseFloat reports ErrRange for overflow
  }
  const hex = HEX_FLOAT.exec(s);
  if (hex && (hex[2] || hex[3])) {
    const mantissa = parseInt(hex[2] + hex[3] || '0', 16) / 16 ** hex[3].length;
    const v = (hex[1] === '-' ? -1 : 1) * mantissa * 2 ** Number(hex[4]);
    return Number.isFinite(v) ? v : null;
  }
  return null;
}

function parseIntGo(s: string, base: number): number | null {
  if (base < 2 || base > 36) return null;
  const m = /^([+-]?)([0-9a-zA-Z]+)$/.exec(s);
  if (!m) return null;
  let v = 0n;
  const b = BigInt(base);
  for (const ch of m[2].toLowerCase()) {
    const d = parseInt(ch, 36);
    if (d >= base) return null;
    v = v * b + BigInt(d);
  }
  if (m[1] === '-') v = -v;
  if (v < INT64_MIN || v > INT64_MAX) return null;
  return Number(v);
}

/** `tonumber(str [, base])` for a string argument, as gopher-lua computes it; null means nil. */
export function gopherToNumber(str: string, base?: number): number | null {
  let s = trimGo(str);
  if (s.includes('.')) return parseFloatGo(s);
  let b = base ?? 10;
  if (base === undefined && s.toLowerCase().startsWith('0x')) {
    b = 16;
    s = s.slice(2);
  }
  return parseIntGo(s, b);
}
