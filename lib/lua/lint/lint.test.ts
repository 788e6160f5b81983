import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintLua } from './index';

const messages = (issues: { message: string }[]) => issues.map((i) => i.message).join('\n');
const rules = (issues: { rule: string }[]) => issues.map((i) => i.rule);

const PLUGIN = 'package.path = package.path .. ";/bin/?.lua"\nlocal dkjson = require("dkjson")\nfunction GetWorkloadTypeAndName(s)\n  local m = dkjson.decode(s, 1, nil)\n  return "", ""\nend\n';

describe('lintLua: syntax per dialect', () => {
  it('rejects goto for Kruise with the production message, on its line', () => {
    const [issue] = lintLua('for i = 1, 2 do\n  goto continue\n  ::continue::\nend\nreturn obj.data', 'kruise');
    expect(issue).toMatchObject({ severity: 'error', rule: 'syntax', line: 2 });
    expect(issue.message).toContain('parse error');
  });

  it('accepts goto for DeepFlow and cluster scripts but rejects //', () => {
    const withGoto = 'function GetWorkloadTypeAndName(s)\n  goto done\n  ::done::\n  return "", ""\nend';
    expect(lintLua(withGoto, 'deepflow')).toEqual([]);
    expect(lintLua('goto done\n::done::\nreturn 1', 'cluster')).toEqual([]);
    expect(lintLua('x = 7 // 2\nfunction GetWorkloadTypeAndName(s) return "", "" end', 'deepflow')[0]).toMatchObject({ severity: 'error', rule: 'syntax', line: 1 });
  });

  it('warns on 5.2+ escapes that gopher-lua reads literally', () => {
    const issues = lintLua('local s = "\\x41"\nreturn obj.data', 'kruise');
    expect(issues).toEqual([expect.objectContaining({ severity: 'warning', rule: 'escape', line: 1, column: 12 })]);
  });
});

describe('lintLua: never empty because its own parse failed', () => {
  it('keeps "GetWorkloadTypeAndName is local" in a plugin containing "\\q"', () => {
    const src = 'local function GetWorkloadTypeAndName(s)\n  local x = "a\\qb"\n  return "", ""\nend\n';
    const issues = lintLua(src, 'deepflow');
    expect(issues).toContainEqual(expect.objectContaining({ severity: 'error', rule: 'deepflow/hook', line: 1, message: expect.stringContaining('is local') }));
  });

  it('keeps the rules it can see on tokens when the grammar fails', () => {
    const broken = 'local function GetWorkloadTypeAndName(s)\n  local n = os.time(\n  return "", ""\nend\n';
    const issues = lintLua(broken, 'deepflow');
    expect(rules(issues)).toEqual(expect.arrayContaining(['syntax', 'deepflow/hook', 'missing-library']));
    const kruise = lintLua('local u = table.unpack\nlocal t = io.read(\nrequire("os")', 'kruise');
    expect(kruise.filter((i) => i.rule !== 'syntax').map((i) => [i.rule, i.line])).toEqual([
      ['lua52', 1],
      ['missing-library', 2],
      ['require', 3],
    ]);
  });
});

describe('lintLua: Kruise', () => {
  it('flags the parts of the library Kruise does not have, not fields or locals of those names', () => {
    const issues = lintLua('local t = { os = 1 }\nlocal x = obj.os\nlocal n = os.time()\nlocal u = table.unpack\nrequire("os")\nrequire "json"\nreturn obj.data', 'kruise');
    expect(issues.map((i) => [i.rule, i.line])).toEqual([
      ['kruise/obj-field', 2],
      ['missing-library', 3],
      ['lua52', 4],
      ['require', 5],
    ]);
  });

  it('flags a script without a top-level return, on its last line', () => {
    expect(lintLua('obj.data.spec.x = 1\n', 'kruise')).toEqual([expect.objectContaining({ rule: 'kruise/no-return', severity: 'error', line: 2 })]);
  });

  it('names the obj fields that do not exist', () => {
    const [issue] = lintLua('local r = obj.stableRevision\nreturn obj.data', 'kruise');
    expect(issue).toMatchObject({ rule: 'kruise/obj-field', line: 1, column: 11 });
    expect(issue.message).toContain('canaryWeight');
  });

  it('warns on typos of globals, with the likely name', () => {
    const [issue] = lintLua('for k, v in ipars(obj.data) do end\nreturn obj.data', 'kruise');
    expect(issue).toMatchObject({ severity: 'warning', rule: 'undefined-global', line: 1, column: 13 });
    expect(issue.message).toContain('Did you mean `ipairs`?');
  });

  it('does not warn on globals the script defines itself, parameters or loop variables', () => {
    expect(lintLua('function helper(a) for i, v in ipairs(a) do end return a end\ncount = 1\ncount = count + 1\nreturn helper(obj.data)', 'kruise')).toEqual([]);
  });

  it('passes every built-in and ConfigMap script', () => {
    const root = join(__dirname, '../../../lua');
    for (const group of readdirSync(root)) {
      for (const kind of readdirSync(join(root, group))) {
        const file = join(root, group, kind, 'trafficRouting.lua');
        expect([file, lintLua(readFileSync(file, 'utf8'), 'kruise')]).toEqual([file, []]);
      }
    }
  });
});

describe('lintLua: DeepFlow', () => {
  it('accepts the documented plugin pattern', () => {
    expect(lintLua(PLUGIN, 'deepflow')).toEqual([]);
  });

  it('requires a global GetWorkloadTypeAndName', () => {
    expect(lintLua('local function GetWorkloadTypeAndName(s) return "", "" end', 'deepflow')).toEqual([expect.objectContaining({ severity: 'error', rule: 'deepflow/hook', line: 1, column: 16 })]);
    expect(lintLua('local GetWorkloadTypeAndName = function(s) return "", "" end', 'deepflow')[0]).toMatchObject({ severity: 'error', rule: 'deepflow/hook' });
    expect(lintLua('print(1)', 'deepflow')).toEqual([expect.objectContaining({ severity: 'error', rule: 'deepflow/hook', message: expect.stringContaining('does not define') })]);
    expect(lintLua('GetWorkloadTypeAndName = function(s) return "", "" end', 'deepflow')).toEqual([]);
  });

  it('flags require("dkjson") without the package.path addition before it', () => {
    const missing = lintLua('local dkjson = require("dkjson")\npackage.path = package.path .. ";/bin/?.lua"\nfunction GetWorkloadTypeAndName(s) return "", "" end', 'deepflow');
    expect(missing).toEqual([expect.objectContaining({ severity: 'error', rule: 'deepflow/package-path', line: 1 })]);
    const wrong = lintLua('package.path = "./?.lua"\nlocal dkjson = require "dkjson"\nfunction GetWorkloadTypeAndName(s) return "", "" end', 'deepflow');
    expect(wrong).toEqual([expect.objectContaining({ severity: 'warning', rule: 'deepflow/package-path', line: 2 })]);
  });

  it('warns on os and io, which production allows and the preview lacks', () => {
    const issues = lintLua(`${PLUGIN}os.execute("id")\nlocal f = io.open("/etc/passwd")\n`, 'deepflow');
    expect(issues.map((i) => [i.severity, i.rule, i.line])).toEqual([
      ['warning', 'missing-library', 7],
      ['warning', 'missing-library', 8],
    ]);
  });

  it('flags Lua 5.2+ library members in every dialect', () => {
    expect(lintLua(`${PLUGIN}local a = table.unpack\nlocal b = math.type(1)\nlocal c = utf8.char(65)\n`, 'deepflow').map((i) => [i.rule, i.line])).toEqual([
      ['lua52', 7],
      ['lua52', 8],
      ['lua52', 9],
    ]);
  });
});

describe('lintLua: cluster scripts', () => {
  const HEAD = 'local config = require "kube.config"\nlocal api = require "kube.api"\nlocal client = api.Client:new(config.from_kube_config())\n';

  it('accepts the kube modules and reads', () => {
    expect(lintLua(`${HEAD}return client:corev1():pods("default"):list()\n`, 'cluster')).toEqual([]);
  });

  it('warns on other modules, on writes, and refuses os/io', () => {
    const issues = lintLua(`${HEAD}local j = require "dkjson"\nclient:corev1():pods("default"):delete("web-0")\nos.exit(1)\n`, 'cluster');
    expect(issues.map((i) => [i.severity, i.rule, i.line])).toEqual([
      ['warning', 'require', 4],
      ['warning', 'cluster/read-only', 5],
      ['error', 'missing-library', 6],
    ]);
    expect(messages(issues)).toContain('read-only in the studio');
  });
});

describe("gopher-lua's LOADNIL miscompile in the lint", () => {
  const SCRIPT = 'local function test()\n  local a = 0\n  local b = 1\n  local c = 2\n  local d = 3\n  local e = 4\n  local f = 5\n  local g = 6\n  local h = 7\n  if e == 4 then\n    e = nil\n  end\n  if f == nil then\n    error(\"bad f\")\n  end\nend\ntest()\n';
  it.each(['kruise', 'deepflow'] as const)('warns on the nil load gopher merges (%s)', (dialect) => {
    const found = lintLua(SCRIPT, dialect).filter((i) => i.rule === 'gopher-loadnil');
    expect(found.map((i) => [i.severity, i.line])).toEqual([['warning', 13]]); // the nil load of `f == nil`, merged into line 11's
    expect(found[0].message).toMatch(/\bf\b/);
  });
  it('is quiet where gopher compiles the assignment correctly', () => {
    expect(lintLua('local function test()\n  local e = 4\n  local f = 5\n  if e == 4 then\n    e = nil\n  end\n  if f == nil then\n    error(\"bad f\")\n  end\nend\ntest()\n', 'kruise').filter((i) => i.rule === 'gopher-loadnil')).toEqual([]);
  });
});
