// A Lua value -> plain JSON, for showing what a cluster script returned (tree + JSON in the page).
// Tables whose keys are exactly 1..n become arrays, other tables objects (keys as strings); an empty
// table is `{}`. Values JSON cannot hold are shown as text: functions and threads as `<function>`,
// non-finite numbers as Lua prints them, a table met again on its own path as `<cycle>`.
import { formatLuaNumber, LIMITS, type Fengari } from '@/lib/lua';
import type { JsonValue } from './protocol';

export class ResultTooLargeError extends Error {}

const MAX_DEPTH = 100;

export function luaToJson(f: Fengari, L: unknown, index: number): JsonValue {
  const { lua } = f;
  const str = (i: number) => f.to_jsstring(lua.lua_tolstring(L, i), undefined, undefined, true);
  let budget: number = LIMITS.resultBytes;
  const spend = (n: number) => {
    budget -= n;
    if (budget < 0) throw new ResultTooLargeError(`result too large to show: more than ${LIMITS.resultBytes} bytes of JSON`);
  };
  const onPath = new Set<unknown>();

  const convert = (i: number, depth: number): JsonValue => {
    const t = lua.lua_type(L, i);
    spend(8);
    switch (t) {
      case lua.LUA_TNIL:
      case lua.LUA_TNONE:
        return null;
      case lua.LUA_TBOOLEAN:
        return lua.lua_toboolean(L, i);
      case lua.LUA_TNUMBER: {
        const n = lua.lua_tonumber(L, i) as number;
        return Number.isFinite(n) ? n : formatLuaNumber(n);
      }
      case lua.LUA_TSTRING: {
        const s = str(i);
        spend(s.length);
        return s;
      }
      case lua.LUA_TTABLE:
        return table(i, depth);
      default:
        return `<${f.to_jsstring(lua.lua_typename(L, t))}>`;
    }
  };

  const table = (i: number, depth: number): JsonValue => {
    const id = lua.lua_topointer(L, i);
    if (onPath.has(id)) return '<cycle>';
    if (depth >= MAX_DEPTH) return '<nested too deep>';
    onPath.add(id);
    lua.lua_checkstack(L, 4);
    const entries: [string | number, JsonValue][] = [];
    let sequence = true;
    lua.lua_pushnil(L);
    while (lua.lua_next(L, i) !== 0) {
      const kt = lua.lua_type(L, -2);
      let key: string | number;
      if (kt === lua.LUA_TNUMBER) {
        const n = lua.lua_tonumber(L, -2) as number;
        key = n;
        if (!Number.isInteger(n) || n < 1) sequence = false;
      } else {
        sequence = false;
        key = kt === lua.LUA_TSTRING ? str(-2) : `<${f.to_jsstring(lua.lua_typename(L, kt))}>`;
      }
      entries.push([key, convert(lua.lua_gettop(L), depth + 1)]);
      lua.lua_pop(L, 1);
    }
    onPath.delete(id);
    if (entries.length > 0 && sequence) {
      const arr: JsonValue[] = new Array(entries.length);
      let complete = true;
      for (const [k, v] of entries) {
        if ((k as number) > entries.length) complete = false;
        else arr[(k as number) - 1] = v;
      }
      if (complete) return arr;
    }
    const obj: { [key: string]: JsonValue } = {};
    for (const [k, v] of entries) obj[typeof k === 'number' ? formatLuaNumber(k) : k] = v;
    return obj;
  };

  return convert(lua.lua_absindex(L, index), 0);
}
