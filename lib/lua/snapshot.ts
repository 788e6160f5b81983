// Snapshot/restore of the standard environment, so a host can reuse one state where production
// builds a fresh one per run (DeepFlow's `lua.NewState()` per pod): creating a fengari state costs
// more than running a typical plugin. Every table a script can reach through the standard
// environment (globals, library tables, package.loaded/preload/loaders, the string metatable) is
// recorded; restoring removes new keys and puts changed values back in place. Anything else (a
// removed entry, a replaced metatable, a table or function used as a key) cannot be restored in
// place and the caller must rebuild. This reads fengari's table internals, which is why it lives
// here and not in a host.
import fengari from './fengari';

const { lua, lauxlib, to_luastring } = fengari;

/* eslint-disable @typescript-eslint/no-explicit-any */
type Table = { strong: Map<unknown, { key: any; value: any }>; metatable: unknown; flags: number };

interface TableSnapshot {
  table: Table;
  ref: number;
  entries: Map<unknown, { type: number; value: unknown }>;
  metatable: unknown;
}

export type EnvironmentSnapshot = TableSnapshot[];

function tableAt(L: unknown, index: number): Table {
  return lua.lua_topointer(L, index) as Table;
}

/** Expects a table on top of the stack; pops it. */
function track(L: unknown, seen: Set<unknown>, out: TableSnapshot[]): void {
  const t = tableAt(L, -1);
  if (seen.has(t)) { lua.lua_pop(L, 1); return; }
  seen.add(t);
  const entries = new Map<unknown, { type: number; value: unknown }>();
  for (const [hash, e] of t.strong) entries.set(hash, { type: e.value.type, value: e.value.value });
  lua.lua_pushvalue(L, -1);
  const ref = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX) as number;
  out.push({ table: t, ref, entries, metatable: t.metatable });
  lua.lua_pop(L, 1);
}

export function snapshotEnvironment(L: unknown): EnvironmentSnapshot {
  const out: TableSnapshot[] = [];
  const seen = new Set<unknown>();
  const top = lua.lua_gettop(L);
  lua.lua_checkstack(L, 6);
  lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, lua.LUA_RIDX_GLOBALS);
  // every library table reachable from _G, and package's own tables
  lua.lua_pushnil(L);
  while (lua.lua_next(L, -2)) {
    if (lua.lua_type(L, -1) === lua.LUA_TTABLE) track(L, seen, out);
    else lua.lua_pop(L, 1);
  }
  track(L, seen, out);
  lua.lua_getglobal(L, to_luastring('package'));
  if (lua.lua_type(L, -1) === lua.LUA_TTABLE) {
    for (const k of ['loaded', 'preload', 'loaders']) {
      lua.lua_getfield(L, -1, to_luastring(k));
      if (lua.lua_type(L, -1) === lua.LUA_TTABLE) track(L, seen, out); else lua.lua_pop(L, 1);
    }
  }
  lua.lua_pop(L, 1);
  lua.lua_getfield(L, lua.LUA_REGISTRYINDEX, to_luastring('_LOADED'));
  track(L, seen, out);
  lua.lua_pushstring(L, to_luastring(''));
  if (lua.lua_getmetatable(L, -1)) track(L, seen, out);
  lua.lua_settop(L, top);
  return out;
}

/** Empties the stack and restores the snapshot; false when it cannot be done in place. */
export function restoreEnvironment(L: unknown, snapshot: EnvironmentSnapshot): boolean {
  lua.lua_settop(L, 0);
  for (const snap of snapshot) {
    const t = snap.table;
    if (t.metatable !== snap.metatable) return false;
    let extra: any[] | null = null;
    for (const [hash, e] of t.strong) {
      const was = snap.entries.get(hash);
      if (!was) {
        (extra ??= []).push(e.key);
      } else if (e.value.type !== was.type || e.value.value !== was.value) {
        e.value.type = was.type;
        e.value.value = was.value;
        t.flags = 0; // fengari caches metamethod absence per table
      }
    }
    if (extra) {
      lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, snap.ref);
      for (const key of extra) {
        if (!pushKey(L, key)) return false;
        lua.lua_pushnil(L);
        lua.lua_rawset(L, -3);
      }
      lua.lua_pop(L, 1);
    }
    if (t.strong.size !== snap.entries.size) return false;
  }
  return true;
}

function pushKey(L: unknown, key: any): boolean {
  const v = key.value;
  if (v && typeof v === 'object' && typeof v.getstr === 'function') {
    const bytes: Uint8Array = v.getstr();
    lua.lua_pushlstring(L, bytes, bytes.length);
    return true;
  }
  if (typeof v === 'number') {
    if (Number.isInteger(v) && (v | 0) === v) lua.lua_pushinteger(L, v);
    else lua.lua_pushnumber(L, v);
    return true;
  }
  if (typeof v === 'boolean') {
    lua.lua_pushboolean(L, v);
    return true;
  }
  return false; // tables/functions as keys of library tables: rebuild instead
}
