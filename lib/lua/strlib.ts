// string.format / rep / upper / lower as gopher-lua behaves (lua-dialect.md §2), as JS functions so
// error positions and argument errors look like library errors.
import fengari from './fengari';
import { raise } from './raise';
import { formatFloat, formatInteger, goQuote, toInt64, decodeRune, type Spec } from './goformat';

const { lua, lauxlib, to_luastring } = fengari;

type CFunction = (L: unknown) => number;

const enc = new TextEncoder();

export function stringFormat(onTooLong: (L: unknown, what: string, bytes: number) => never, maxBytes: number): CFunction {
  return (L) => {
    const fmt: Uint8Array = lauxlib.luaL_checklstring(L, 1);
    const out: number[] = [];
    const push = (s: string) => { for (const b of enc.encode(s)) out.push(b); };
    let arg = 1;
    let i = 0;
    while (i < fmt.length) {
      const c = fmt[i++];
      if (c !== 37 /* % */) { out.push(c); continue; }
      if (fmt[i] === 37) { out.push(37); i++; continue; }
      const start = i;
      while (i < fmt.length && '-+ #0'.includes(String.fromCharCode(fmt[i]))) i++;
      const flags = String.fromCharCode(...fmt.subarray(start, i));
      let width: number | null = null;
      let precision: number | null = null;
      let w = '';
      while (i < fmt.length && fmt[i] >= 48 && fmt[i] <= 57) w += String.fromCharCode(fmt[i++]);
      if (w) width = Number(w);
      if (fmt[i] === 46 /* . */) {
        i++;
        let p = '';
        while (i < fmt.length && fmt[i] >= 48 && fmt[i] <= 57) p += String.fromCharCode(fmt[i++]);
        precision = p ? Number(p) : 0;
      }
      if (w.length > 2 || (precision !== null && precision > 99)) raise(L, 'invalid format (width or precision too long)');
      if (i >= fmt.length) raise(L, "invalid option '%' to 'format'");
      const verb = String.fromCharCode(fmt[i++]);
      const spec: Spec = { flags, width, precision, verb };
      arg++;
      switch (verb) {
        case 'd': case 'i': case 'u':
          push(formatInteger(toInt64(lauxlib.luaL_checknumber(L, arg)), { ...spec, verb: 'd' }));
          break;
        case 'o': case 'x': case 'X':
          push(formatInteger(toInt64(lauxlib.luaL_checknumber(L, arg)), spec));
          break;
        case 'c': {
          const cp = Number(toInt64(lauxlib.luaL_checknumber(L, arg)));
          // Go's %c writes the rune as UTF-8 (invalid code points as U+FFFD)
          push(cp >= 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : '\uFFFD');
          break;
        }
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
          push(formatFloat(lauxlib.luaL_checknumber(L, arg), spec));
          break;
        case 'q':
          push(goQuote(lauxlib.luaL_checklstring(L, arg)));
          break;
        case 's': {
          const bytes: Uint8Array = lauxlib.luaL_tolstring(L, arg);
          lua.lua_pop(L, 1);
          appendPadded(out, bytes, spec);
          break;
        }
        default:
          raise(L, `invalid option '%${verb}' to 'format'`);
      }
      if (out.length > maxBytes) onTooLong(L, 'string.format', out.length);
    }
    lua.lua_pushstring(L, Uint8Array.from(out));
    return 1;
  };
}

/** Go pads and truncates %s by runes, not bytes. */
function appendPadded(out: number[], bytes: Uint8Array, spec: Spec): void {
  let end = bytes.length;
  let runes = 0;
  for (let i = 0; i < bytes.length; ) {
    if (spec.precision !== null && runes === spec.precision) { end = i; break; }
    i += decodeRune(bytes, i)[1];
    runes++;
  }
  const body = bytes.subarray(0, end);
  const padding = Math.max(0, (spec.width ?? 0) - runes);
  const left = spec.flags.includes('-');
  if (!left) for (let k = 0; k < padding; k++) out.push(spec.flags.includes('0') ? 48 : 32);
  for (const b of body) out.push(b);
  if (left) for (let k = 0; k < padding; k++) out.push(32);
}

/** Lua 5.1 signature (a 3rd argument is ignored) with an output cap instead of a memory spike. */
export function stringRep(onTooLong: (L: unknown, what: string, bytes: number) => never, maxBytes: number): CFunction {
  return (L) => {
    const s: Uint8Array = lauxlib.luaL_checklstring(L, 1);
    const n = Math.trunc(lauxlib.luaL_checknumber(L, 2));
    if (n <= 0 || s.length === 0) {
      lua.lua_pushstring(L, new Uint8Array(0));
      return 1;
    }
    const total = s.length * n;
    if (total > maxBytes) onTooLong(L, 'string.rep', total);
    const out = new Uint8Array(total);
    for (let k = 0; k < n; k++) out.set(s, k * s.length);
    lua.lua_pushstring(L, out);
    return 1;
  };
}

/** Go's strings.ToUpper/ToLower: simple Unicode case mapping per rune; invalid bytes become U+FFFD. */
export function stringCase(upper: boolean): CFunction {
  return (L) => {
    const s: Uint8Array = lauxlib.luaL_checklstring(L, 1);
    let ascii = true;
    for (const b of s) if (b >= 0x80) { ascii = false; break; }
    if (ascii) {
      const out = Uint8Array.from(s, (b) => (upper ? (b >= 97 && b <= 122 ? b - 32 : b) : b >= 65 && b <= 90 ? b + 32 : b));
      lua.lua_pushstring(L, out);
      return 1;
    }
    let text = '';
    for (let i = 0; i < s.length; ) {
      const [cp, size] = decodeRune(s, i);
      i += size;
      const ch = cp < 0 ? '\uFFFD' : String.fromCodePoint(cp);
      const mapped = upper ? ch.toUpperCase() : ch.toLowerCase();
      // Go maps rune to rune; JS full mappings that expand (ß -> SS) are not applied
      text += [...mapped].length === 1 ? mapped : ch;
    }
    lua.lua_pushstring(L, enc.encode(text));
    return 1;
  };
}
