// The dialect table (lua-dialect.md §2, §4), numbers (§3), string.format, budgets (§8), deepflow require.
import { describe, expect, it } from 'vitest';
import { checkSyntax, createLuaState, escapeWarnings, formatLuaNumber, type LuaProfile } from './index';
import fengari from './fengari';

function run(src: string, profile: LuaProfile = 'kruise', budget?: { ms?: number; instructions?: number }) {
  const prints: string[] = [];
  const state = createLuaState({ profile, budget, onPrint: (t) => prints.push(t) });
  const loaded = state.load(src);
  const result = loaded.ok ? state.call(0, 0) : loaded;
  // still usable after a failure: run a trivial chunk
  const again = state.load('print("alive")');
  const alive = again.ok && state.call(0, 0).ok;
  state.close();
  return { result, out: prints.filter((p) => p !== 'alive').join('\n'), alive };
}
const out = (src: string, profile: LuaProfile = 'kruise') => {
  const r = run(src, profile);
  expect(r.result).toEqual({ ok: true });
  return r.out;
};

describe.each(['kruise', 'deepflow'] as const)('dialect (%s)', (profile) => {
  it('5.1 names present', () => {
    expect(out('print(type(unpack), type(table.getn), type(table.maxn), type(loadstring), type(math.pow), type(math.mod), type(math.log10), type(string.gfind), _VERSION)', profile))
      .toBe('function\tfunction\tfunction\tfunction\tfunction\tfunction\tfunction\tfunction\tLua 5.1');
    expect(out('print(table.getn({1,2,3}), table.maxn({1,2,[7]=1}), math.pow(2,10), math.mod(7,3), math.log10(1000), loadstring("return 1+1")())', profile)).toBe('3\t7\t1024\t1\t3\t2');
  });
  it('5.3 names absent', () => {
    expect(out('print(table.unpack, utf8, math.type, math.tointeger, math.maxinteger, math.mininteger, string.pack, table.move, rawlen, table.pack)', profile))
      .toBe(Array(10).fill('nil').join('\t'));
  });
  it('the 5.1 math functions 5.3 dropped are there, with C semantics', () => {
    expect(out('print(math.atan2(1, 1) == math.pi / 4, math.cosh(0), math.sinh(0), math.tanh(0), math.ldexp(0.75, 4))', profile)).toBe('true\t1\t0\t0\t12');
    expect(out('print(math.frexp(12)) print(math.frexp(-0.1)) print(math.frexp(0))', profile)).toBe('0.75\t4\n-0.8\t-3\n0\t0');
  });
  it('math.huge is MaxFloat64; setfenv raises a clear error', () => {
    expect(out('print(math.huge == 1.7976931348623157e308, math.huge < 1/0)', profile)).toBe('true\ttrue');
    const r = run('setfenv(1, {})', profile);
    expect(!r.result.ok && r.result.error.message).toMatch(/not supported by the studio's engine/);
  });
  it('32-bit integer overflow promotes to float like float64', () => {
    expect(out('print(2147483647 + 1 == 2147483648, 100000*100000 == 1e10, 100000*100000, -(-2147483647-1), 5 % 0)', profile)).toBe('true\ttrue\t10000000000\t2147483648\tNaN');
    expect(out('local x = 2147483647 print(x + 1, x * 2) local n = 0 for i = 2147483640, 2147483647 do n = n + 1 end print(n)', profile)).toBe('2147483648\t4294967294\n8');
  });
  it('5.1 library behaviour', () => {
    expect(out('local t = {1,2} table.insert(t, 5, 9) print(t[5], string.rep("ab", 3, ","), ("héllo"):upper(), ("ÀB"):lower())', profile)).toBe('9\tababab\tHÉLLO\tàb');
  });
});

describe('syntax per profile', () => {
  it.each([
    ['goto continue_ ::continue_::', false, true],
    ['local x = 7 // 2', false, false],
    ['local x = 5 & 3', false, false],
    ['local x = 1 << 4', false, false],
    ['local x = ~0', false, false],
    ['local s = "\\x41"', true, true],
    ['local s = "\\u{48}"', true, true],
    ['local s = "\\65" -- "\\x41" in a comment is fine', true, true],
  ])('%s', (src, kruiseOk, deepflowOk) => {
    expect(checkSyntax(src, 'kruise').ok).toBe(kruiseOk);
    expect(checkSyntax(src, 'deepflow').ok).toBe(deepflowOk);
  });
  it('1-based positions and gopher-style production messages', () => {
    const r = checkSyntax('local a = 1\nlocal x = 7 // 2', 'kruise');
    expect(r).toMatchObject({ ok: false, error: { kind: 'syntax', line: 2, column: 14, production: "<string> line:2(column:14) near '/':   syntax error" } });
  });
  it('5.2+ escapes read as gopher-lua reads them, with a warning', () => {
    expect(out('print("\\x41", "\\u{48}", "a\\zb", "\\q\\65")')).toBe('x41\tu{48}\tazb\tqA');
    const state = createLuaState({ profile: 'kruise' });
    expect(state.load('local s = "a\\z\n b"')).toMatchObject({ ok: false, error: { kind: 'syntax' } });
    state.close();
    expect(escapeWarnings('local s = "\\x41" -- "\\x42"\nlocal t = "\\z"')).toEqual([
      expect.objectContaining({ line: 1, column: 12 }),
      expect.objectContaining({ line: 2, column: 12 }),
    ]);
  });
  it('loadstring applies the same check', () => {
    expect(out('print(loadstring("return 7 // 2"))')).toMatch(/^nil\t<string>:1:/);
  });
});

describe('numbers (gopher-lua rule)', () => {
  it.each([
    [50, '50'], [1 / 3, '0.3333333333333333'], [0.1 + 0.2, '0.30000000000000004'], [1234567.5, '1.2345675e+06'],
    [0.00001, '1e-05'], [2 ** 53, '9007199254740992'], [2 ** 63, '9.223372036854776e+18'], [Number.MAX_VALUE, '1.7976931348623157e+308'],
    [-0, '0'], [NaN, 'NaN'], [Infinity, '+Inf'], [-Infinity, '-Inf'], [3000000000, '3000000000'], [1e100, '1e+100'], [0.0001, '0.0001'],
  ])('formatLuaNumber(%d) = %s', (n, s) => expect(formatLuaNumber(n)).toBe(s));
  it('tostring in the engine agrees', () => {
    expect(out('print(50.0, 100/2, "w=" .. 20*1.0, 1/3, 1234567.5, 0.00001, 2^53, 2^63, math.huge, -0.0, 0/0, 1/0, 3000000000)'))
      .toBe('50\t50\tw=20\t0.3333333333333333\t1.2345675e+06\t1e-05\t9007199254740992\t9.223372036854776e+18\t1.7976931348623157e+308\t0\tNaN\t+Inf\t3000000000');
  });
});

describe('string.format (gopher-lua)', () => {
  it.each([
    ['"%d", 3.7', '3'], ['"%d", 2^31', '2147483648'], ['"%d", -2.9', '-2'], ['"%s", 50.0', '50'], ['"%q", "a\\nb\\"c"', '"a\\nb\\"c"'],
    ['"%g", 1e20', '1e+20'], ['"%g", 1/3', '0.3333333333333333'], ['"%.3g", 1234.5', '1.23e+03'], ['"%5.2f", 3.14159', ' 3.14'],
    ['"%x|%X|%o", 255, 255, 8', 'ff|FF|10'], ['"%05d|%-4d|%+d", 42, 7, 3', '00042|7   |+3'], ['"%e", 12345.678', '1.234568e+04'],
    ['"%s|%.2s|%5s", "x", "héllo", "ab"', 'x|hé|   ab'], ['"%c%c", 72, 105', 'Hi'], ['"%f", 1/0', '+Inf'], ['"100%%"', '100%'],
  ])('format(%s)', (args, expected) => expect(out(`print(string.format(${args}))`)).toBe(expected));
});

describe('budgets and limits', () => {
  it('while true do end', () => {
    const r = run('while true do end', 'kruise', { ms: 100 });
    expect(r.result).toMatchObject({ ok: false, error: { kind: 'budget', production: '<string>:1: context deadline exceeded' } });
    expect(r.alive).toBe(true);
  });
  it('a pcall-wrapped infinite loop is stopped again', () => {
    const r = run('local ok = pcall(function() while true do end end) print("swallowed") while true do end', 'deepflow', { ms: 100 });
    expect(r.result).toMatchObject({ ok: false, error: { kind: 'budget' } });
    expect(r.out).toBe('');
    expect(!r.result.ok && r.result.error.message).toMatch(/DeepFlow has no limit/);
  });
  it('instruction budget', () => {
    const r = run('local i = 0 while true do i = i + 1 end', 'kruise', { instructions: 100_000 });
    expect(!r.result.ok && r.result.error.message).toMatch(/instruction budget exceeded \(100000 instructions\)/);
  });
  it('string.rep bomb and doubling concatenation', () => {
    const rep = run('local s = string.rep("x", 1e9)');
    expect(rep.result).toMatchObject({ ok: false, error: { kind: 'limit' } });
    expect(rep.alive).toBe(true);
    const rep2 = run('pcall(string.rep, "x", 1e9) print("swallowed")');
    expect(rep2.result).toMatchObject({ ok: false, error: { kind: 'limit' } });
    const cat = run('local s = "x" while true do s = s .. s end');
    expect(cat.result).toMatchObject({ ok: false, error: { kind: 'limit', message: expect.stringContaining('the .. operator') } });
    expect(cat.alive).toBe(true);
    const cat2 = run('pcall(function() local s = "x" while true do s = s .. s end end) print("swallowed")');
    expect(cat2.result).toMatchObject({ ok: false, error: { kind: 'limit' } });
    expect(out('local s = string.rep("x", 8000000) print(#(s .. s))')).toBe('16000000');
  });
  it('deep recursion hits gopher-lua\'s 256-frame call stack', () => {
    const r = run('local function f(n) return 1 + f(n + 1) end f(1)');
    expect(r.result).toMatchObject({ ok: false, error: { kind: 'runtime', message: '<string>:1: stack overflow' } });
    expect(r.alive).toBe(true);
    expect(out('local function g(d) if d == 0 then return 0 end return 1 + g(d - 1) end print(g(250))')).toBe('250');
  });
});

describe('deepflow sandbox and require', () => {
  it('os/io functions raise the studio message', () => {
    for (const [src, name] of [['os.execute("ls")', 'os.execute'], ['io.open("/etc/passwd")', 'io.open'], ['os.remove("x")', 'os.remove'], ['package.loadlib("a","b")', 'package.loadlib']]) {
      const r = run(src, 'deepflow');
      expect(!r.result.ok && r.result.error.message).toBe(`<string>:1: ${name} is not available in the studio sandbox`);
    }
    expect(out('print(type(os.time()), type(coroutine.wrap), debug, package.cpath == "")', 'deepflow')).toBe('number\tfunction\tnil\ttrue');
  });
  it('require serves a registered module only through package.path', () => {
    const state = createLuaState({ profile: 'deepflow' });
    let loads = 0;
    state.registerModule('dkjson', (s) => {
      loads++;
      s.pushJson({ version: 'test' });
    }, { requiresPath: '/bin/dkjson.lua' });
    expect(state.load('require("dkjson")').ok && state.call(0, 0)).toMatchObject({
      ok: false,
      error: { message: "<string>:1: module dkjson not found:\n\tno field package.preload['dkjson']\n\tstat ./dkjson.lua: no such file or directory\n\tstat /usr/local/share/lua/5.1/dkjson.lua: no such file or directory\n\tstat /usr/local/share/lua/5.1/dkjson/init.lua: no such file or directory, " },
    });
    state.load('package.path = package.path .. ";/bin/?.lua" local a = require("dkjson") local b = require("dkjson") assert(a == b and package.loaded.dkjson == a) return a.version');
    expect(state.call(0, 1)).toEqual({ ok: true });
    expect(state.toStringValue(-1)).toBe('test');
    expect(loads).toBe(1);
    state.close();
  });
  it('kruise require returns loaded modules only', () => {
    expect(out('print(require("string") == string, require("table") == table)')).toBe('true\ttrue');
  });
});

describe('pushJson', () => {
  it('int32 as integers, other numbers as floats, nulls dropped', () => {
    const state = createLuaState({ profile: 'kruise', onPrint: () => {} });
    state.setGlobalJson('v', { a: 1, big: 3000000000, f: 2.5, arr: [1, null, 3], gone: null });
    const { lua, to_luastring } = fengari;
    state.load('return v.big + 1, #v.arr, v.gone == nil, v.a + 2147483647');
    expect(state.call(0, 4)).toEqual({ ok: true });
    expect([1, 2, 3, 4].map((i) => state.toStringValue(-5 + i) ?? String(lua.lua_toboolean(state.L, -5 + i)))).toEqual(['3000000001', '2', 'true', '2147483648']);
    void to_luastring;
    state.close();
  });
});
