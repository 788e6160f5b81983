// Lua value -> plain JS tree, for hosts that convert results (Kruise's Lua -> JSON encoder) without
// touching the fengari API. Tables keep `next` order; a table met twice is the same JS object.
import fengari from './fengari';
import type { LuaTable, LuaTree } from './types';

const { lua, to_jsstring } = fengari;

export function readLuaValue(L: unknown, index: number): LuaTree {
  return readAt(L, lua.lua_absindex(L, index), new Map());
}

function readAt(L: unknown, idx: number, seen: Map<unknown, LuaTable>): LuaTree {
  switch (lua.lua_type(L, idx)) {
    case lua.LUA_TNIL:
    case lua.LUA_TNONE:
      return null;
    case lua.LUA_TBOOLEAN:
      return lua.lua_toboolean(L, idx);
    case lua.LUA_TNUMBER:
      return lua.lua_tonumber(L, idx);
    case lua.LUA_TSTRING:
      return lua.lua_tolstring(L, idx);
    case lua.LUA_TTABLE: {
      const ptr = lua.lua_topointer(L, idx);
      const known = seen.get(ptr);
      if (known) return known;
      const table: LuaTable = { kind: 'table', entries: [] };
      seen.set(ptr, table);
      lua.lua_checkstack(L, 4);
      lua.lua_pushnil(L);
      while (lua.lua_next(L, idx)) {
        const top = lua.lua_gettop(L);
        table.entries.push([readAt(L, top - 1, seen), readAt(L, top, seen)]);
        lua.lua_pop(L, 1);
      }
      return table;
    }
    default:
      return { kind: 'opaque', typeName: to_jsstring(lua.lua_typename(L, lua.lua_type(L, idx))) };
  }
}
