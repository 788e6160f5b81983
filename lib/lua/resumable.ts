// Resumable runs: a script that waits on the host (a cluster read over fetch) without blocking the
// engine. The chunk runs as a coroutine; a function made with `pushYielding` pauses it with a request,
// the host's async `serve` answers, the answer's values are pushed as the call's results and the
// coroutine resumes. Budgets span the whole run: instructions and Lua time add up across resumes (time
// spent waiting on the host is not Lua time), and `wallMs` bounds the whole run, waits included.
//
//   const r = createResumable<Req>(state);
//   r.pushYielding((L) => readRequestFrom(L));          // e.g. then lua_setglobal / pass to a module
//   state.load(source);                                  // pushes the chunk
//   const outcome = await r.run({ wallMs, serve });      // results left on state's stack (outcome.nresults)
//
// Where fengari cannot pause (inside a JS library callback such as string.gsub's or table.sort's, or a
// metamethod called from JS, e.g. __tostring through tostring), the call fails with NOT_YIELDABLE.
import fengari from './fengari';
import { lineOf } from './errors';
import { DEFAULT_BUDGETS, LIMITS } from './limits';
import { InputLimitError, pushJsonValue } from './push';
import type { Budget, LuaFailure, LuaResult, LuaState } from './types';

const { lua, lauxlib, to_luastring } = fengari;

export const NOT_YIELDABLE =
  'this call waits for the cluster, and the engine cannot pause here: inside a string.gsub/table.sort callback, an iterator or metamethod called by a library function; call it outside and pass the result in';
export const NESTED_COROUTINE = 'this call waits for the cluster and cannot run inside a coroutine the script created; call it from the main script';

export interface ResumableRunOptions<Q> {
  /** Lua time and instructions over all resumes (defaults: the state's profile budget). */
  budget?: Partial<Budget>;
  /** The whole run, waits included. */
  wallMs: number;
  /** Answers one paused call; the values (plain JSON) become the call's results. Rejections become Lua errors. */
  serve(request: Q, signal: AbortSignal): Promise<unknown[]>;
}

export interface ResumableOutcome {
  result: LuaResult;
  /** Values the chunk returned, left on the state's stack (0 on failure). */
  nresults: number;
  stats: { instructions: number; luaMs: number; waitMs: number; waits: number };
}

export interface Resumable<Q> {
  /**
   * Pushes a function whose call pauses the run; `read` turns its arguments (on the running thread `L`)
   * into the request. `where` gives the position prefix for its own errors (default: its caller's).
   */
  pushYielding(read: (L: unknown) => Q, where?: (L: unknown) => string): void;
  /** Runs the function on top of the state's stack as a coroutine until it returns, fails or a budget ends. */
  run(opts: ResumableRunOptions<Q>): Promise<ResumableOutcome>;
}

function callerWhere(L: unknown): string {
  lauxlib.luaL_where(L, 1);
  const w = lua.lua_tojsstring(L, -1) as string;
  lua.lua_pop(L, 1);
  return w;
}

export function createResumable<Q>(state: LuaState): Resumable<Q> {
  const L = state.L;
  let co: unknown = null;
  let pending: { request: Q } | null = null;

  return {
    pushYielding(read, where = callerWhere) {
      const raise = (L2: unknown, message: string): never => {
        lua.lua_pushstring(L2, to_luastring(where(L2) + message));
        lua.lua_error(L2);
        throw new Error('unreachable');
      };
      lua.lua_pushcfunction(L, (L2: unknown) => {
        if (co === null) return raise(L2, 'this call works only while the script runs');
        if (L2 !== co) return raise(L2, NESTED_COROUTINE);
        if (!lua.lua_isyieldable(L2)) return raise(L2, NOT_YIELDABLE);
        pending = { request: read(L2) };
        lua.lua_settop(L2, 0);
        lua.lua_yield(L2, 0);
        return 0;
      });
    },

    async run(opts) {
      const budget: Budget = { ...DEFAULT_BUDGETS[state.profile], ...opts.budget };
      const stats = { instructions: 0, luaMs: 0, waitMs: 0, waits: 0 };
      const started = performance.now();
      let resumedAt = 0;
      let kill: { kind: LuaFailure['kind']; message: string } | null = null;

      const stop = (L2: unknown, kind: LuaFailure['kind'], message: string): never => {
        if (!kill) {
          lauxlib.luaL_where(L2, 0);
          kill = { kind, message: (lua.lua_tojsstring(L2, -1) as string) + message };
          lua.lua_pop(L2, 1);
        }
        // count 1: a script that swallows the error with pcall is stopped at its next instruction
        lua.lua_sethook(L2, hook, lua.LUA_MASKCOUNT, 1);
        lua.lua_pushstring(L2, to_luastring(kill.message));
        lua.lua_error(L2);
        throw new Error('unreachable');
      };
      const hook = (L2: unknown): void => {
        if (kill) return stop(L2, kill.kind, kill.message);
        stats.instructions += LIMITS.hookEvery;
        const luaMs = stats.luaMs + (performance.now() - resumedAt);
        if (stats.instructions > budget.instructions) stop(L2, 'budget', `instruction budget exceeded (${budget.instructions} instructions)`);
        if (luaMs > budget.ms) stop(L2, 'budget', `time budget exceeded (${budget.ms} ms of Lua time)`);
      };

      const thread = lua.lua_newthread(L);
      const ref = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX); // keeps the thread alive, pops it
      lua.lua_xmove(L, thread, 1); // the chunk
      lua.lua_sethook(thread, hook, lua.LUA_MASKCOUNT, LIMITS.hookEvery);
      co = thread;
      let nargs = 0;
      const fail = (kind: LuaFailure['kind'], message: string): ResumableOutcome => {
        const line = lineOf(message);
        return { result: { ok: false, error: { kind, message, ...(line !== undefined ? { line } : {}) } }, nresults: 0, stats };
      };
      try {
        for (;;) {
          resumedAt = performance.now();
          const status = lua.lua_resume(thread, L, nargs);
          stats.luaMs += performance.now() - resumedAt;
          if (status === lua.LUA_OK) {
            const n = lua.lua_gettop(thread);
            lua.lua_checkstack(L, n + 1);
            lua.lua_xmove(thread, L, n);
            return { result: { ok: true }, nresults: n, stats };
          }
          if (status !== lua.LUA_YIELD) {
            const k = kill as { kind: LuaFailure['kind']; message: string } | null;
            if (k) return fail(k.kind, k.message);
            const t = lua.lua_type(thread, -1);
            const message = t === lua.LUA_TSTRING || t === lua.LUA_TNUMBER
              ? (lua.lua_tojsstring(thread, -1) as string)
              : `(error object is a ${fengari.to_jsstring(lua.lua_typename(thread, t))} value)`;
            return fail(state.killed ? 'limit' : 'runtime', message);
          }
          const request = pending?.request as Q;
          pending = null;
          const left = opts.wallMs - (performance.now() - started);
          if (left <= 0) return fail('budget', `wall-clock limit exceeded (${opts.wallMs} ms for the whole run, cluster reads included)`);
          const waitStart = performance.now();
          stats.waits++;
          let values: unknown[];
          try {
            values = await opts.serve(request, AbortSignal.timeout(Math.max(1, Math.floor(left))));
          } catch (e) {
            if (performance.now() - started >= opts.wallMs) return fail('budget', `wall-clock limit exceeded (${opts.wallMs} ms for the whole run, cluster reads included)`);
            values = [false, e instanceof Error ? e.message : String(e)];
          } finally {
            stats.waitMs += performance.now() - waitStart;
          }
          lua.lua_settop(thread, 0);
          try {
            for (const v of values) pushJsonValue(thread, v);
          } catch (e) {
            if (!(e instanceof InputLimitError)) throw e;
            lua.lua_settop(thread, 0);
            values = [false, e.message];
            lua.lua_pushboolean(thread, false);
            lua.lua_pushstring(thread, to_luastring(e.message));
          }
          nargs = values.length;
        }
      } finally {
        co = null;
        pending = null;
        lua.lua_sethook(thread, null, 0, 0);
        lauxlib.luaL_unref(L, lua.LUA_REGISTRYINDEX, ref);
      }
    },
  };
}
