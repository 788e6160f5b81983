// Kruise's Lua -> JSON encoder (luamanager.Encode, a fork of layeh.com/gopher-json; kruise-routing.md
// §5.1), reading the Lua value straight from the fengari stack. Strings and numbers are Go's
// encoding/json (lib/go-json) as built by the Go release Kruise's controller is compiled with.
import fengari from '@/lib/lua/fengari';
import { compareBytes, goJsonNumber as goNumber, goJsonQuoteBytes, GoJsonError, PRODUCTION_GO } from '@/lib/go-json';

const { lua, to_jsstring } = fengari;

export const MARSHAL_PREFIX = 'json: error calling MarshalJSON for type luamanager.jsonValue: ';

export type EncodeResult = { ok: true; json: string } | { ok: false; error: string };

class EncodeError extends Error {
  constructor(inner: string, depth: number) {
    // one prefix per nesting level: a value at depth d carries d + 1 prefixes
    super(MARSHAL_PREFIX.repeat(depth + 1) + inner);
  }
}

/** Encodes the value at `index` (absolute or relative) of the state's stack. */
export function encodeLuaValue(L: unknown, index: number): EncodeResult {
  const abs = lua.lua_absindex(L, index);
  try {
    return { ok: true, json: encodeAt(L, abs, 0, new Set()) };
  } catch (e) {
    if (e instanceof EncodeError) return { ok: false, error: e.message };
    throw e;
  }
}

function encodeAt(L: unknown, idx: number, depth: number, visited: Set<unknown>): string {
  lua.lua_checkstack(L, 6);
  switch (lua.lua_type(L, idx)) {
    case lua.LUA_TNIL:
    case lua.LUA_TNONE:
      return 'null';
    case lua.LUA_TBOOLEAN:
      return lua.lua_toboolean(L, idx) ? 'true' : 'false';
    case lua.LUA_TNUMBER:
      return goJsonNumber(lua.lua_tonumber(L, idx), depth);
    case lua.LUA_TSTRING:
      return goJsonString(lua.lua_tolstring(L, idx));
    case lua.LUA_TTABLE:
      return encodeTable(L, idx, depth, visited);
    default: {
      const name = to_jsstring(lua.lua_typename(L, lua.lua_type(L, idx)));
      throw new EncodeError(`cannot encode ${name} to JSON`, depth);
    }
  }
}

function goJsonNumber(n: number, depth: number): string {
  try {
    return goNumber(n);
  } catch (e) {
    if (e instanceof GoJsonError) throw new EncodeError(e.message, depth);
    throw e;
  }
}

const goJsonString = (bytes: Uint8Array): string => goJsonQuoteBytes(bytes, PRODUCTION_GO.kruise);

interface Entry {
  key: { type: number; num?: number; bytes?: Uint8Array };
  valueIndex: number;
}

function encodeTable(L: unknown, idx: number, depth: number, visited: Set<unknown>): string {
  const ptr = lua.lua_topointer(L, idx);
  if (visited.has(ptr)) throw new EncodeError('cannot encode recursively nested tables to JSON', depth);
  visited.add(ptr);
  const base = lua.lua_gettop(L);
  // Collect keys in `next` order (fengari: insertion order); values stay on the stack.
  const entries: Entry[] = [];
  lua.lua_pushnil(L);
  while (lua.lua_next(L, idx)) {
    const type = lua.lua_type(L, -2);
    const key: Entry['key'] = { type };
    if (type === lua.LUA_TNUMBER) key.num = lua.lua_tonumber(L, -2);
    else if (type === lua.LUA_TSTRING) key.bytes = lua.lua_tolstring(L, -2);
    lua.lua_checkstack(L, 4);
    lua.lua_insert(L, -2); // keep the value below the key so lua_next can continue
    entries.push({ key, valueIndex: lua.lua_gettop(L) - 1 });
  }
  try {
    if (entries.length === 0) return 'null'; // Kruise PR #209: empty table -> null
    return hasKeyOne(entries) ? encodeArray(L, entries, depth, visited) : encodeByFirstKey(L, entries, depth, visited);
  } finally {
    lua.lua_settop(L, base);
  }
}

function hasKeyOne(entries: Entry[]): boolean {
  return entries.some((e) => e.key.type === lua.LUA_TNUMBER && e.key.num === 1);
}

/**
 * gopher-lua iterates its array part (1..n, filled by appends) before the hash part (insertion
 * order). The array part is modelled as the contiguous run 1..n; the other keys follow in
 * insertion order and must continue the sequence.
 */
function encodeArray(L: unknown, entries: Entry[], depth: number, visited: Set<unknown>): string {
  const byNum = new Map<number, Entry>();
  for (const e of entries) if (e.key.type === lua.LUA_TNUMBER) byNum.set(e.key.num as number, e);
  let n = 0;
  while (byNum.has(n + 1)) n++;
  const ordered: Entry[] = [];
  for (let i = 1; i <= n; i++) ordered.push(byNum.get(i) as Entry);
  let expected = n + 1;
  for (const e of entries) {
    if (e.key.type === lua.LUA_TNUMBER && (e.key.num as number) >= 1 && (e.key.num as number) <= n && Number.isInteger(e.key.num)) continue;
    if (e.key.type !== lua.LUA_TNUMBER) throw new EncodeError('cannot encode mixed or invalid key types', depth);
    if (e.key.num !== expected) throw new EncodeError('cannot encode sparse array', depth);
    ordered.push(e);
    expected++;
  }
  return '[' + ordered.map((e) => encodeAt(L, e.valueIndex, depth + 1, visited)).join(',') + ']';
}

function encodeByFirstKey(L: unknown, entries: Entry[], depth: number, visited: Set<unknown>): string {
  const first = entries[0].key;
  if (first.type === lua.LUA_TNUMBER) throw new EncodeError('cannot encode sparse array', depth); // first key is not 1
  if (first.type !== lua.LUA_TSTRING) throw new EncodeError('cannot encode mixed or invalid key types', depth);
  for (const e of entries) if (e.key.type !== lua.LUA_TSTRING) throw new EncodeError('cannot encode mixed or invalid key types', depth);
  // Go's map encoding sorts keys by their (UTF-8) bytes
  const sorted = [...entries].sort((a, b) => compareBytes(a.key.bytes as Uint8Array, b.key.bytes as Uint8Array));
  const parts = sorted.map((e) => goJsonString(e.key.bytes as Uint8Array) + ':' + encodeAt(L, e.valueIndex, depth + 1, visited));
  return '{' + parts.join(',') + '}';
}
