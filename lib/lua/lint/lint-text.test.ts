// Every lint the studio writes itself reads the same in English as the catalogue says, and has a
// Chinese rendering; text quoted from the parser stays as it is.
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '@/messages';
import type { Msg } from '@/lib/i18n/message';
import { lintLua, LUA_DIALECTS, type LuaDialect } from './index';
import { fillIcu } from '@/lib/i18n/fill-icu';

type T = (k: string, v?: Msg['values']) => string;
const en = createTranslator({ locale: 'en', messages: CATALOGUES.en }) as unknown as T;
const zh = createTranslator({ locale: 'zh-CN', messages: CATALOGUES['zh-CN'] }) as unknown as T;

const CORPUS: Record<LuaDialect, string[]> = {
  kruise: [
    'local x = os.time() io.write() package.path = "" coroutine.create() debug.traceback() channel.make()\nreturn obj.data',
    'local a = table.unpack({}) local b = table.pack(1) local c = table.move({}, 1, 1, 1) local d = math.type(1)\nlocal e = string.pack("i", 1) local f = utf8.char(65) local g = bit32.band(1, 1) return obj.data',
    'local j = require("yaml") local s = obj.stableRevision local u = string.foo local v = tabel return obj.data',
    'local s = "\\x41\\u{41}\\z\n" return obj.data',
    'local x = 1',
    'local q = qqqqqqqq return obj.data',
    'local x = (\nlocal y = table.unpack({}) os.time() require("yaml")',
    'local a,b,c,d = 1,2,3,4\nc = nil\nlocal z\nprint(d)\nreturn obj.data',
    'local x = 1\nlocal b = 2\nif tostring(x) == "2" then b = nil end\nlocal z\nprint(z)\nreturn obj.data',
  ],
  deepflow: [
    'os.execute("x") io.open("y") debug.sethook() channel.make()\nfunction GetWorkloadTypeAndName(m) return "", "" end',
    'local d = require("dkjson") local y = require("yaml")\nfunction GetWorkloadTypeAndName(m) return stirng.len(m), qqqqqqqq end',
    'package.path = "x" local d = require("dkjson")\nlocal function GetWorkloadTypeAndName(m) return "", "" end',
    'local x = 1',
    'local n = string.nope\nfunction GetWorkloadTypeAndName(m) return "", "" end',
    'local a,b,c,d,e,f,g,h = 0,1,2,3,4,5,6,7\nif e == 4 then\n  e = nil\nend\nif f == nil then error("bad f") end\nfunction GetWorkloadTypeAndName(m) return "", "" end',
  ],
  cluster: [
    'local k = require("kube.config") local r = require("other") os.time() io.write() local api = k.api() api:delete() api:create() local z = undefinedThing local w = string.nope local g = strng',
  ],
};

const issues = LUA_DIALECTS.flatMap((d) => CORPUS[d].flatMap((src) => lintLua(src, d).map((i) => ({ ...i, dialect: d }))));

describe('lint messages in both languages', () => {
  it('the corpus reaches every lint catalogue key', () => {
    const flat = (tree: object, prefix = ''): string[] =>
      Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : flat(v, `${prefix}${k}.`)));
    const used = new Set(issues.flatMap((i) => (i.msg ? [i.msg.key] : [])));
    expect(flat(CATALOGUES.en.lint, 'lint.').filter((k) => !used.has(k))).toEqual([]);
  });

  it('every issue but quoted syntax errors has a descriptor', () => {
    const without = issues.filter((i) => !i.msg && i.rule !== 'syntax');
    expect(without).toEqual([]);
  });

  it('English renders the descriptor to exactly the message; Chinese renders something else', () => {
    for (const i of issues.filter((x) => x.msg)) {
      expect(en(i.msg!.key, i.msg!.values), i.rule).toBe(i.message);
      expect(zh(i.msg!.key, i.msg!.values), i.rule).not.toBe(i.message);
    }
  });

  it('the English wording is the one the CLI always printed', () => {
    const kruise = lintLua('local a = table.pack(1) local v = tabel local s = "\\x41" return obj.data', 'kruise').map((i) => i.message);
    expect(kruise).toContain('`table.pack` is nil in Lua 5.1; use `{...}` and `select("#", ...)`.');
    expect(kruise).toContain('the \\x escape is Lua 5.2+; gopher-lua reads "\\x" as "x" (use a decimal escape such as \\65)');
    expect(kruise.some((m) => m.startsWith("`tabel` is not defined: Kruise's Lua runtime (gopher-lua, Lua 5.1: base, table, string, math and json) has no such global, so it reads as nil. Did you mean `table`?"))).toBe(true);
  });

  it('fillIcu agrees with next-intl on arguments, quoted braces and doubled apostrophes', () => {
    const cases: [string, Msg['values']][] = [
      ["a '{x}' b {name}'s ''quoted''", { name: 'N' }],
      ['`{name}` {other}', { name: '\\u{...}', other: "it's" }],
    ];
    for (const [template, values] of cases) {
      const t = createTranslator({ locale: 'en', messages: { m: template } }) as unknown as T;
      expect(fillIcu(template, values)).toBe(t('m', values));
    }
  });

  it('fillIcu agrees with next-intl on select and plural, nested, with =N, # and quotes', () => {
    const template = "{kind, select, one {one {n, plural, =0 {none} one {# item's} other {# items '#'}}} other { { name } ({n, plural, one {it} other {them: {kind, select, x {#} other {'{'#'}'}}}}) }}.";
    const cases: Msg['values'][] = [];
    for (const kind of ['one', 'x', 'y']) for (const n of [0, 1, 2, 12]) cases.push({ kind, n, name: 'N' });
    const t = createTranslator({ locale: 'en', messages: { m: template } }) as unknown as T;
    for (const values of cases) expect(fillIcu(template, values), JSON.stringify(values)).toBe(t('m', values));
    const shell = CATALOGUES.en.shell.problem.contextMissingFix;
    for (const count of [0, 1, 3]) {
      expect(fillIcu(shell, { setting: 'S', count, known: 'a, b' })).toBe(en('shell.problem.contextMissingFix', { setting: 'S', count, known: 'a, b' }));
    }
  });

  it('every LOADNIL sentence, whichever branch, reads in English as next-intl renders it', () => {
    for (const key of Object.keys(CATALOGUES.en.lint.loadnil)) {
      for (const count of [0, 1, 2]) for (const load of ['single', 'range']) for (const merged of ['single', 'range']) for (const skipped of ['single', 'range']) {
        const values = { what: '`c = nil`', load, a: '4', b: '5', prevLine: '1200', prevWhat: '`x = nil`', merged, prevA: '2', count, names: count ? '`d` (line 3)' : '', skipped, skipFrom: '3', skipTo: '3', jumpLine: '7' };
        const message = fillIcu(CATALOGUES.en.lint.loadnil[key as keyof typeof CATALOGUES.en.lint.loadnil], values);
        expect(en(`lint.loadnil.${key}`, values)).toBe(message);
        expect(zh(`lint.loadnil.${key}`, values)).not.toMatch(/register|becomes?|nothing assigns/);
      }
    }
  });
});
