import fengari from './fengari';

const { lua, lauxlib, to_luastring } = fengari;

/**
 * Raises `<where>msg` like luaL_error at `level` (1 = the Lua code calling the current JS function),
 * without luaL_error's `%` formatting of the message.
 */
export function raise(L: unknown, msg: string, level = 1): never {
  lauxlib.luaL_where(L, level);
  lua.lua_pushstring(L, to_luastring(msg));
  lua.lua_concat(L, 2);
  lua.lua_error(L);
  throw new Error('unreachable: lua_error returned');
}
