// dkjson-compatible `decode(str [, pos [, nullval [, objectmeta, arraymeta]]])` (deepflow-tagging.md
// §10.1), written in JS for speed: the scanner reads the Lua string's bytes and builds the tables
// through the fengari API directly. It reproduces dkjson's lenient grammar (both kinds of table accept
// `key: value` pairs and bare values, separators are optional, trailing text is ignored) and its error
// returns (`nil, errpos, errmsg`) byte for byte, positions included.
import type { Fengari } from '@/lib/lua';
import { DKJSON_NUMBER_MODE, luaToNumber, type DkjsonNumberMode } from './number-mode';

export interface DecodeOptions {
  numberMode?: DkjsonNumberMode;
}

/** A decode failure that dkjson returns (never raises). */
class DecodeFailure {
  constructor(readonly pos: number, readonly message: string) {}
}

const QUOTE = 0x22, BACKSLASH = 0x5c, SLASH = 0x2f, STAR = 0x2a, NL = 0x0a, CR = 0x0d;

const ESCAPES: Record<number, number> = { 0x22: 0x22, 0x5c: 0x5c, 0x2f: 0x2f, 0x62: 0x08, 0x66: 0x0c, 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09 };

function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d); // Lua's %s: space \t \n \v \f \r (both runtimes)
}
function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
function isAlpha(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** dkjson's "line L, column C" for a 1-based byte position. */
export function jsonLocation(s: Uint8Array, where1: number): string {
  let line = 1;
  let lineStart = 0; // 1-based position of the last "\n" before `where1`
  for (let i = 0; i < s.length && i + 1 < where1; i++) {
    if (s[i] === NL) { line++; lineStart = i + 1; }
  }
  return `line ${line}, column ${where1 - lineStart}`;
}

function ascii(s: Uint8Array, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) out += String.fromCharCode(s[i]);
  return out;
}

/**
 * gopher-lua's `tonumber(text, 16)` on the four bytes after `\u` (fewer at the end of the string):
 * spaces, tabs and newlines trimmed, optional sign, hex digits only.
 */
function hex4(s: Uint8Array, at: number): number | null {
  const text = ascii(s, at, Math.min(at + 4, s.length)).replace(/^[ \n\t]+|[ \n\t]+$/g, '');
  if (!/^[+-]?[0-9a-fA-F]+$/.test(text)) return null;
  return parseInt(text, 16);
}

export function createDecode(f: Fengari, opts: DecodeOptions = {}): (L: unknown) => number {
  const { lua, to_luastring } = f;
  const numberMode = opts.numberMode ?? DKJSON_NUMBER_MODE;
  const K_JSONTYPE = to_luastring('__jsontype');
  const K_OBJECT = to_luastring('object');
  const K_ARRAY = to_luastring('array');
  let buf = new Uint8Array(256);

  function raise(L: unknown, message: string): never {
    lua.lua_pushstring(L, to_luastring(message));
    lua.lua_error(L);
    throw new Error('unreachable');
  }

  return function decode(L: unknown): number {
    const nargs: number = lua.lua_gettop(L);
    const t1 = lua.lua_type(L, 1);
    if (t1 !== lua.LUA_TSTRING && t1 !== lua.LUA_TNUMBER) {
      raise(L, `bad argument #1 to strfind (string expected, got ${t1 === lua.LUA_TNONE ? 'nil' : f.to_jsstring(lua.lua_typename(L, t1))})`);
    }
    const s: Uint8Array = lua.lua_tolstring(L, 1); // numbers are coerced, as string.find does
    const len = s.length;
    let start = 0;
    const t2 = lua.lua_type(L, 2);
    if (t2 !== lua.LUA_TNONE && t2 !== lua.LUA_TNIL) {
      if (!lua.lua_isnumber(L, 2)) {
        raise(L, `bad argument #3 to strfind (number expected, got ${f.to_jsstring(lua.lua_typename(L, t2))})`);
      }
      const n: number = lua.lua_tonumber(L, 2);
      // string.find's init: 1-based, negative counts from the end, clamped at the start.
      let i = Math.trunc(n);
      if (i !== 0) i -= 1;
      if (i < 0) i = len + i + 1;
      start = Math.max(0, i);
    }
    const nullIdx = nargs >= 3 ? 3 : -1; // absent → nil, like the Lua parameter
    // Any 4th argument, even an explicit nil, replaces the default metatables.
    const custom = nargs >= 4;
    const base: number = lua.lua_gettop(L);
    let objMetaIdx = custom ? 4 : 0;
    let arrMetaIdx = custom ? (nargs >= 5 ? 5 : -1) : 0; // -1: none (nil)
    let depth = 0;

    const defaultMeta = (kind: Uint8Array): number => {
      lua.lua_createtable(L, 0, 1);
      lua.lua_pushstring(L, kind);
      lua.lua_setfield(L, -2, K_JSONTYPE);
      // Keep it in the slot just above the arguments so later tables share it (one per decode call).
      const idx: number = lua.lua_gettop(L);
      return idx;
    };
    // Reserve two slots for the default metatables, created lazily.
    lua.lua_checkstack(L, 8);
    lua.lua_pushnil(L);
    lua.lua_pushnil(L);
    const objSlot = base + 1;
    const arrSlot = base + 2;

    const scanWhite = (p: number): number => {
      for (;;) {
        while (p < len && isSpace(s[p])) p++;
        if (p >= len) return -1;
        const c = s[p];
        if (c === 0xef && s[p + 1] === 0xbb && s[p + 2] === 0xbf) {
          p += 3;
        } else if (c === SLASH && s[p + 1] === SLASH) {
          let q = p + 2;
          while (q < len && s[q] !== NL && s[q] !== CR) q++;
          if (q >= len) return -1;
          p = q;
        } else if (c === SLASH && s[p + 1] === STAR) {
          let q = p + 2;
          while (q + 1 < len && !(s[q] === STAR && s[q + 1] === SLASH)) q++;
          if (q + 1 >= len) return -1;
          p = q + 2;
        } else {
          return p;
        }
      }
    };

    const setMeta = (isObject: boolean): void => {
      let idx = isObject ? objMetaIdx : arrMetaIdx;
      if (idx === 0) {
        const slot = isObject ? objSlot : arrSlot;
        if (lua.lua_type(L, slot) === lua.LUA_TNIL) {
          defaultMeta(isObject ? K_OBJECT : K_ARRAY);
          lua.lua_replace(L, slot);
        }
        idx = slot;
      }
      if (idx < 0) return;
      const t = lua.lua_type(L, idx);
      if (t === lua.LUA_TNIL) return;
      if (t !== lua.LUA_TTABLE) raise(L, 'bad argument #2 to setmetatable (nil or table expected)');
      lua.lua_pushvalue(L, idx);
      lua.lua_setmetatable(L, -2);
    };

    const unterminated = (what: string, where: number): DecodeFailure =>
      new DecodeFailure(len + 1, `unterminated ${what} at ${jsonLocation(s, where + 1)}`);

    const pushString = (p: number): number => {
      let last = p + 1;
      let n = 0; // bytes in buf when escapes were seen
      let escaped = false;
      for (;;) {
        let q = last;
        while (q < len && s[q] !== QUOTE && s[q] !== BACKSLASH) q++;
        if (q >= len) throw unterminated('string', p);
        if (escaped && q > last) n = append(n, last, q);
        if (s[q] === QUOTE) {
          if (!escaped) lua.lua_pushlstring(L, s.subarray(last, q), q - last);
          else lua.lua_pushlstring(L, buf.subarray(0, n), n);
          return q + 1;
        }
        if (!escaped) {
          escaped = true;
          n = append(0, last, q);
        }
        const esc = q + 1 < len ? s[q + 1] : -1;
        let done = false;
        if (esc === 0x75) {
          let value = hex4(s, q + 2);
          let pair = false;
          if (value !== null) {
            if (value >= 0xd800 && value <= 0xdbff && s[q + 6] === BACKSLASH && s[q + 7] === 0x75) {
              const low = hex4(s, q + 8);
              if (low !== null && low >= 0xdc00 && low <= 0xdfff) {
                value = (value - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
                pair = true;
              }
            }
            if (value >= 0 && value <= 0x10ffff) {
              n = appendCodePoint(n, value); // lone surrogates too (3 bytes), as dkjson's unichar does
              last = q + (pair ? 12 : 6);
              done = true;
            }
          }
        }
        if (!done) {
          // Unknown escapes keep the character itself; a backslash at the very end adds nothing.
          if (esc >= 0) n = appendByte(n, ESCAPES[esc] ?? esc);
          last = q + 2;
        }
      }
    };

    const ensure = (n: number, extra: number): void => {
      if (n + extra > buf.length) {
        const nb = new Uint8Array(Math.max(buf.length * 2, n + extra));
        nb.set(buf.subarray(0, n));
        buf = nb;
      }
    };
    const append = (n: number, from: number, to: number): number => {
      ensure(n, to - from);
      buf.set(s.subarray(from, to), n);
      return n + (to - from);
    };
    const appendByte = (n: number, b: number): number => {
      ensure(n, 1);
      buf[n] = b;
      return n + 1;
    };
    const appendCodePoint = (n: number, cp: number): number => {
      ensure(n, 4);
      if (cp <= 0x7f) buf[n++] = cp;
      else if (cp <= 0x7ff) { buf[n++] = 0xc0 | (cp >> 6); buf[n++] = 0x80 | (cp & 0x3f); }
      else if (cp <= 0xffff) { buf[n++] = 0xe0 | (cp >> 12); buf[n++] = 0x80 | ((cp >> 6) & 0x3f); buf[n++] = 0x80 | (cp & 0x3f); }
      else { buf[n++] = 0xf0 | (cp >> 18); buf[n++] = 0x80 | ((cp >> 12) & 0x3f); buf[n++] = 0x80 | ((cp >> 6) & 0x3f); buf[n++] = 0x80 | (cp & 0x3f); }
      return n;
    };

    const scanTable = (isObject: boolean, startPos: number): number => {
      const what = isObject ? 'object' : 'array';
      const close = isObject ? 0x7d : 0x5d;
      if (++depth > MAX_DEPTH) raise(L, 'stack overflow');
      lua.lua_checkstack(L, 6);
      lua.lua_createtable(L, 0, 0);
      setMeta(isObject);
      // Custom metatables may carry __newindex, which dkjson's plain assignments would honour.
      const metaIdx = isObject ? objMetaIdx : arrMetaIdx;
      const raw = metaIdx <= 0 || lua.lua_type(L, metaIdx) !== lua.LUA_TTABLE;
      let n = 0;
      let p = startPos + 1;
      for (;;) {
        p = scanWhite(p);
        if (p < 0) throw unterminated(what, startPos);
        if (s[p] === close) {
          depth--;
          return p + 1;
        }
        p = scanValue(p);
        p = scanWhite(p);
        if (p < 0) throw unterminated(what, startPos);
        let c = s[p];
        if (c === 0x3a) {
          if (lua.lua_type(L, -1) === lua.LUA_TNIL) {
            throw new DecodeFailure(p + 1, `cannot use nil as table index (at ${jsonLocation(s, p + 1)})`);
          }
          p = scanWhite(p + 1);
          if (p < 0) throw unterminated(what, startPos);
          p = scanValue(p);
          if (raw) lua.lua_rawset(L, -3);
          else lua.lua_settable(L, -3);
          p = scanWhite(p);
          if (p < 0) throw unterminated(what, startPos);
          c = s[p];
        } else {
          n++;
          if (raw) lua.lua_rawseti(L, -2, n);
          else {
            lua.lua_pushinteger(L, n);
            lua.lua_insert(L, -2);
            lua.lua_settable(L, -3);
          }
        }
        if (c === 0x2c) p++;
      }
    };

    const scanValue = (p0: number): number => {
      const p = p0;
      const c = s[p];
      if (c === 0x7b) return scanTable(true, p);
      if (c === 0x5b) return scanTable(false, p);
      if (c === QUOTE) return pushString(p);
      let q = p;
      if (s[q] === 0x2d) q++;
      const digitsFrom = q;
      while (q < len && (isDigit(s[q]) || s[q] === 0x2e)) q++;
      if (q > digitsFrom) {
        if (s[q] === 0x65 || s[q] === 0x45) q++;
        if (s[q] === 0x2b || s[q] === 0x2d) q++;
        while (q < len && isDigit(s[q])) q++;
        const num = luaToNumber(ascii(s, p, q), numberMode);
        if (num !== null) {
          lua.lua_pushnumber(L, num);
          return q;
        }
      }
      if (isAlpha(c)) {
        q = p + 1;
        while (q < len && (isAlpha(s[q]) || isDigit(s[q]))) q++;
        const name = q - p;
        if (name === 4 && c === 0x74 && s[p + 1] === 0x72 && s[p + 2] === 0x75 && s[p + 3] === 0x65) { lua.lua_pushboolean(L, true); return q; }
        if (name === 5 && c === 0x66 && s[p + 1] === 0x61 && s[p + 2] === 0x6c && s[p + 3] === 0x73 && s[p + 4] === 0x65) { lua.lua_pushboolean(L, false); return q; }
        if (name === 4 && c === 0x6e && s[p + 1] === 0x75 && s[p + 2] === 0x6c && s[p + 3] === 0x6c) { if (nullIdx > 0) lua.lua_pushvalue(L, nullIdx); else lua.lua_pushnil(L); return q; }
      }
      throw new DecodeFailure(p + 1, `no valid JSON value at ${jsonLocation(s, p + 1)}`);
    };

    try {
      const p = scanWhite(start);
      if (p < 0) throw new DecodeFailure(len + 1, 'no valid JSON value (reached the end)');
      const next = scanValue(p);
      lua.lua_pushinteger(L, next + 1);
      return 2;
    } catch (e) {
      if (!(e instanceof DecodeFailure)) throw e;
      lua.lua_settop(L, base);
      lua.lua_pushnil(L);
      lua.lua_pushinteger(L, e.pos);
      lua.lua_pushstring(L, to_luastring(e.message));
      return 3;
    }
  };
}

/**
 * gopher-lua's default call stack holds 256 frames and dkjson spends two Lua frames per nesting
 * level, so nesting beyond roughly this depth fails there with "stack overflow" (inference). The
 * limit also keeps the JS recursion bounded.
 */
const MAX_DEPTH = 120;
