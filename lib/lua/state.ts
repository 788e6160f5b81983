// createLuaState: a fengari state shaped into one gopher-lua profile, with budgets and size caps.
import fengari from './fengari';
import { openProfileLibs } from './libs';
import { checkSyntax } from './syntax';
import { pushJsonValue } from './push';
import { lineOf, productionMessage, type LastError } from './errors';
import { DEFAULT_BUDGETS, LIMITS } from './limits';
import { readLuaValue } from './read-value';
import { restoreEnvironment, snapshotEnvironment, type EnvironmentSnapshot } from './snapshot';
import { beginHostCall } from './registry';
import { withGopherLoadNil } from './gopher-loadnil';
import type { Budget, CallOptions, LuaFailure, LuaRef, LuaResult, LuaSnapshot, LuaState, LuaStateOptions, ModuleLoader, RegisterModuleOptions } from './types';

const { lua, lauxlib, to_luastring, to_jsstring } = fengari;

interface Kill {
  kind: 'budget' | 'limit';
  message: string;
  production?: string;
}

interface Registered {
  loader: ModuleLoader;
  requiresPath?: string;
}

/** `nresults` for `call` that keeps every returned value. */
export const LUA_MULTRET: number = lua.LUA_MULTRET;

export function createLuaState(opts: LuaStateOptions): LuaState {
  const profile = opts.profile;
  const budget: Budget = { ...DEFAULT_BUDGETS[profile], ...opts.budget };
  const L = lauxlib.luaL_newstate();
  if (!L) throw new Error('cannot create a Lua state');
  const modules = new Map<string, Registered>();
  let printed = 0;
  let printTruncated = false;
  let kill: Kill | null = null;
  let started = 0;
  let instructions = 0;
  let instructionsUsed = 0;
  let closed = false;
  const snapshots = new Map<number, EnvironmentSnapshot>();

  const global = (): { studioLastError?: LastError | null } => (L as { l_G: { studioLastError?: LastError | null } }).l_G;

  /** `level` 0 from the hook (the running Lua function), 1 from a JS library function. */
  const killWith = (L2: unknown, k: Kill, level = 0): never => {
    if (!kill) kill = { ...k, message: where(L2, level) + k.message };
    // re-arm with count 1: a script that swallows the error with pcall is stopped at its next instruction
    lua.lua_sethook(L2, hook, lua.LUA_MASKCOUNT, 1);
    if (L2 !== L) lua.lua_sethook(L, hook, lua.LUA_MASKCOUNT, 1);
    lua.lua_pushstring(L2, to_luastring(kill.message));
    lua.lua_error(L2);
    throw new Error('unreachable');
  };

  const where = (L2: unknown, level = 0): string => {
    lauxlib.luaL_where(L2, level);
    const w = lua.lua_tojsstring(L2, -1) as string;
    lua.lua_pop(L2, 1);
    return w;
  };

  const hook = (L2: unknown): void => {
    if (kill) return killWith(L2, kill);
    instructions += LIMITS.hookEvery;
    const elapsed = performance.now() - started;
    if (instructions > budget.instructions || elapsed > budget.ms) {
      const what = instructions > budget.instructions
        ? `instruction budget exceeded (${budget.instructions} instructions)`
        : `time budget exceeded (${budget.ms} ms)`;
      const w = where(L2);
      const production = profile === 'kruise'
        ? `${w}context deadline exceeded`
        : undefined;
      const tail = profile === 'kruise'
        ? '; Kruise cancels scripts after 1 s (context deadline exceeded)'
        : '; DeepFlow has no limit: this would hang the server gather loop';
      killWith(L2, { kind: 'budget', message: what + tail, production });
    }
  };

  const tooLong = (L2: unknown, what: string, bytes: number): never =>
    killWith(L2, {
      kind: 'limit',
      message: `output limit exceeded: ${what} would build a ${bytes}-byte string (limit ${LIMITS.stringBytes} bytes)`,
    }, 1);

  // The VM raises this itself (luaG_runerror, inside OP_CONCAT); recording the kill first makes a
  // pcall that swallows it stop at the next instruction, as for the other limits.
  const g = L as { l_G: { studioConcatLimit?: number; studioConcatTooLong?: (L2: unknown, bytes: number) => string } };
  g.l_G.studioConcatLimit = LIMITS.stringBytes;
  g.l_G.studioConcatTooLong = (L2, bytes) => {
    const message = `output limit exceeded: the .. operator would build a ${bytes}-byte string (limit ${LIMITS.stringBytes} bytes)`;
    if (!kill) kill = { kind: 'limit', message: where(L2, 0) + message };
    lua.lua_sethook(L2, hook, lua.LUA_MASKCOUNT, 1);
    if (L2 !== L) lua.lua_sethook(L, hook, lua.LUA_MASKCOUNT, 1);
    return message;
  };

  openProfileLibs(L, {
    profile,
    maxStringBytes: LIMITS.stringBytes,
    tooLong,
    print(text) {
      if (printTruncated) return;
      printed += text.length + 1;
      if (printed > LIMITS.printBytes) {
        printTruncated = true;
        opts.onPrint?.(`[print output truncated at ${LIMITS.printBytes} bytes]`);
        return;
      }
      opts.onPrint?.(text);
    },
    findModule(L2, name, path) {
      const searched: string[] = [];
      const file = name.replaceAll('.', '/');
      for (const template of path.split(';')) {
        if (!template) continue;
        const candidate = template.replaceAll('?', file);
        const hit = [...modules.entries()].find(([n, r]) => n === name && r.requiresPath === candidate);
        if (hit) {
          runLoader(L2, hit[1].loader, name);
          return { found: true };
        }
        searched.push(`stat ${candidate}: no such file or directory`);
      }
      const preloaded = modules.get(name);
      if (preloaded && preloaded.requiresPath === undefined) {
        runLoader(L2, preloaded.loader, name);
        return { found: true };
      }
      return { found: false, searched };
    },
  });

  // A JS exception inside a protected call (e.g. RangeError from deep JS recursion) becomes a Lua error.
  lua.lua_atnativeerror(L, (L2: unknown) => {
    const e = lua.lua_touserdata(L2, -1) as unknown;
    const msg = e instanceof RangeError ? 'stack overflow (JavaScript call stack exhausted)' : `internal error: ${e instanceof Error ? e.message : String(e)}`;
    lua.lua_pushstring(L2, to_luastring(msg));
    return 1;
  });

  function runLoader(L2: unknown, loader: ModuleLoader, name: string): void {
    const top = lua.lua_gettop(L2);
    if (typeof loader === 'function') {
      loader(onThread(L2));
      lua.lua_settop(L2, top + 1);
      return;
    }
    const chunk = to_luastring(withGopherLoadNil(loader.source));
    if (lauxlib.luaL_loadbuffer(L2, chunk, null, to_luastring('=' + (loader.chunkName ?? name))) !== lua.LUA_OK) lua.lua_error(L2);
    lua.lua_pushstring(L2, to_luastring(name));
    lua.lua_call(L2, 1, 1);
  }

  /** package.loaded[name] = the value on top of the stack (what `require(name)` then returns); leaves _LOADED on the stack. */
  function storeLoaded(name: string): void {
    lauxlib.luaL_getsubtable(L, lua.LUA_REGISTRYINDEX, to_luastring('_LOADED'));
    lua.lua_insert(L, -2);
    lua.lua_setfield(L, -2, to_luastring(name));
  }

  const failure = (kind: LuaFailure['kind'], message: string, production?: string): LuaFailure => {
    const line = lineOf(message);
    return { kind, message, ...(production !== undefined ? { production } : {}), ...(line !== undefined ? { line } : {}) };
  };

  /** The operations that act on one thread's stack (the main state's, or a coroutine's inside a JS function). */
  const stackOps = (T: unknown) => ({
    L: T,
    pushJson(value: unknown) {
      pushJsonValue(T, value);
    },
    pushFunction(fn: (state: LuaState) => number) {
      lua.lua_pushcfunction(T, (L2: unknown) => fn(onThread(L2)));
    },
    pushFunctionTable(fns: Record<string, (state: LuaState) => number>) {
      const names = Object.keys(fns);
      lua.lua_createtable(T, 0, names.length);
      for (const name of names) {
        const fn = fns[name];
        lua.lua_pushcfunction(T, (L2: unknown) => fn(onThread(L2)));
        lua.lua_setfield(T, -2, to_luastring(name));
      }
    },
    pushNil: () => lua.lua_pushnil(T),
    pushString(value: string | Uint8Array) {
      if (typeof value === 'string') lua.lua_pushstring(T, to_luastring(value));
      else lua.lua_pushlstring(T, value, value.length);
    },
    getGlobal(name: string) {
      lua.lua_getglobal(T, to_luastring(name));
    },
    ref: () => lauxlib.luaL_ref(T, lua.LUA_REGISTRYINDEX) as LuaRef,
    pushRef(ref: LuaRef) {
      lua.lua_rawgeti(T, lua.LUA_REGISTRYINDEX, ref);
    },
    checkBytes: (arg: number) => lauxlib.luaL_checklstring(T, arg) as Uint8Array,
    readValue: (index: number) => readLuaValue(T, index),
    top: () => lua.lua_gettop(T) as number,
    pop: (n: number) => lua.lua_pop(T, n),
    setTop: (index: number) => lua.lua_settop(T, index),
    typeName: (index: number) => to_jsstring(lua.lua_typename(T, lua.lua_type(T, index))),
    toStringValue(index: number) {
      const t = lua.lua_type(T, index);
      // a string is read as is (no __tostring a script may have put on the string metatable)
      if (t === lua.LUA_TSTRING) return to_jsstring(lua.lua_tolstring(T, index));
      if (t !== lua.LUA_TNUMBER) return null;
      const s = to_jsstring(lauxlib.luaL_tolstring(T, index));
      lua.lua_pop(T, 1);
      return s;
    },
  });

  /** The state as a JS function running on thread `T` sees it. */
  const onThread = (T: unknown): LuaState => (T === L ? api : Object.assign(Object.create(api) as LuaState, stackOps(T)));

  let nextSnapshot = 1;

  const api: LuaState = {
    ...stackOps(L),
    fengari,
    profile,
    get killed() {
      return kill !== null;
    },
    get instructionsUsed() {
      return instructionsUsed;
    },
    setGlobalJson(name, value) {
      pushJsonValue(L, value);
      lua.lua_setglobal(L, to_luastring(name));
    },
    setGlobalFunction(name, fn) {
      api.pushFunction(fn);
      lua.lua_setglobal(L, to_luastring(name));
    },
    load(source, chunkName = '<string>') {
      if (source.length > LIMITS.sourceBytes) {
        return { ok: false, error: failure('limit', `script too large: ${source.length} characters (limit ${LIMITS.sourceBytes})`) };
      }
      const checked = checkSyntax(source, profile);
      if (!checked.ok) return checked;
      // gopher-lua's LOADNIL merge miscompile, reproduced in the source fengari compiles (gopher-loadnil.ts)
      const status = lauxlib.luaL_loadbuffer(L, to_luastring(withGopherLoadNil(source)), null, to_luastring('=' + chunkName));
      if (status !== lua.LUA_OK) {
        const message = lua.lua_tojsstring(L, -1) ?? 'syntax error';
        lua.lua_pop(L, 1);
        return { ok: false, error: failure('syntax', message) };
      }
      return { ok: true };
    },
    call(nargs, nresults, callOpts?: CallOptions): LuaResult {
      beginHostCall(L, lua.lua_gettop(L) - nargs, callOpts?.registry);
      kill = null;
      instructions = 0;
      started = performance.now();
      global().studioLastError = null;
      lua.lua_sethook(L, hook, lua.LUA_MASKCOUNT, LIMITS.hookEvery);
      const status = lua.lua_pcall(L, nargs, nresults, 0);
      const k = kill as Kill | null;
      // the hook adds hookEvery each time it fires; the main thread's countdown holds the remainder
      const raw = L as { basehookcount: number; hookcount: number };
      instructionsUsed += instructions + (k ? 0 : raw.basehookcount - raw.hookcount);
      lua.lua_sethook(L, null, 0, 0);
      if (k) {
        if (status !== lua.LUA_OK) lua.lua_pop(L, 1);
        else lua.lua_pop(L, nresults === lua.LUA_MULTRET ? 0 : nresults);
        return { ok: false, error: failure(k.kind, k.message, k.production) };
      }
      if (status === lua.LUA_OK) return { ok: true };
      let message: string;
      if (lua.lua_type(L, -1) === lua.LUA_TSTRING || lua.lua_type(L, -1) === lua.LUA_TNUMBER) {
        message = lua.lua_tojsstring(L, -1);
      } else {
        message = to_jsstring(lauxlib.luaL_tolstring(L, -1));
        lua.lua_pop(L, 1);
      }
      lua.lua_pop(L, 1);
      return { ok: false, error: failure('runtime', message, productionMessage(message, global().studioLastError ?? null)) };
    },
    registerModule(name, loader, regOpts?: RegisterModuleOptions) {
      if (profile === 'kruise') {
        const top = lua.lua_gettop(L);
        runLoader(L, loader, name);
        storeLoaded(name);
        lua.lua_settop(L, top);
        return;
      }
      modules.set(name, { loader, requiresPath: regOpts?.requiresPath });
    },
    registerGlobalModule(name, pushModule) {
      const top = lua.lua_gettop(L);
      pushModule(api);
      lua.lua_settop(L, top + 1);
      lua.lua_pushvalue(L, -1);
      lua.lua_setglobal(L, to_luastring(name));
      storeLoaded(name);
      lua.lua_settop(L, top);
    },
    snapshot(): LuaSnapshot {
      const id = nextSnapshot++;
      snapshots.set(id, snapshotEnvironment(L));
      return { id };
    },
    restore(handle) {
      const snap = snapshots.get(handle.id);
      if (!snap) throw new Error('restore: not a snapshot of this state');
      if (kill) return false;
      return restoreEnvironment(L, snap);
    },
    close() {
      if (closed) return;
      closed = true;
      lua.lua_close(L);
    },
  };
  return api;

}
