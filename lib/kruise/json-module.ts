// Kruise's `json` Lua module (kruise-routing.md §4.2): encode/decode with Go semantics, errors
// returned as `nil, message`.
import fengari from '@/lib/lua/fengari';
import type { LuaState } from '@/lib/lua';
import { pushJsonValue } from '@/lib/lua/push';
import { bytesToGoString } from '@/lib/go-json';
import { encodeLuaValue } from './encode';
import { goJsonDecode } from './decode';

const { lua, lauxlib, to_luastring } = fengari;

export function registerJsonModule(state: LuaState): void {
  state.registerGlobalModule('json', () => {
    const L = state.L;
    lua.lua_createtable(L, 0, 2);
    lua.lua_pushcfunction(L, (L2: unknown) => {
      const r = encodeLuaValue(L2, 1);
      if (r.ok) {
        lua.lua_pushstring(L2, to_luastring(r.json));
        return 1;
      }
      lua.lua_pushnil(L2);
      lua.lua_pushstring(L2, to_luastring(r.error));
      return 2;
    });
    lua.lua_setfield(L, -2, to_luastring('encode'));
    lua.lua_pushcfunction(L, (L2: unknown) => {
      const text = bytesToGoString(lauxlib.luaL_checklstring(L2, 1));
      const r = goJsonDecode(text);
      if (r.ok) {
        pushJsonValue(L2, r.value);
        return 1;
      }
      lua.lua_pushnil(L2);
      lua.lua_pushstring(L2, to_luastring(r.error));
      return 2;
    });
    lua.lua_setfield(L, -2, to_luastring('decode'));
  });
}
