// One Lua state per batch that behaves like DeepFlow's fresh `lua.NewState()` per pod.
//
// Creating a fengari state (opening and shaping every library) costs more than running a typical
// plugin, so the batch keeps one state and, after each pod, puts every table a script can reach
// through the standard environment (globals, library tables, package.loaded/preload/loaders, the
// string metatable) back to the snapshot taken when the state was fresh. New keys are removed and
// changed values restored in place; anything else (a removed library entry, a replaced metatable,
// a budget kill) discards the state and builds a new one. Plugin chunks are compiled once per state
// and re-executed per pod: their _ENV is the (restored) globals table, so each pod sees fresh
// globals exactly as production does.
import { createLuaState, type Budget, type LuaFailure, type LuaState } from '@/lib/lua';
import { installDkjson } from './dkjson';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Table = { strong: Map<unknown, { key: any; value: any }>; metatable: unknown; flags: number };

interface Snapshot {
  table: Table;
  ref: number;
  entries: Map<unknown, { type: number; value: unknown }>;
  metatable: unknown;
}

export type CompiledPlugin = { ok: true; ref: number } | { ok: false; error: LuaFailure };

export class PodState {
  readonly state: LuaState;
  readonly plugins: CompiledPlugin[];
  private snapshots: Snapshot[] = [];
  private printSink: ((line: string) => void) | null = null;

  constructor(sources: string[], budget?: Partial<Budget>) {
    this.state = createLuaState({ profile: 'deepflow', budget, onPrint: (line) => this.printSink?.(line) });
    installDkjson(this.state);
    const { lua, lauxlib } = this.state.fengari;
    const L = this.state.L;
    this.plugins = sources.map((source) => {
      const loaded = this.state.load(source);
      if (!loaded.ok) return loaded;
      return { ok: true, ref: lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX) as number };
    });
    this.takeSnapshot();
  }

  set onPrint(sink: ((line: string) => void) | null) {
    this.printSink = sink;
  }

  private tableAt(index: number): Table {
    return this.state.fengari.lua.lua_topointer(this.state.L, index) as Table;
  }

  private track(seen: Set<unknown>): void {
    // expects a table on top of the stack; pops it
    const { lua, lauxlib } = this.state.fengari;
    const L = this.state.L;
    const t = this.tableAt(-1);
    if (seen.has(t)) { lua.lua_pop(L, 1); return; }
    seen.add(t);
    const entries = new Map<unknown, { type: number; value: unknown }>();
    for (const [hash, e] of t.strong) entries.set(hash, { type: e.value.type, value: e.value.value });
    lua.lua_pushvalue(L, -1);
    const ref = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX) as number;
    this.snapshots.push({ table: t, ref, entries, metatable: t.metatable });
    lua.lua_pop(L, 1);
  }

  private takeSnapshot(): void {
    const { lua, to_luastring } = this.state.fengari;
    const L = this.state.L;
    const seen = new Set<unknown>();
    lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, lua.LUA_RIDX_GLOBALS);
    // every library table reachable from _G, and package's own tables
    lua.lua_pushnil(L);
    while (lua.lua_next(L, -2)) {
      if (lua.lua_type(L, -1) === lua.LUA_TTABLE) {
        this.track(seen);
      } else lua.lua_pop(L, 1);
    }
    this.track(seen);
    lua.lua_getglobal(L, to_luastring('package'));
    if (lua.lua_type(L, -1) === lua.LUA_TTABLE) {
      for (const k of ['loaded', 'preload', 'loaders']) {
        lua.lua_getfield(L, -1, to_luastring(k));
        if (lua.lua_type(L, -1) === lua.LUA_TTABLE) this.track(seen); else lua.lua_pop(L, 1);
      }
    }
    lua.lua_pop(L, 1);
    lua.lua_getfield(L, lua.LUA_REGISTRYINDEX, to_luastring('_LOADED'));
    this.track(seen);
    lua.lua_pushstring(L, to_luastring(''));
    if (lua.lua_getmetatable(L, -1)) {
      this.track(seen);
    }
    lua.lua_pop(L, 1);
  }

  /** Puts the state back to its fresh snapshot; false when it cannot (the caller builds a new one). */
  reset(): boolean {
    if (this.state.killed) return false;
    const { lua } = this.state.fengari;
    const L = this.state.L;
    lua.lua_settop(L, 0);
    for (const snap of this.snapshots) {
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
          if (!pushKey(this.state, key)) return false;
          lua.lua_pushnil(L);
          lua.lua_rawset(L, -3);
        }
        lua.lua_pop(L, 1);
      }
      if (t.strong.size !== snap.entries.size) return false;
    }
    return true;
  }

  close(): void {
    this.state.close();
  }
}

function pushKey(state: LuaState, key: any): boolean {
  const { lua } = state.fengari;
  const L = state.L;
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
