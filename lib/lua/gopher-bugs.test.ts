// Production bugs the preview predicts (docs/differences.md): gopher-lua's fixed-size registry.
// Every threshold below was observed by running the same script on gopher-lua built at Kruise's pin
// (658193537a64) and at v1.1.1 (DeepFlow); both give identical answers (lua.NewState(), DoString).
import { describe, expect, it } from 'vitest';
import { createLuaState, type LuaProfile } from './index';

function run(src: string, profile: LuaProfile) {
  const prints: string[] = [];
  // generous budgets: these scripts build tables of thousands of elements, and tests must not depend on timing
  const state = createLuaState({ profile, budget: { ms: 60_000, instructions: 1e9 }, onPrint: (t) => prints.push(t) });
  const loaded = state.load(src);
  const result = loaded.ok ? state.call(0, 0) : loaded;
  state.close();
  return { result, out: prints.join('\n') };
}

const fill = (n: number, value = '"x"') => `local t = {} for i = 1, ${n} do t[i] = ${value} end\n`;

// [name, script after `local t = …` (line 2 onwards), first failing size, line of the error]
const CASES: [string, string, number, number][] = [
  ['table.concat(t, sep)', 'local s = table.concat(t, ",")', 2558, 2],
  ['table.concat(t)', 'local s = table.concat(t)', 2559, 2],
  ['unpack(t)', 'local a = unpack(t)', 5117, 2],
  ['{unpack(t)}', 'local a = {unpack(t)}', 5116, 2],
  ['select("#", unpack(t))', 'local n = select("#", unpack(t))', 5115, 2],
  ['string.char(unpack(t))', 'local s = string.char(unpack(t))', 5116, 2],
  ['g(unpack(t)), g with one parameter', 'local function g(a) return a end local n = g(unpack(t))', 5115, 2],
  ['concat in a function', 'local function f() return table.concat(t, ",") end local s = f()', 2557, 2],
  ['concat in a vararg function', 'local function f(...) local s = table.concat(t, ",") return s end local s = f(1, 2, 3)', 2555, 2],
  ['concat as a tail call of the chunk', 'return table.concat(t, ",")', 2558, 2],
  // gopher keeps the key of an assignment target in a register (fengari's parser is patched to match)
  ['x.y = table.concat(t, sep)', 'x = {} x.y = table.concat(t, ",")', 2557, 2],
  ['u[1] = unpack(t)', 'local u = {} u[1] = unpack(t)', 5115, 2],
  ['x.z.w = table.concat(t, sep)', 'x = {z = {}} x.z.w = table.concat(t, ",")', 2557, 2],
  ['a call in a table constructor', 'local r = {a = 1, b = {c = table.concat(t, ",")}}', 2557, 2],
  ['a method call argument', 'local o = {m = function(self, a) return a end} local s = o:m(table.concat(t, ","))', 2557, 2],
  ['10 frames deep', 'local function rec(d) if d == 0 then return table.concat(t, ",") end return (rec(d - 1)) end rec(10)', 2547, 2],
  ['pcall(table.concat, t, sep)', 'local ok, s = pcall(table.concat, t, ",") if not ok then error(s, 0) end', 2558, 2],
  ['concat in a pcall-ed function', 'local ok, e = pcall(function() return table.concat(t, ",") end) if not ok then error(e, 0) end', 2557, 2],
];

describe.each(['kruise', 'deepflow'] as const)('registry overflow (%s)', (profile) => {
  it.each(CASES)('%s: n-1 works, n fails', (_name, body, n, line) => {
    const value = body.includes('string.char') ? '65' : '"x"';
    expect(run(fill(n - 1, value) + body, profile).result).toEqual({ ok: true });
    expect(run(fill(n, value) + body, profile).result).toMatchObject({
      ok: false,
      error: { kind: 'runtime', message: `<string>:${line}: registry overflow`, line },
    });
  });

  it.skipIf(profile !== 'deepflow')('in a coroutine, which has a registry of its own', () => {
    const body = 'local co = coroutine.wrap(function() return table.concat(t, ",") end) local s = co()';
    expect(run(fill(2558) + body, profile).result).toEqual({ ok: true });
    // (fengari's coroutine.wrap prefixes the position once more; gopher's does not: not this test's subject)
    expect(run(fill(2559) + body, profile).result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/<string>:2: registry overflow$/) } });
  });

  it('string.byte(s, 1, -1)', () => {
    const src = (n: number) => `local t = 0\nlocal s = string.rep("a", ${n}) local n = select("#", string.byte(s, 1, -1))`;
    expect(run(src(5111), profile).result).toEqual({ ok: true });
    expect(run(src(5112), profile).result).toMatchObject({ ok: false, error: { message: '<string>:2: registry overflow' } });
  });

  it('pcall sees the message; every overflow raised on a full registry grows it by one slot', () => {
    const src = `${fill(6000)}print(pcall(unpack, t))
print(pcall(table.concat, t, ","))
print(pcall(string.byte, string.rep("a", 6000), 1, -1))`;
    expect(run(src, profile).out).toBe('false\t<string>:2: registry overflow\nfalse\t<string>:3: registry overflow\nfalse\t<string>:4: registry overflow');
    for (const [k, first] of [[0, 5109], [1, 5110], [2, 5111], [3, 5112]]) {
      const grow = `local function mk(n) local t = {} for i=1,n do t[i]="x" end return t end
local big = mk(6000)
for i = 1, ${k} do assert(not pcall(unpack, big)) end
local function try(n) local t = mk(n) return (pcall(function() local a = unpack(t) end)) end
local lo = 5100 while try(lo) do lo = lo + 1 end
print(lo)`;
      expect(run(grow, profile).out).toBe(String(first));
    }
  });

  it('unpack of a huge range fails with the overflow, not a long loop', () => {
    expect(run('local a = unpack({}, 1, 2^40)', profile).result).toMatchObject({ ok: false, error: { message: '<string>:1: registry overflow' } });
  });
});

describe.each(['kruise', 'deepflow'] as const)('gopher-lua table.concat / unpack / string.byte semantics (%s)', (profile) => {
  const printed = (src: string) => {
    const r = run(src, profile);
    expect(r.result).toEqual({ ok: true });
    return r.out;
  };
  it('string.byte without j returns the rest of the string', () => {
    expect(printed('print(string.byte("abc"))\nprint(string.byte("abc", 2))\nprint(string.byte("abc", 0))\nprint(string.byte("abc", -1))\nprint(string.byte("abc", 2, 10))\nprint(string.byte("abc", 4))'))
      .toBe('97\t98\t99\n98\n\n99\n98\t99\n');
  });
  it('table.concat clamps its range and reads raw values', () => {
    expect(printed('print(table.concat({1,2,3}, ",", 5))\nprint(table.concat({1,2,3}, ",", 0, 2))\nprint(table.concat({1,2,3}, ",", 2, 10))\nprint(table.concat({"a","b"}, nil, 2))\nprint(table.concat({1, 2.5, "x"}))'))
      .toBe('\n1,2\n2,3\nb\n12.5x');
    expect(printed('local t = setmetatable({}, {__index = function(t, k) return k end}) print(table.concat(t), unpack(t, 1, 2))')).toBe('\tnil\tnil');
  });
  it('errors', () => {
    expect(printed('print(pcall(table.concat, {1,{},3}))')).toBe('false\t<string>:1: invalid value (table) at index 2 in table for concat');
    expect(run('local s = table.concat({1, 2}, 1)', profile).result).toMatchObject({ ok: false, error: { production: '<string>:1: bad argument #2 to concat (string expected, got number)' } });
    expect(run('local s = table.concat({1, 2}, ",", "2")', profile).result).toMatchObject({ ok: false, error: { production: '<string>:1: bad argument #3 to concat (number expected, got string)' } });
    expect(run('local a = unpack({1, 2}, "x")', profile).result).toMatchObject({ ok: false, error: { production: '<string>:1: bad argument #2 to unpack (number expected, got string)' } });
    expect(printed('print(unpack({1,2,3}, 2))\nprint(unpack({1,2,3}, -1, 1))\nprint(select("#", unpack({}, 1, 3)))\nprint(unpack({1,2,3}, 1.7, 2.2))')).toBe('2\t3\nnil\tnil\t1\n3\n1\t2');
  });
});
