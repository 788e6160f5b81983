// GeneratePodGroup's plugin loop (deepflow-tagging.md §3): plugins share one state per pod, run in
// order, and the first pair of non-empty strings wins.
import type { Budget, LuaFailure } from '@/lib/lua';
import { PodState } from './pod-state';

export interface ChainResult {
  type: string;
  name: string;
  error: string | null;
  /** The text DeepFlow would log, where it differs from `error` and is known. */
  production?: string;
}

const CALL_NON_FUNCTION = ' attempt to call a non-function object\nstack traceback:\n\t[G]: ?';

function loadingError(f: LuaFailure): ChainResult {
  const production = f.kind === 'syntax'
    ? (f.production !== undefined ? `lua script loading error: (${f.production}\n)` : undefined)
    : f.kind === 'budget' ? 'DeepFlow has no time limit: the gather loop would hang on this plugin'
    : `lua script loading error: (${f.production ?? f.message})`;
  return { type: '', name: '', error: `lua script loading error: (${f.message})`, ...(production !== undefined ? { production } : {}) };
}

function executionError(f: LuaFailure, notAFunction: boolean): ChainResult {
  const production = notAFunction
    ? `lua script execution error: (${CALL_NON_FUNCTION})`
    : f.kind === 'budget' ? 'DeepFlow has no time limit: the gather loop would hang on this plugin'
    : `lua script execution error: (${f.production ?? f.message})`;
  return { type: '', name: '', error: `lua script execution error: (${f.message})`, production };
}

/** Runs every pod of a batch through the same plugin list, keeping DeepFlow's per-pod state semantics. */
export class PluginChain {
  private current: PodState | null = null;
  private readonly sources: string[];

  constructor(plugins: { name: string; source: string }[], private readonly budget?: Partial<Budget>) {
    this.sources = plugins.map((p) => p.source);
  }

  get size(): number {
    return this.sources.length;
  }

  private podState(): PodState {
    if (!this.current) this.current = new PodState(this.sources, this.budget);
    return this.current;
  }

  /** The chain's answer for one pod's metadata JSON; `prints` receives the pod's `print` output. */
  run(metadataJson: string, prints: string[]): ChainResult {
    const ps = this.podState();
    ps.onPrint = (line) => prints.push(line);
    try {
      return this.runIn(ps, metadataJson);
    } finally {
      ps.onPrint = null;
      if (!ps.reset()) {
        ps.close();
        this.current = null;
      }
    }
  }

  private runIn(ps: PodState, metadataJson: string): ChainResult {
    const { state } = ps;
    const { lua, to_luastring, to_jsstring } = state.fengari;
    const L = state.L;
    let last: ChainResult = { type: '', name: '', error: null };
    for (const [k, plugin] of ps.plugins.entries()) {
      if (!plugin.ok) return loadingError(plugin.error);
      // gopher's registry: DeepFlow never pops the two results, so plugin k runs 2k slots higher
      const registry = { base: 2 * k, fresh: k === 0 };
      lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, plugin.ref);
      const ran = state.call(0, 0, { registry });
      if (!ran.ok) return loadingError(ran.error);
      lua.lua_getglobal(L, to_luastring('GetWorkloadTypeAndName'));
      const notAFunction = lua.lua_type(L, -1) !== lua.LUA_TFUNCTION;
      lua.lua_pushstring(L, to_luastring(metadataJson));
      const called = state.call(1, 2, { registry: { ...registry, fresh: false } });
      if (!called.ok) return executionError(called.error, notAFunction);
      // Type checks, not conversions: a number is not a string here (gopher's LString assertion).
      if (lua.lua_type(L, -2) !== lua.LUA_TSTRING) { lua.lua_settop(L, 0); return { type: '', name: '', error: 'lua script get pod group type failed' }; }
      if (lua.lua_type(L, -1) !== lua.LUA_TSTRING) { lua.lua_settop(L, 0); return { type: '', name: '', error: 'lua script get pod group name failed' }; }
      const type = to_jsstring(lua.lua_tolstring(L, -2));
      const name = to_jsstring(lua.lua_tolstring(L, -1));
      lua.lua_settop(L, 0);
      last = { type, name, error: null };
      if (type !== '' && name !== '') return last;
    }
    return last;
  }

  close(): void {
    this.current?.close();
    this.current = null;
  }
}
