// The `dkjson` module DeepFlow plugins `require` (served from /bin/dkjson.lua in production).
import type { LuaState } from '@/lib/lua';
import { createDecode, type DecodeOptions } from './decode';
import { DKJSON_MODULE_LUA } from './encode.lua';

export { DKJSON_NUMBER_MODE, DKJSON_NUMBER_NOTE, luaToNumber, type DkjsonNumberMode } from './number-mode';
export { createDecode, jsonLocation, type DecodeOptions } from './decode';

export const DKJSON_VERSION = 'dkjson 2.8';
/** Where the DeepFlow server image keeps the module; `require` finds it only through package.path. */
export const DKJSON_PATH = '/bin/dkjson.lua';

/**
 * Pushes a function that returns a fresh dkjson module table each time it is called. The Lua part
 * is compiled once per state; the caller keeps the factory (e.g. in the registry).
 */
export function pushDkjsonFactory(state: LuaState, opts: DecodeOptions = {}): void {
  const { lua, lauxlib, to_luastring } = state.fengari;
  const L = state.L;
  if (lauxlib.luaL_loadbuffer(L, to_luastring(DKJSON_MODULE_LUA), null, to_luastring('=dkjson')) !== lua.LUA_OK) {
    throw new Error(`dkjson module failed to compile: ${lua.lua_tojsstring(L, -1)}`);
  }
  lua.lua_call(L, 0, 1);
  const decode = createDecode(state.fengari, opts);
  // Bind the JS decoder as the factory's argument.
  lua.lua_pushcfunction(L, decode);
  lua.lua_pushcclosure(L, (L2: unknown) => {
    lua.lua_pushvalue(L2, lua.lua_upvalueindex(1));
    lua.lua_pushvalue(L2, lua.lua_upvalueindex(2));
    lua.lua_call(L2, 1, 1);
    return 1;
  }, 2);
}

/** Registers `dkjson` in a deepflow-profile state: found only once package.path reaches /bin/?.lua. */
export function installDkjson(state: LuaState, opts: DecodeOptions = {}): void {
  const { lua, lauxlib } = state.fengari;
  const L = state.L;
  pushDkjsonFactory(state, opts);
  const ref: number = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX);
  state.registerModule('dkjson', (s) => {
    lua.lua_rawgeti(s.L, lua.LUA_REGISTRYINDEX, ref);
    lua.lua_call(s.L, 0, 1);
  }, { requiresPath: DKJSON_PATH });
}
