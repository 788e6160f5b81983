// Kruise's Lua -> JSON encoder (luamanager.Encode, a fork of layeh.com/gopher-json; kruise-routing.md
// §5.1), reading the Lua value straight from the fengari stack.
import fengari from '@/lib/lua/fengari';
import { decodeRune } from '@/lib/lua/goformat';

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

export function goJsonNumber(n: number, depth = 0): string {
  if (Number.isNaN(n)) throw new EncodeError('json: unsupported value: NaN', depth);
  if (!Number.isFinite(n)) throw new EncodeError(`json: unsupported value: ${n > 0 ? '+Inf' : '-Inf'}`, depth);
  if (Object.is(n, -0)) return '-0';
  // Go's float encoder matches ECMAScript's Number::toString apart from -0
  return String(n);
}

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

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** Go's encoding/json string: HTML-safe, invalid UTF-8 bytes -> \ufffd, U+2028/2029 escaped. */
export function goJsonString(bytes: Uint8Array): string {
  let out = '"';
  for (let i = 0; i < bytes.length; ) {
    const [cp, size] = decodeRune(bytes, i);
    i += size;
    if (cp < 0) { out += '\\ufffd'; continue; }
    switch (cp) {
      case 0x22: out += '\\"'; continue;
      case 0x5c: out += '\\\\'; continue;
      case 0x0a: out += '\\n'; continue;
      case 0x0d: out += '\\r'; continue;
      case 0x09: out += '\\t'; continue;
      case 0x3c: case 0x3e: case 0x26: case 0x2028: case 0x2029:
        out += '\\u' + cp.toString(16).padStart(4, '0');
        continue;
    }
    if (cp < 0x20) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += String.fromCodePoint(cp);
  }
  return out + '"';
}

/** Go-style encoding of plain JSON (for storing originals, the §7.1 annotation format). */
export function goMarshal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return goJsonNumber(value);
  if (typeof value === 'string') return goJsonString(new TextEncoder().encode(value));
  if (Array.isArray(value)) return '[' + value.map(goMarshal).join(',') + ']';
  const enc = new TextEncoder();
  const keys = Object.keys(value as object).sort((a, b) => compareBytes(enc.encode(a), enc.encode(b)));
  return '{' + keys.map((k) => goJsonString(enc.encode(k)) + ':' + goMarshal((value as Record<string, unknown>)[k])).join(',') + '}';
}
