// The library functions that push one value per element onto gopher-lua's registry, written as
// gopher-lua has them (tablelib.go `tableConcat`, baselib.go `baseUnpack`, stringlib.go `strByte`,
// the same at Kruise's pin and v1.1.1): raw reads, gopher's argument rules and clamping, and
// "registry overflow" at the same element as production (registry.ts).
import fengari from './fengari';
import { raiseGopher, registryOverflow, registryRoom } from './registry';

const { lua, lauxlib, to_jsstring } = fengari;

type CFunction = (L: unknown) => number;

/** gopher `OptInt`: nil or none gives the default, a number is truncated, anything else is an argument error (no string coercion). */
function optInt(L: unknown, n: number, d: number): number {
  const t = lua.lua_type(L, n);
  if (t === lua.LUA_TNONE || t === lua.LUA_TNIL) return d;
  if (t !== lua.LUA_TNUMBER) lauxlib.luaL_checktype(L, n, lua.LUA_TNUMBER);
  return Math.trunc(lua.lua_tonumber(L, n));
}

/** gopher `OptString`: nil or none gives the default; a number is an argument error. */
function optString(L: unknown, n: number, d: Uint8Array): Uint8Array {
  const t = lua.lua_type(L, n);
  if (t === lua.LUA_TNONE || t === lua.LUA_TNIL) return d;
  if (t !== lua.LUA_TSTRING) lauxlib.luaL_checktype(L, n, lua.LUA_TSTRING);
  return lua.lua_tolstring(L, n);
}

function rawGetInt(L: unknown, t: number, i: number): void {
  if ((i | 0) === i) lua.lua_rawgeti(L, t, i);
  else { lua.lua_pushnumber(L, i); lua.lua_rawget(L, t); }
}

const EMPTY = new Uint8Array(0);

export function tableConcat(onTooLong: (L: unknown, what: string, bytes: number) => never, maxBytes: number): CFunction {
  return (L) => {
    lauxlib.luaL_checktype(L, 1, lua.LUA_TTABLE);
    const sep = optString(L, 2, EMPTY);
    const len = lua.lua_rawlen(L, 1);
    let i = optInt(L, 3, 1);
    let j = optInt(L, 4, len);
    if (lua.lua_gettop(L) === 3 && (i > len || i < 1)) { lua.lua_pushstring(L, EMPTY); return 1; }
    i = Math.max(Math.min(i, len), 1);
    j = Math.min(j, len);
    if (i > j) { lua.lua_pushstring(L, EMPTY); return 1; }
    // gopher pushes every value and a separator after each but the last, then the result
    const room = registryRoom(L);
    const parts: Uint8Array[] = [];
    let bytes = 0;
    for (let k = i, pushed = 0; k <= j; k++) {
      rawGetInt(L, 1, k);
      const t = lua.lua_type(L, -1);
      if (t !== lua.LUA_TSTRING && t !== lua.LUA_TNUMBER) {
        raiseGopher(L, `invalid value (${to_jsstring(lua.lua_typename(L, t))}) at index ${k} in table for concat`);
      }
      if (++pushed > room) registryOverflow(L);
      const s: Uint8Array = lua.lua_tolstring(L, -1);
      lua.lua_pop(L, 1);
      parts.push(s);
      bytes += s.length;
      if (k !== j) {
        if (++pushed > room) registryOverflow(L);
        parts.push(sep);
        bytes += sep.length;
      } else if (pushed + 1 > room) {
        registryOverflow(L);
      }
      if (bytes > maxBytes) onTooLong(L, 'table.concat', bytes);
    }
    const out = new Uint8Array(bytes);
    let at = 0;
    for (const p of parts) { out.set(p, at); at += p.length; }
    lua.lua_pushstring(L, out);
    return 1;
  };
}

/** Lua 5.1's global `unpack` as gopher-lua has it (no `table.unpack`). */
export const baseUnpack: CFunction = (L) => {
  lauxlib.luaL_checktype(L, 1, lua.LUA_TTABLE);
  const start = optInt(L, 2, 1);
  const end = optInt(L, 3, lua.lua_rawlen(L, 1));
  const n = end - start + 1;
  if (n <= 0) return 0;
  if (n > registryRoom(L)) registryOverflow(L);
  lauxlib.luaL_checkstack(L, n, null);
  for (let i = start; i <= end; i++) rawGetInt(L, 1, i);
  return n;
};

/**
 * gopher's `string.byte`: without `j` it returns the bytes from `i` to the end (`string.byte("abc")`
 * is 97 98 99), with `i` alone one byte; position 0 gives nothing.
 */
export const stringByte: CFunction = (L) => {
  const s: Uint8Array = lauxlib.luaL_checklstring(L, 1);
  const l = s.length;
  let start = optInt(L, 2, 1) - 1;
  let end = optInt(L, 3, -1);
  if (start < 0) start = l + start + 1;
  if (end < 0) end = l + end + 1;
  if (lua.lua_gettop(L) === 2) {
    if (start < 0 || start >= l) return 0;
    lua.lua_pushinteger(L, s[start]);
    return 1;
  }
  start = Math.max(start, 0);
  end = Math.min(end, l);
  if (end < 0 || end <= start || start >= l) return 0;
  if (end - start > registryRoom(L)) registryOverflow(L);
  lauxlib.luaL_checkstack(L, end - start, null);
  for (let i = start; i < end; i++) lua.lua_pushinteger(L, s[i]);
  return end - start;
};
