import { describe, expect, it } from 'vitest';
import { createLuaState, createResumable, NESTED_COROUTINE, NOT_YIELDABLE, type ResumableRunOptions } from './index';
import fengari from './fengari';

const { lua, to_luastring } = fengari;

// `wait(x)` pauses the script; the fake host answers x * 10 (or fails for "boom").
async function run(source: string, opts: Partial<ResumableRunOptions<number>> = {}) {
  const state = createLuaState({ profile: 'deepflow' });
  const r = createResumable<number>(state);
  r.pushYielding((L) => lua.lua_tonumber(L, 1) as number);
  lua.lua_setglobal(state.L, to_luastring('wait'));
  const served: number[] = [];
  const loaded = state.load(source);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const outcome = await r.run({
    wallMs: 5000,
    serve: async (x) => {
      served.push(x);
      if (x < 0) throw new Error('boom');
      return [x * 10];
    },
    ...opts,
  });
  const values: unknown[] = [];
  for (let i = outcome.nresults; i >= 1; i--) values.push(state.toStringValue(-i));
  state.pop(outcome.nresults);
  const top = state.top();
  state.close();
  return { ...outcome, values, served, top };
}

describe('createResumable', () => {
  it('pauses at each call, resumes with the host answer, and returns the chunk values', async () => {
    const out = await run('local a = wait(1) local b = wait(a + 1) return a, b, a + b');
    expect(out.result).toEqual({ ok: true });
    expect(out.values).toEqual(['10', '110', '120']);
    expect(out.served).toEqual([1, 11]);
    expect(out.stats.waits).toBe(2);
    expect(out.top).toBe(0);
  });

  it('pauses inside pcall too; a failed answer is an error the script can catch', async () => {
    const out = await run('local ok, v = pcall(wait, 2) local ok2, e = pcall(function() local f = wait(-1) if f == false then error("failed") end end) return tostring(ok) .. v, tostring(ok2)');
    expect(out.result).toEqual({ ok: true });
    expect(out.values).toEqual(['true20', 'false']);
  });

  it('fails clearly where fengari cannot pause: gsub and sort callbacks, __tostring through tostring', async () => {
    for (const src of [
      'return (string.gsub("ab", "%w", function(c) return wait(1) end))',
      'local t = {3, 1, 2} table.sort(t, function(a, b) wait(1) return a < b end) return 1',
      'return tostring(setmetatable({}, { __tostring = function() return tostring(wait(1)) end }))',
    ]) {
      const out = await run(src);
      expect(out.result.ok).toBe(false);
      if (!out.result.ok) {
        expect(out.result.error.kind).toBe('runtime');
        expect(out.result.error.message).toContain(NOT_YIELDABLE);
        expect(out.result.error.line).toBe(1);
      }
    }
  });

  it('refuses calls from a coroutine the script created', async () => {
    const out = await run('local co = coroutine.create(function() return wait(1) end) local ok, e = coroutine.resume(co) error(e, 0)');
    expect(out.result.ok).toBe(false);
    if (!out.result.ok) expect(out.result.error.message).toContain(NESTED_COROUTINE);
  });

  it('counts instructions across resumes and stops a runaway after a pause, even inside pcall', async () => {
    const out = await run('wait(1) pcall(function() while true do end end) return 1', { budget: { instructions: 200_000, ms: 60_000 } });
    expect(out.result).toMatchObject({ ok: false, error: { kind: 'budget', message: expect.stringContaining('instruction budget exceeded') } });
    expect(out.stats.instructions).toBeGreaterThan(200_000);
  });

  it('does not count waiting time as Lua time, but the whole run has a wall-clock limit', async () => {
    const slow: Partial<ResumableRunOptions<number>> = { budget: { ms: 50 }, serve: (x) => new Promise((res) => setTimeout(() => res([x]), 80)) };
    const waited = await run('local a = wait(1) return a', slow);
    expect(waited.result).toEqual({ ok: true }); // 80 ms of waiting, 50 ms Lua budget

    const wall = await run('for i = 1, 10 do wait(i) end return 1', { ...slow, wallMs: 200 });
    expect(wall.result).toMatchObject({ ok: false, error: { kind: 'budget', message: expect.stringContaining('wall-clock limit exceeded') } });
  });

  it('keeps the budget hook after pcall catches an error inside a coroutine (fengari allowhook patch)', async () => {
    const out = await run('pcall(error, "x") while true do end', { budget: { instructions: 100_000, ms: 60_000 } });
    expect(out.result).toMatchObject({ ok: false, error: { kind: 'budget' } });
    const state = createLuaState({ profile: 'deepflow', budget: { instructions: 100_000, ms: 60_000 } });
    state.load('coroutine.wrap(function() pcall(error, "x") while true do end end)()');
    expect(state.call(0, 0)).toMatchObject({ ok: false, error: { kind: 'budget' } });
    state.close();
  });
});
