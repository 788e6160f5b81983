// Every lint the studio writes itself reads the same in English as the catalogue says, and has a
// Chinese rendering; text quoted from the parser or from the LOADNIL analysis stays as it is.
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
  ],
  deepflow: [
    'os.execute("x") io.open("y") debug.sethook() channel.make()\nfunction GetWorkloadTypeAndName(m) return "", "" end',
    'local d = require("dkjson") local y = require("yaml")\nfunction GetWorkloadTypeAndName(m) return stirng.len(m), qqqqqqqq end',
    'package.path = "x" local d = require("dkjson")\nlocal function GetWorkloadTypeAndName(m) return "", "" end',
    'local x = 1',
    'local n = string.nope\nfunction GetWorkloadTypeAndName(m) return "", "" end',
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

  it('every issue but quoted syntax errors and the LOADNIL analysis has a descriptor', () => {
    const without = issues.filter((i) => !i.msg && i.rule !== 'syntax' && i.rule !== 'gopher-loadnil');
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
});
