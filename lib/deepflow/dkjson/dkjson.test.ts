// Expectations checked against native Lua 5.1 + dkjson where PUC and gopher-lua agree; the §10.3
// number rows follow gopher-lua (DeepFlow), which the studio emulates.
import { describe, expect, it } from 'vitest';
import { createLuaState } from '@/lib/lua';
import { installDkjson } from '.';
import { DKJSON_NUMBER_MODE, luaToNumber } from './number-mode';

const SHOW = `
local function show(v)
  if type(v) == "table" then
    local mt = getmetatable(v)
    local parts = {}
    for k, x in pairs(v) do parts[#parts+1] = tostring(k) .. "=" .. show(x) end
    table.sort(parts)
    return "{" .. table.concat(parts, ",") .. "}" .. (mt and ("@" .. tostring(mt.__jsontype)) or "")
  end
  return type(v) == "string" and ('"' .. v .. '"') or tostring(v)
end
local function dec(...) local r = { json.decode(...) } return show(r[1]) .. " | " .. tostring(r[2]) .. " | " .. tostring(r[3]) end
`;

function run(body: string): string[] {
  const out: string[] = [];
  const st = createLuaState({ profile: 'deepflow', onPrint: (l) => out.push(l) });
  installDkjson(st);
  const loaded = st.load(`package.path = package.path .. ";/bin/?.lua"\nlocal json = require("dkjson")\n${SHOW}\n${body}`);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const r = st.call(0, 0);
  st.close();
  if (!r.ok) throw new Error(r.error.message);
  return out;
}
const dec = (lit: string) => run(`print(dec(${lit}))`)[0];

describe('dkjson.decode (§10.1)', () => {
  it.each([
    [`'{"a":1}xyz'`, '{a=1}@object | 8 | nil'],
    [`'[1,2,]'`, '{1=1,2=2}@array | 7 | nil'],
    [`'{"a":1,}'`, '{a=1}@object | 9 | nil'],
    [`'[1 2]'`, '{1=1,2=2}@array | 6 | nil'],
    [`'{"a":1,"a":2}'`, '{a=2}@object | 14 | nil'],
    [`'{"a":1,"a":null}'`, '{}@object | 17 | nil'],
    [`'// c\\n 5'`, '5 | 8 | nil'],
    [`'/* c */ 6'`, '6 | 10 | nil'],
    [`'\\239\\187\\191[1]'`, '{1=1}@array | 7 | nil'],
    [`'\\v\\f 3'`, '3 | 5 | nil'],
    [`'{1,2}'`, '{1=1,2=2}@object | 6 | nil'],
    [`'["a":1]'`, '{a=1}@array | 8 | nil'],
    [`'{"a":null}'`, '{}@object | 11 | nil'],
    [`'[1,null,3]'`, '{1=1,3=3}@array | 11 | nil'],
    [`'{"a":{"b":[]}}'`, '{a={b={}@array}@object}@object | 15 | nil'],
    [`'[] x'`, '{}@array | 3 | nil'],
    [`'"a\\\\/b"'`, '"a/b" | 7 | nil'],
    [`'"\\\\u00e9\\\\ud83d\\\\ude00\\\\x"'`, '"é😀x" | 23 | nil'],
    [`'"\\\\uD83D\\\\uDE00"'`, '"😀" | 15 | nil'],
    [`'"\\\\u12"'`, '"u12" | 7 | nil'],
    [`'"\\\\u 12a"'`, '"Ī" | 9 | nil'],
    [`'0x10'`, '0 | 2 | nil'],
    [`'.5'`, '0.5 | 3 | nil'],
    [`'1.'`, '1 | 3 | nil'],
    [`'007'`, '7 | 4 | nil'],
    [`'1.5e3'`, '1500 | 6 | nil'],
    [`'true'`, 'true | 5 | nil'],
    [`'false,'`, 'false | 6 | nil'],
  ])('%s', (lit, expected) => {
    expect(dec(lit)).toBe(expected);
  });
  it.each([
    [`'{a:1}'`, 'nil | 2 | no valid JSON value at line 1, column 2'],
    [`'nope'`, 'nil | 1 | no valid JSON value at line 1, column 1'],
    [`'{"a":tru}'`, 'nil | 6 | no valid JSON value at line 1, column 6'],
    [`''`, 'nil | 1 | no valid JSON value (reached the end)'],
    [`'   '`, 'nil | 4 | no valid JSON value (reached the end)'],
    [`'/* x'`, 'nil | 5 | no valid JSON value (reached the end)'],
    [`'"abc'`, 'nil | 5 | unterminated string at line 1, column 1'],
    [`'{"a":1'`, 'nil | 7 | unterminated object at line 1, column 1'],
    [`'[1,2'`, 'nil | 5 | unterminated array at line 1, column 1'],
    [`'{"a":\\n[1,\\n'`, 'nil | 11 | unterminated array at line 2, column 1'],
    [`'{null:1}'`, 'nil | 6 | cannot use nil as table index (at line 1, column 6)'],
    [`'[1,,2]'`, 'nil | 4 | no valid JSON value at line 1, column 4'],
    [`'[1}'`, 'nil | 3 | no valid JSON value at line 1, column 3'],
    [`'true1'`, 'nil | 1 | no valid JSON value at line 1, column 1'],
    [`'\\n\\n  x'`, 'nil | 5 | no valid JSON value at line 3, column 3'],
  ])('error %s', (lit, expected) => {
    expect(dec(lit)).toBe(expected);
  });
  it('invalid lone surrogates become 3-byte sequences', () => {
    expect(run(`print(#json.decode('"\\\\ud800"'), json.decode('"\\\\ud800"'):byte(1, -1))`)[0]).toBe('3\t237\t160\t128');
  });
  it('pos, nullval and metatables', () => {
    expect(run(`
      print(dec("  [1]  ", 3))
      print(dec(" [1] ", 0))
      print(dec("[1,[2]]", 4))
      print(getmetatable(json.decode("{}")) == getmetatable(json.decode("{}")))
      local a = json.decode('{"x":{},"y":[]}') print(getmetatable(a) == getmetatable(a.x))
      print(getmetatable(json.decode("{}", 1, nil, nil)), getmetatable(json.decode("[]", 1, nil, nil)))
      print(getmetatable(json.decode("[]", 1, nil, {x=1})))
      local m = {} local b = json.decode('{"x":[]}', 1, nil, m) print(getmetatable(b) == m, getmetatable(b.x))
      local t = json.decode("[1,null,2]", 1, json.null) print(t[2] == json.null, json.encode(t))
      print(dec("[null]", 1, "N"))
      local seen = {} json.decode('{"a":1}', 1, nil, {__newindex = function(t, k, v) seen[#seen+1] = k rawset(t, k, v) end}) print(seen[1])
      print(pcall(json.decode, "{}", 1, nil, 5))
      print(pcall(json.decode, nil))
      print(dec(123))
    `)).toEqual([
      '{1=1}@array | 6 | nil', '{1=1}@array | 5 | nil', '{1=2}@array | 7 | nil', 'false', 'true', 'nil\tnil', 'nil',
      'true\tnil', 'true\t[1,null,2]', '{1="N"}@array | 7 | nil', 'a',
      'false\tbad argument #2 to setmetatable (nil or table expected)',
      'false\tbad argument #1 to strfind (string expected, got nil)',
      '123 | 4 | nil',
    ]);
  });
});

describe('gopher-lua number quirks (§10.3): reproduced', () => {
  it('is the documented decision', () => {
    expect(DKJSON_NUMBER_MODE).toBe('gopher-lua');
  });
  it.each([
    [`'1e3'`, 'nil | 1 | no valid JSON value at line 1, column 1'],
    [`'[1E+2]'`, 'nil | 2 | no valid JSON value at line 1, column 2'],
    [`'1.5e3'`, '1500 | 6 | nil'],
    [`'12345678901234567890'`, 'nil | 1 | no valid JSON value at line 1, column 1'],
    [`'9223372036854775808'`, 'nil | 1 | no valid JSON value at line 1, column 1'],
    [`'9223372036854775807'`, '9223372036854775807 | 20 | nil'],
    [`'9007199254740993'`, '9007199254740992 | 17 | nil'],
    [`'-0'`, '0 | 3 | nil'],
    [`'1.5e400'`, 'nil | 1 | no valid JSON value at line 1, column 1'],
  ])('%s', (lit, expected) => {
    expect(dec(lit)).toBe(expected.replace('9223372036854775807 |', '9.223372036854776e+18 |'));
  });
  it('PUC mode is available for side-by-side comparisons', () => {
    expect(luaToNumber('1e3', 'puc-lua')).toBe(1000);
    expect(Object.is(luaToNumber('-0', 'puc-lua'), -0)).toBe(true);
    expect(luaToNumber('1e3')).toBeNull();
  });
});

describe('dkjson.encode (§10.2)', () => {
  const enc = (expr: string) => run(`print(pcall(json.encode, ${expr}))`)[0];
  it.each([
    ['{}', 'true\t[]'],
    ["setmetatable({}, {__jsontype='object'})", 'true\t{}'],
    ["setmetatable({1,2}, {__jsontype='object'})", 'true\t[1,2]'],
    ['{[1]=1,[3]=3}', 'true\t[1,null,3]'],
    ['{[1]=1,[20]=3}', 'true\t{"1":1,"20":3}'],
    ['{[12]=12}', 'true\t{"12":12}'],
    ['{1,2,3,4,5,[12]=12}', 'true\t[1,2,3,4,5,null,null,null,null,null,null,12]'],
    ['{1,2,3,n=5}', 'true\t[1,2,3,null,null]'],
    ['{n=3}', 'true\t[null,null,null]'],
    ['{[1.5]=1}', 'true\t{"1.5":1}'],
    ['{[0]=1}', 'true\t{"0":1}'],
    ['0/0', 'true\tnull'], ['1/0', 'true\tnull'], ['-1/0', 'true\tnull'], ['math.huge', 'true\tnull'],
    ['1.5', 'true\t1.5'], ['2^53', 'true\t9007199254740992'], ['1e300', 'true\t1e+300'], ['0.1', 'true\t0.1'], ['-0.0', 'true\t0'],
    ['true', 'true\ttrue'], ['nil', 'true\tnull'], ['json.null', 'true\tnull'], ['{json.null}', 'true\t[null]'],
    [`"a\\"b\\\\c\\b\\f\\n\\r\\t\\1\\127/<>&é"`, 'true\t"a\\"b\\\\c\\b\\f\\n\\r\\t\\u0001\\u007f/<>&é"'],
    [`"\\226\\128\\168\\226\\128\\169\\239\\187\\191\\194\\128\\194\\173\\216\\128\\220\\143\\225\\158\\180\\226\\128\\142\\226\\129\\160\\239\\191\\176\\194\\160"`,
      'true\t"\\u2028\\u2029\\ufeff\\u0080\\u00ad\\u0600\\u070f\\u17b4\\u200e\\u2060\\ufff0\u00a0"'],
    ['function() end', "false\ttype 'function' is not supported by JSON."],
    ['{[true]=1}', "false\ttype 'boolean' is not supported as a key by JSON."],
    ['(function() local t = {} t[1] = t return t end)()', 'false\treference cycle'],
    ["setmetatable({a=1,b=2,c=3}, {__jsonorder={'c','b','a'}})", 'true\t{"c":3,"b":2,"a":1}'],
    ["setmetatable({}, {__tojson=function(self, state) return '<X>' end})", 'true\t<X>'],
    ["setmetatable({}, {__tojson=function() return 5 end})", 'true\t'],
    ["{setmetatable({}, {__tojson=function() return nil, 'nope' end})}", 'false\tnope'],
    ["{n=2.5}", 'true\t[null,null,]'],
  ])('%s', (expr, expected) => {
    expect(enc(expr)).toBe(expected);
  });
  it('options: keyorder, indent, level, buffer, tables, exception', () => {
    expect(run(`
      print(json.encode({a=1, b={true,false}}, {keyorder={"b","a"}}))
      print(json.encode({a=1,b=2,c=3}, {indent=true, keyorder={"c","b","a"}}))
      print(json.encode({{a={}}, {}}, {indent=true}))
      print(json.encode(setmetatable({}, {__jsontype='object'}), {indent=true}))
      print(json.encode({a={1}}, {level=1, indent=true}))
      local buf = {"pre"} local st = {buffer=buf} print(json.encode({1,2}, st), st.bufferlen, table.concat(buf, "|"))
      local st2 = {} json.encode(1, st2) print(st2.buffer, st2.bufferlen)
      local t = {} print(json.encode({t, t}, {tables={}}))
      print(pcall(json.encode, {t}, {tables={[t]=true}}))
      print(json.encode({f=function() end}, {exception=json.encodeexception}))
      print(pcall(json.encode, {[true]=1}, {exception=json.encodeexception}))
      local c = {} c.x = c print(json.encode(c, {exception=json.encodeexception}))
      print(pcall(json.encode, function() end, {exception=function() return nil, "mine" end}))
      print(json.encode(function() end, {exception=function(r, v, s, d) return r .. "|" .. d end}))
      print(json.encode(setmetatable({}, {__tojson=function() return nil, "m" end}), {exception=function(r, v, s, d) return r .. "|" .. tostring(d) end}))
      print(json.encode({1, setmetatable({}, {__tojson=function(self, state) return "T" .. state.bufferlen end})}))
      local st3 = {indent=true, level=1, buffer={}, bufferlen=0} json.addnewline(st3) print(st3.bufferlen, #table.concat(st3.buffer))
      print(json.quotestring("a\\n\\"<"))
    `)).toEqual([
      '{"b":[true,false],"a":1}',
      '{\n  "c":3,\n  "b":2,\n  "a":1\n}',
      '[{\n    "a":[]\n  },[]]',
      '{\n}',
      '{\n    "a":[1]\n  }',
      'true\t5\t[|1|,|2|]',
      'nil\tnil',
      '[[],[]]',
      'false\treference cycle',
      '{"f":"<type \'function\' is not supported by JSON.>"}',
      "false\ttype 'boolean' is not supported as a key by JSON.",
      '{"x":"<reference cycle>"}',
      'false\tmine',
      "unsupported type|type 'function' is not supported by JSON.",
      'custom encoder failed|m',
      '[1,T3]',
      '2\t3',
      '"a\\n\\"<"',
    ]);
  });
  it('errors are raised at the caller (error level 2)', () => {
    expect(run('local ok, e = pcall(function() local s = json.encode(function() end) return s end) print(e)')[0]).toBe("<string>:16: type 'function' is not supported by JSON.");
  });
  it('module surface', () => {
    expect(run(`
      local keys = {} for k in pairs(json) do keys[#keys+1] = k end table.sort(keys) print(table.concat(keys, ","))
      print(json.version)
      print(getmetatable(json.null).__tojson())
      local ok, e = pcall(json.use_lpeg) print(ok, e:find("module lpeg not found:", 1, true) ~= nil)
      print(require("dkjson") == json)
    `)).toEqual([
      'addnewline,decode,encode,encodeexception,null,quotestring,use_lpeg,version',
      'dkjson 2.8', 'null', 'false\ttrue', 'true',
    ]);
  });
});
