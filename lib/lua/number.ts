// gopher-lua's number -> string rule (lua-dialect.md §3.1), used by tostring, `..`, print and %s:
// scripts/build-engine.mjs makes fengari's lua_number2str import this function. No imports here, as
// it is bundled into fengari itself.
const TWO_63 = 9223372036854775808;

export function formatLuaNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  // integral and int64-representable (float64(int64(n)) == n): plain decimal, -0 prints 0
  if (Number.isInteger(n) && n >= -TWO_63 && n < TWO_63) return n === 0 ? '0' : BigInt(n).toString();
  return formatShortestG(n);
}

/** Go's strconv.FormatFloat(n, 'g', -1, 64): shortest digits; exponent form when exp < -4 or exp >= 6. */
export function formatShortestG(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const e = n.toExponential();
  const at = e.indexOf('e');
  const exp = Number(e.slice(at + 1));
  if (exp < -4 || exp >= 6) return e.slice(0, at) + 'e' + goExponent(exp);
  return String(n); // positional for every exponent in [-4, 5]
}

export function goExponent(exp: number): string {
  const abs = Math.abs(exp);
  return (exp < 0 ? '-' : '+') + (abs < 10 ? '0' + abs : String(abs));
}
