// Go fmt verbs as gopher-lua's string.format uses them (it hands each Lua spec to Go's Sprintf):
// %d truncates floats to int64, %g without a precision is Go's shortest form, %q is Go quoting,
// ±Inf print as +Inf/-Inf. Pure functions of JS values; lib/lua/strlib.ts feeds them from the stack.
import { formatShortestG, goExponent } from './number';
import { decodeRune } from '@/lib/go-json/utf8';

export { decodeRune };

export interface Spec {
  flags: string;
  width: number | null;
  precision: number | null;
  verb: string;
}

const TWO_63 = 9223372036854775808;

/** Go's int64(float64) on amd64: truncation; NaN, ±Inf and out-of-range give math.MinInt64. */
export function toInt64(n: number): bigint {
  if (!Number.isFinite(n) || n >= TWO_63 || n < -TWO_63) return -9223372036854775808n;
  return BigInt(Math.trunc(n));
}

function pad(body: string, sign: string, spec: Spec, zeroAllowed: boolean): string {
  const width = spec.width ?? 0;
  const len = [...sign + body].length;
  if (len >= width) return sign + body;
  if (spec.flags.includes('-')) return sign + body + ' '.repeat(width - len);
  if (zeroAllowed && spec.flags.includes('0')) return sign + '0'.repeat(width - len) + body;
  return ' '.repeat(width - len) + sign + body;
}

function signOf(negative: boolean, spec: Spec): string {
  if (negative) return '-';
  if (spec.flags.includes('+')) return '+';
  if (spec.flags.includes(' ')) return ' ';
  return '';
}

export function formatInteger(v: bigint, spec: Spec): string {
  const negative = v < 0n;
  const abs = negative ? -v : v;
  let digits: string;
  switch (spec.verb) {
    case 'o': digits = abs.toString(8); break;
    case 'x': digits = abs.toString(16); break;
    case 'X': digits = abs.toString(16).toUpperCase(); break;
    default: digits = abs.toString(10);
  }
  if (spec.precision !== null) {
    if (spec.precision === 0 && abs === 0n) digits = '';
    else if (digits.length < spec.precision) digits = '0'.repeat(spec.precision - digits.length) + digits;
  }
  if (spec.flags.includes('#')) {
    if (spec.verb === 'o' && !digits.startsWith('0')) digits = '0' + digits;
    if (spec.verb === 'x') digits = '0x' + digits;
    if (spec.verb === 'X') digits = '0X' + digits;
  }
  return pad(digits, signOf(negative, spec), spec, spec.precision === null);
}

export function formatFloat(n: number, spec: Spec): string {
  if (Number.isNaN(n)) return pad('NaN', spec.flags.includes('+') ? '+' : spec.flags.includes(' ') ? ' ' : '', spec, false);
  if (!Number.isFinite(n)) return pad('Inf', n < 0 ? '-' : '+', spec, false);
  const negative = n < 0 || Object.is(n, -0);
  const abs = Math.abs(n);
  const upper = spec.verb === 'E' || spec.verb === 'G';
  let body: string;
  switch (spec.verb) {
    case 'e':
    case 'E':
      body = expForm(abs, spec.precision ?? 6);
      break;
    case 'f':
    case 'F':
      body = fixed(abs, spec.precision ?? 6);
      break;
    default:
      body = spec.precision === null ? formatShortestG(abs) : precisionG(abs, spec.precision === 0 ? 1 : spec.precision, spec.flags.includes('#'));
  }
  if (upper) body = body.toUpperCase();
  return pad(body, signOf(negative, spec), spec, true);
}

function expForm(abs: number, prec: number): string {
  const e = abs.toExponential(Math.min(prec, 100));
  const at = e.indexOf('e');
  return e.slice(0, at) + 'e' + goExponent(Number(e.slice(at + 1)));
}

function fixed(abs: number, prec: number): string {
  if (abs >= 1e21) return BigInt(abs).toString() + (prec > 0 ? '.' + '0'.repeat(prec) : '');
  return abs.toFixed(Math.min(prec, 100));
}

function precisionG(abs: number, prec: number, keepZeros: boolean): string {
  if (abs === 0) return '0';
  const p = abs.toExponential(Math.min(prec, 100) - 1);
  const at = p.indexOf('e');
  const exp = Number(p.slice(at + 1));
  let digits = p.slice(0, at).replace('.', '');
  if (!keepZeros) digits = digits.replace(/0+$/, '') || '0';
  const nd = digits.length;
  const dp = exp + 1;
  let eprec = prec;
  if (eprec > nd && nd >= dp) eprec = nd;
  if (exp < -4 || exp >= eprec) {
    return digits[0] + (nd > 1 ? '.' + digits.slice(1) : '') + 'e' + goExponent(exp);
  }
  const decimals = Math.max(nd - dp, 0);
  return abs.toFixed(decimals);
}

/** Go's strconv.Quote over Lua bytes: invalid UTF-8 bytes become \xNN, valid text stays as is. */
export function goQuote(bytes: Uint8Array): string {
  let out = '"';
  let i = 0;
  while (i < bytes.length) {
    const [cp, size] = decodeRune(bytes, i);
    if (cp < 0) {
      out += '\\x' + bytes[i].toString(16).padStart(2, '0');
      i += 1;
      continue;
    }
    i += size;
    const ch = String.fromCodePoint(cp);
    switch (ch) {
      case '"': out += '\\"'; continue;
      case '\\': out += '\\\\'; continue;
      case '\x07': out += '\\a'; continue;
      case '\b': out += '\\b'; continue;
      case '\f': out += '\\f'; continue;
      case '\n': out += '\\n'; continue;
      case '\r': out += '\\r'; continue;
      case '\t': out += '\\t'; continue;
      case '\v': out += '\\v'; continue;
    }
    if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp !== 0x20 && /[\p{C}\p{Z}]/u.test(ch)) out += cp > 0xffff ? '\\U' + cp.toString(16).padStart(8, '0') : '\\u' + cp.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}
