// Plain JSON -> Lua values, following the Kruise/apimachinery conversion (kruise-routing.md §2.1):
// null members are absent, null array items are skipped (appending nil is a no-op), and numbers that
// are int32 integers become Lua integers; every other number is a float so nothing can wrap.
import fengari from './fengari';
import { LIMITS } from './limits';

const { lua, to_luastring } = fengari;

/** Thrown when an input exceeds LIMITS.inputBytes or the nesting cap; hosts report it as a `limit` failure. */
export class InputLimitError extends Error {}

/** Roughly the JSON text size still allowed; shared by one whole push. */
interface InputAllowance { left: number }

export function pushJsonValue(L: unknown, value: unknown, depth = 0, allowance: InputAllowance = { left: LIMITS.inputBytes }): void {
  if (depth > 200) throw new InputLimitError('input limit exceeded: JSON nested deeper than 200 levels');
  allowance.left -= typeof value === 'string' ? value.length + 2 : 6;
  if (allowance.left < 0) throw new InputLimitError(`input limit exceeded: more than ${LIMITS.inputBytes} bytes of JSON passed to Lua`);
  lua.lua_checkstack(L, 4);
  if (value === null || value === undefined) {
    lua.lua_pushnil(L);
  } else if (typeof value === 'boolean') {
    lua.lua_pushboolean(L, value);
  } else if (typeof value === 'number') {
    if (Number.isInteger(value) && (value | 0) === value && !Object.is(value, -0)) lua.lua_pushinteger(L, value);
    else lua.lua_pushnumber(L, value);
  } else if (typeof value === 'string') {
    lua.lua_pushstring(L, to_luastring(value));
  } else if (Array.isArray(value)) {
    lua.lua_createtable(L, value.length, 0);
    let n = 0;
    for (const item of value) {
      if (item === null || item === undefined) continue;
      pushJsonValue(L, item, depth + 1, allowance);
      lua.lua_rawseti(L, -2, ++n);
    }
  } else if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    lua.lua_createtable(L, 0, entries.length);
    for (const [k, v] of entries) {
      if (v === null || v === undefined) continue;
      allowance.left -= k.length + 3;
      pushJsonValue(L, v, depth + 1, allowance);
      lua.lua_setfield(L, -2, to_luastring(k));
    }
  } else {
    throw new Error(`cannot pass a ${typeof value} to Lua`);
  }
}
