import { describe, expect, it } from 'vitest';
import pods from './testdata/opengauss-pods.json';
import objects from './testdata/cluster-objects.json';
import { tagPods } from './tag';

const BOILERPLATE = 'package.path = package.path .. ";/bin/?.lua"\nlocal json = require("dkjson")\n';
const OG_PLUGIN = `${BOILERPLATE}function GetWorkloadTypeAndName(metaJsonStr)
  local meta = json.decode(metaJsonStr, 1, nil)
  local owner = meta.ownerReferences and meta.ownerReferences[1]
  if not owner or owner.kind ~= "OpenGaussCluster" then return "", "" end
  return "StatefulSet", tostring(owner.name)
end`;
const fn = (body: string) => `function GetWorkloadTypeAndName(m)\n${body}\nend`;
const plugin = (source: string, name = 'p') => ({ name, source });
const POD = pods[0];

function one(...sources: string[]) {
  return tagPods({ pods: [POD], plugins: sources.map((s, i) => plugin(s, `p${i + 1}`)) }).pods[0];
}

describe('which plugin failed (studio field, not in DeepFlow\'s log text)', () => {
  const ok = fn('return "", ""');
  it('names the failing plugin of a chain; the error text is unchanged', () => {
    const exec = one(ok, fn('  local x = nil\n  return x.y'));
    expect(exec.plugin.failedPlugin).toEqual({ index: 1, name: 'p2' });
    expect(exec.plugin.error).toMatch(/^lua script execution error: \(<string>:3: attempt to index/);
    expect(one(ok, ok, 'error("top")').plugin).toMatchObject({ error: 'lua script loading error: (<string>:1: top)', failedPlugin: { index: 2, name: 'p3' } });
    expect(one(ok, 'this is not lua (').plugin.failedPlugin).toEqual({ index: 1, name: 'p2' });
    expect(one(ok, fn('return "Deployment", 42')).plugin).toEqual({ type: '', name: '', error: 'lua script get pod group name failed', failedPlugin: { index: 1, name: 'p2' } });
  });
  it('is absent without an error', () => {
    expect(one(ok, fn('return "Deployment", "x"')).plugin).not.toHaveProperty('failedPlugin');
  });
});

describe('return and error table (§3.3)', () => {
  it.each([
    ['return "StatefulSet", "ogtest"', 'StatefulSet', 'ogtest', null],
    ['return "a", "b", "c"', 'a', 'b', null],
    ['return "", ""', '', '', null],
    ['return "Deployment", ""', 'Deployment', '', null],
    ['return 1, "x"', '', '', 'lua script get pod group type failed'],
    ['return true, "x"', '', '', 'lua script get pod group type failed'],
    ['return nil, nil', '', '', 'lua script get pod group type failed'],
    ['local x = 1', '', '', 'lua script get pod group type failed'],
    ['return "Deployment"', '', '', 'lua script get pod group name failed'],
    ['return "Deployment", 42', '', '', 'lua script get pod group name failed'],
    ['return "Deployment", {}', '', '', 'lua script get pod group name failed'],
  ])('%s', (body, type, name, error) => {
    expect(one(fn(body)).plugin).toEqual(error === null ? { type, name, error } : { type, name, error, failedPlugin: { index: 0, name: 'p1' } });
  });
  it('runtime error in the function → execution error (fengari text + production text)', () => {
    const p = one('function GetWorkloadTypeAndName(m)\n  local x = nil\n  return x.y, ""\nend').plugin;
    expect(p.error).toMatch(/^lua script execution error: \(<string>:3: attempt to index a nil value/);
    expect(p.production).toBe("lua script execution error: (<string>:3: attempt to index a non-table object(nil) with key 'y')");
    expect([p.type, p.name]).toEqual(['', '']);
  });
  it('error("boom") → execution error', () => {
    expect(one(fn('  error("boom")')).plugin.error).toBe('lua script execution error: (<string>:2: boom)');
  });
  it('no global function (first plugin) → attempt to call a non-function object', () => {
    const p = one('local function GetWorkloadTypeAndName() return "a", "b" end').plugin;
    expect(p.error).toMatch(/^lua script execution error: \(/);
    expect(p.production).toBe('lua script execution error: ( attempt to call a non-function object\nstack traceback:\n\t[G]: ?)');
  });
  it('syntax error → loading error with the production text', () => {
    const p = one('function GetWorkloadTypeAndName(m)').plugin;
    expect(p.error).toMatch(/^lua script loading error: \(<string>:1: /);
    expect(p.production).toBe('lua script loading error: (<string> at EOF:   syntax error\n)');
  });
  it('top-level error / failing require → loading error', () => {
    expect(one('error("top")').plugin.error).toBe('lua script loading error: (<string>:1: top)');
    const p = one('local json = require("dkjson")').plugin;
    expect(p.error).toContain('lua script loading error: (<string>:1: module dkjson not found:\n\tno field package.preload[\'dkjson\']\n\tstat ./dkjson.lua: no such file or directory');
  });
  it('endless loop → stopped by the studio budget; DeepFlow would hang', () => {
    const t = tagPods({ pods: [POD, pods[1]], plugins: [plugin(fn('  while true do end'))], budget: { instructions: 200_000, ms: 2000 } }).pods;
    expect(t[0].plugin.error).toMatch(/^lua script execution error: .*budget exceeded/);
    expect(t[0].plugin.production).toMatch(/no time limit/);
    expect(t[1].plugin.error).toMatch(/budget exceeded/); // a fresh state for the next pod
  });
});

describe('plugin chain rules (§3, §12)', () => {
  it('1. OpenGauss plugin maps OGC pods and leaves the others to the owner logic', () => {
    const { pods: out } = tagPods({ pods, plugins: [plugin(OG_PLUGIN)], objects });
    expect(out[0]).toMatchObject({ plugin: { type: 'StatefulSet', name: 'ogtest', error: null }, accepted: true, workload: { type: 'StatefulSet', name: 'ogtest', source: 'plugin' } });
    expect(out[1].workload).toEqual({ type: 'StatefulSet', name: 'ogtest', source: 'plugin' });
    expect(out[2]).toMatchObject({ plugin: { type: '', name: '', error: null }, accepted: false, workload: { type: 'Deployment', name: 'web', source: 'owner' } });
    expect(out[3]).toMatchObject({ accepted: false, standard: { unsynchronized: 'no-owner' }, workload: null });
  });
  it('2. P1 "", "" and P2 "Deployment", "second" → P2 wins', () => {
    expect(one(fn('return "", ""'), fn('return "Deployment", "second"')).plugin).toEqual({ type: 'Deployment', name: 'second', error: null });
  });
  it('3. P1 valid, P2 syntax error → P1 wins, P2 never loaded', () => {
    expect(one(fn('return "Deployment", "first"'), 'this is not lua (').plugin).toEqual({ type: 'Deployment', name: 'first', error: null });
  });
  it('4. P1 "", "" then P2 syntax error → loading error, fallback to the owner logic', () => {
    const t = tagPods({ pods: [pods[2]], plugins: [plugin(fn('return "", ""')), plugin('function x(')], objects }).pods[0];
    expect(t.plugin.production).toBe('lua script loading error: (<string> at EOF:   syntax error\n)');
    expect(t.accepted).toBe(false);
    expect(t.workload).toEqual({ type: 'Deployment', name: 'web', source: 'owner' });
  });
  it('5. P1 "Deployment", "" then P2 "", "" → not found (the last pair)', () => {
    const t = one(fn('return "Deployment", ""'), fn('return "", ""'));
    expect(t.plugin).toEqual({ type: '', name: '', error: null });
    expect(t.accepted).toBe(false);
    const u = one(fn('return "", ""'), fn('return "Deployment", ""'));
    expect(u.plugin).toEqual({ type: 'Deployment', name: '', error: null });
  });
  it('6. the first error aborts the chain even if a later plugin would match', () => {
    expect(one(fn('return 1, "x"'), fn('return "Deployment", "x"')).plugin.error).toBe('lua script get pod group type failed');
    expect(one(fn('return "", 2'), fn('return "Deployment", "x"')).plugin.error).toBe('lua script get pod group name failed');
  });
  it('7. P2 without a global function re-calls P1\'s', () => {
    const p1 = 'calls = (calls or 0) + 1\n' + fn('return "", tostring(calls)');
    expect(one(p1, 'local nothing = 1').plugin).toEqual({ type: '', name: '1', error: null });
    const p1b = fn('n = (n or 0) + 1\n if n == 2 then return "Deployment", "again" end\n return "", ""');
    expect(one(p1b, '-- no function').plugin).toEqual({ type: 'Deployment', name: 'again', error: null });
  });
  it('8. globals leak from P1 to P2 within a pod, never across pods', () => {
    const p1 = 'shared = (shared or 0) + 1\n' + fn('return "", ""');
    const p2 = fn('return "Deployment", "seen-" .. tostring(shared)');
    const out = tagPods({ pods: [POD, pods[1], POD], plugins: [plugin(p1), plugin(p2)] }).pods;
    expect(out.map((t) => t.plugin.name)).toEqual(['seen-1', 'seen-1', 'seen-1']);
  });
  it('library changes and require caches do not survive to the next pod', () => {
    const p = `string.custom = (string.custom or 0) + 1
      package.path = package.path .. ";/bin/?.lua"
      local before = package.loaded.dkjson
      local json = require("dkjson")
      json.version = "changed"
      math.floor = nil
      ${fn('return "Deployment", tostring(string.custom) .. "/" .. tostring(before)')}`;
    const out = tagPods({ pods: [POD, pods[1], POD], plugins: [plugin(p)] }).pods;
    expect(out.map((t) => t.plugin.name)).toEqual(['1/nil', '1/nil', '1/nil']);
  });
  it('9. type matching is case-insensitive and untrimmed; "Job" is rejected', () => {
    const t = tagPods({ pods: [pods[2]], plugins: [plugin(fn('return "Job", "x"'))], objects }).pods[0];
    expect(t).toMatchObject({ plugin: { type: 'Job', name: 'x', error: null }, accepted: false, workload: { source: 'owner' } });
    expect(one(fn('return "dEpLoYmEnT", "x"')).accepted).toBe(true);
    expect(one(fn('return " Deployment", "x"')).accepted).toBe(false);
  });
  it('10. same name in a namespace → one group, type from the first pod', () => {
    const p = fn('local n = m:match(\'"name":"([^"]+)"\')\n if n == "ogtest-0" then return "StatefulSet", "grp" end\n return "Deployment", "grp"');
    const out = tagPods({ pods: [POD, pods[1]], plugins: [plugin(p)] }).pods;
    expect(out[0].workload).toEqual({ type: 'StatefulSet', name: 'grp', source: 'plugin' });
    expect(out[1].plugin.type).toBe('Deployment');
    expect(out[1].workload).toEqual({ type: 'StatefulSet', name: 'grp', source: 'plugin' });
  });
  it('11. no plugin runs for InPlaceSet pods', () => {
    const ips = { metadata: { name: 'i', namespace: 'db', uid: 'iu', ownerReferences: [{ kind: 'InPlaceSet', name: 'ips', uid: 'ips-1' }] } };
    const t = tagPods({ pods: [ips], plugins: [plugin('print("ran")\n' + fn('return "StatefulSet", "x"'))] }).pods[0];
    expect(t).toMatchObject({ plugin: { type: '', name: '', error: null }, accepted: false, prints: [], workload: { type: 'Deployment', name: 'ips', source: 'inplaceset' } });
    expect(t.standard).toEqual({ type: 'Deployment', name: 'ips' });
  });
  it('12. a plugin result overrides a real owner', () => {
    const t = tagPods({ pods: [pods[2]], plugins: [plugin(fn('return "CloneSet", "mine"'))], objects }).pods[0];
    expect(t.standard).toEqual({ type: 'Deployment', name: 'web' });
    expect(t.workload).toEqual({ type: 'CloneSet', name: 'mine', source: 'plugin' });
  });
  it('13. without the package.path addition require("dkjson") fails to load', () => {
    const t = one('local json = require("dkjson")\n' + fn('return "", ""'));
    expect(t.plugin.error).toMatch(/^lua script loading error: \(<string>:1: module dkjson not found:/);
    expect(t.plugin.error).toContain('stat /usr/local/share/lua/5.1/dkjson/init.lua: no such file or directory, ');
  });
  it('15. the virtual-kubelet rule short-circuits Lua, only when a plugin exists', () => {
    const vk = { metadata: { name: 'v', namespace: 'db', uid: 'vu', labels: { 'virtual-kubelet.io/provider-cluster-type': 'serverless', 'virtual-kubelet.io/provider-resource-name': 'api-7f9c' } } };
    const withPlugin = tagPods({ pods: [vk], plugins: [plugin('print("ran")\n' + fn('return "StatefulSet", "x"'))] }).pods[0];
    expect(withPlugin).toMatchObject({ plugin: { type: 'Deployment', name: 'api', error: null }, accepted: true, prints: [], workload: { type: 'Deployment', name: 'api', source: 'builtin-rule' } });
    const without = tagPods({ pods: [vk], plugins: [] }).pods[0];
    expect(without).toMatchObject({ plugin: { type: '', name: '', error: null }, accepted: false, workload: null });
  });
  it('no plugins → nothing runs, standard logic only', () => {
    const out = tagPods({ pods, plugins: [], objects }).pods;
    expect(out.map((t) => t.workload)).toEqual([null, null, { type: 'Deployment', name: 'web', source: 'owner' }, null]);
    expect(out[0].standard).toEqual({ unsynchronized: 'owner-not-watched' });
  });
  it('the function receives the exact metadata JSON; print output is captured per pod', () => {
    const t = one('print("top")\n' + fn('print(m)\n return "", ""'));
    expect(t.prints).toEqual(['top', '{"annotations":{"k":"v"},"creationTimestamp":"2024-08-07T02:08:14Z","labels":{"app":"og","b":"x\\u003cy\\u0026z"},"name":"ogtest-0","namespace":"db","ownerReferences":[{"apiVersion":"opengauss.cmbc.com.cn/v1","blockOwnerDeletion":true,"controller":true,"kind":"OpenGaussCluster","name":"ogtest","uid":"o-1"}],"uid":"u-1"}']);
  });
  it('pods DeepFlow skips (no uid/name/namespace) are reported with a warning', () => {
    const r = tagPods({ pods: [{ metadata: { name: 'x', namespace: 'db' } }], plugins: [plugin(fn('return "Deployment", "x"'))] });
    expect(r.pods[0]).toMatchObject({ accepted: false, workload: null });
    expect(r.warnings).toContain('pod #1: pod uid not found; DeepFlow skips it');
  });
});

describe('run statistics', () => {
  const loop = fn('for i = 1, 5000 do end return "StatefulSet", "x"');
  it('sums the instructions over every pod, across rebuilt states too', () => {
    const one = tagPods({ pods: [POD], plugins: [plugin(loop)] }).stats.instructions;
    expect(one).toBeGreaterThan(5000);
    expect(tagPods({ pods: [POD, POD, POD], plugins: [plugin(loop)] }).stats.instructions).toBe(3 * one);
    // setmetatable(_G, …) forces a new state after each pod: the discarded states still count
    const rebuilding = fn('setmetatable(_G, {}) for i = 1, 5000 do end return "StatefulSet", "x"');
    const r1 = tagPods({ pods: [POD], plugins: [plugin(rebuilding)] }).stats.instructions;
    expect(tagPods({ pods: [POD, POD], plugins: [plugin(rebuilding)] }).stats.instructions).toBe(2 * r1);
  });
  it('is zero without plugins', () => {
    expect(tagPods({ pods: [POD], plugins: [] }).stats).toEqual({ instructions: 0 });
  });
});
