// The host-facing state API: instruction counts, values read as JS trees, JS functions on the
// calling thread, and snapshot/restore of the standard environment.
import { describe, expect, it } from 'vitest';
import { createLuaState, LUA_MULTRET, type LuaState, type LuaTable } from './index';

function ran(state: LuaState, src: string, nresults = 0): void {
  const loaded = state.load(src);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const called = state.call(0, nresults);
  if (!called.ok) throw new Error(called.error.message);
}

const text = (b: unknown) => new TextDecoder().decode(b as Uint8Array);

describe('instructionsUsed', () => {
  it('counts every instruction, not only whole hook periods, and accumulates over calls', () => {
    const count = (n: number) => {
      const state = createLuaState({ profile: 'kruise' });
      ran(state, `for i = 1, ${n} do end`);
      const used = state.instructionsUsed;
      state.close();
      return used;
    };
    const a = count(12_345);
    const b = count(24_690);
    expect(a).toBeGreaterThan(12_345);
    expect(b - a).toBe(12_345); // one FORLOOP per iteration
    const state = createLuaState({ profile: 'deepflow' });
    expect(state.instructionsUsed).toBe(0);
    ran(state, 'for i = 1, 12345 do end');
    ran(state, 'for i = 1, 12345 do end');
    expect(state.instructionsUsed).toBe(2 * a);
    state.close();
  });

  it('includes a call stopped by its budget', () => {
    const state = createLuaState({ profile: 'kruise', budget: { instructions: 20_000 } });
    expect(state.load('while true do end').ok).toBe(true);
    expect(state.call(0, 0).ok).toBe(false);
    expect(state.instructionsUsed).toBeGreaterThan(20_000);
    expect(state.instructionsUsed).toBeLessThan(25_000);
    state.close();
  });
});

describe('readValue', () => {
  it('reads scalars, strings as bytes and tables in next order; a shared table is one object', () => {
    const state = createLuaState({ profile: 'kruise' });
    ran(state, 'local s = {1} local t = {} t[1] = 10 t[2] = 20 t.a = "x" t[2.5] = true t.f = print t.self = t t.s1 = s t.s2 = s return t', 1);
    const t = state.readValue(-1) as LuaTable;
    expect(state.top()).toBe(1);
    expect(t.kind).toBe('table');
    const keys = t.entries.map(([k]) => (k instanceof Uint8Array ? text(k) : k));
    expect(keys).toEqual([1, 2, 'a', 2.5, 'f', 'self', 's1', 's2']);
    const get = (name: string) => t.entries.find(([k]) => k instanceof Uint8Array && text(k) === name)?.[1];
    expect(text(get('a'))).toBe('x');
    expect(get('f')).toEqual({ kind: 'opaque', typeName: 'function' });
    expect(get('self')).toBe(t);
    expect(get('s1')).toBe(get('s2'));
    expect(t.entries.find(([k]) => k === 2.5)?.[1]).toBe(true);
    state.pushNil();
    expect(state.readValue(-1)).toBeNull();
    expect(state.readValue(5)).toBeNull(); // none
    state.close();
  });

  it('returns every value with LUA_MULTRET', () => {
    const state = createLuaState({ profile: 'kruise' });
    ran(state, 'return 1, "two", nil', LUA_MULTRET);
    expect(state.top()).toBe(3);
    expect([state.readValue(1), text(state.readValue(2)), state.readValue(3)]).toEqual([1, 'two', null]);
    state.close();
  });
});

describe('JS functions', () => {
  it('run on the calling thread, inside coroutines too, and take bytes arguments', () => {
    const state = createLuaState({ profile: 'deepflow' });
    state.pushFunctionTable({
      upper(s) {
        s.pushString(text(s.checkBytes(1)).toUpperCase());
        return 1;
      },
      pair(s) {
        s.pushJson({ n: s.top() });
        s.pushNil();
        return 2;
      },
    });
    const lib = state.ref();
    state.pushRef(lib);
    expect(state.typeName(-1)).toBe('table');
    state.setTop(0);
    state.registerGlobalModule('lib', (s) => s.pushRef(lib));
    ran(state, 'local co = coroutine.wrap(function(a) coroutine.yield(lib.upper(a)) end) r1 = co("abc") r2 = lib.pair(1, 2, 3).n');
    state.getGlobal('r1');
    state.getGlobal('r2');
    expect([state.toStringValue(-2), state.toStringValue(-1)]).toEqual(['ABC', '3']);
    state.setTop(0);
    const loaded = state.load('return lib.upper({})');
    expect(loaded.ok).toBe(true);
    const r = state.call(0, 1);
    expect(!r.ok && r.error.message).toMatch(/bad argument #1 to 'upper' \(string expected, got table\)/);
    state.close();
  });
});

describe('require', () => {
  it('runs a JS module loader on the requiring thread (a coroutine too)', () => {
    const state = createLuaState({ profile: 'deepflow' });
    state.registerModule('greeting', (s) => s.pushString('hi'));
    ran(state, 'r = coroutine.wrap(function() return require("greeting") end)()');
    state.getGlobal('r');
    expect(state.toStringValue(-1)).toBe('hi');
    state.close();
  });
});

describe('snapshot / restore', () => {
  it('puts globals, library tables and the string metatable back in place', () => {
    const state = createLuaState({ profile: 'deepflow' });
    const fresh = state.snapshot();
    ran(state, 'x = 1 string.upper = string.lower; string.extra = 1 math.pi = 3 getmetatable("").__index = {} table.insert = print');
    state.pushNil();
    expect(state.restore(fresh)).toBe(true);
    expect(state.top()).toBe(0);
    ran(state, 'return x, string.upper("a"), string.extra, math.pi > 3.14, ("b"):upper(), table.insert == print', LUA_MULTRET);
    expect([state.readValue(1), text(state.readValue(2)), state.readValue(3), state.readValue(4), text(state.readValue(5)), state.readValue(6)])
      .toEqual([null, 'A', null, true, 'B', false]);
    state.close();
  });

  it('asks for a new state when it cannot restore in place', () => {
    const removed = createLuaState({ profile: 'deepflow' });
    const r = removed.snapshot();
    ran(removed, 'string.upper = nil');
    expect(removed.restore(r)).toBe(false);
    removed.close();

    const replaced = createLuaState({ profile: 'deepflow' });
    const a = replaced.snapshot();
    ran(replaced, 'setmetatable(_G, {})');
    expect(replaced.restore(a)).toBe(false);
    replaced.close();

    const tableKey = createLuaState({ profile: 'deepflow' });
    const b = tableKey.snapshot();
    ran(tableKey, '_G[{}] = 1');
    expect(tableKey.restore(b)).toBe(false);
    tableKey.close();

    const killed = createLuaState({ profile: 'deepflow', budget: { instructions: 10_000 } });
    const c = killed.snapshot();
    expect(killed.load('while true do end').ok).toBe(true);
    expect(killed.call(0, 0).ok).toBe(false);
    expect(killed.restore(c)).toBe(false);
    killed.close();
  });

  it('rejects a handle of another state', () => {
    const one = createLuaState({ profile: 'deepflow' });
    const other = createLuaState({ profile: 'deepflow' });
    const h = one.snapshot();
    other.snapshot();
    expect(() => other.restore({ id: h.id + 100 })).toThrow(/not a snapshot/);
    one.close();
    other.close();
  });
});
