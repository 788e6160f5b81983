import { test, expect } from './fixtures';
import { podNames } from './kube';
import { LuaRunnerPO } from './pages/lua-runner';
import type { RunnerResult } from '../lib/runner/protocol';

// The engine's browser home: the bundled Web Worker served by the app itself, under the app's CSP,
// driven through the real client (lib/runner/browser-client.ts) the editor pages use.

const rollout = {
  apiVersion: 'rollouts.kruise.io/v1beta1',
  kind: 'Rollout',
  metadata: { name: 'web' },
  spec: { strategy: { canary: { steps: [{ traffic: '20%', replicas: 1 }, { replicas: 2 }], trafficRoutings: [{ service: 'web' }] } } },
};
const gateway = {
  apiVersion: 'networking.istio.io/v1beta1',
  kind: 'VirtualService',
  metadata: { name: 'web' },
  spec: { hosts: ['web'], http: [{ route: [{ destination: { host: 'web' } }] }] },
};

function ok<T extends RunnerResult>(r: T): Extract<T, { ok: true }> {
  expect(r.ok, JSON.stringify(r)).toBe(true);
  return r as Extract<T, { ok: true }>;
}

test('the Lua Web Worker previews routing with production fidelity and stops runaways', async ({ page }) => {
  await page.goto('/playground');
  const runner = new LuaRunnerPO(page);
  await runner.attach();
  const script = [
    'local spec = obj.data.spec',
    'spec.http[1].route = { { destination = { host = obj.stableService }, weight = obj.stableWeight },',
    '  { destination = { host = obj.canaryService }, weight = obj.canaryWeight } }',
    'spec.note = tostring(0.1 + 0.2) .. "|" .. tostring(100 / 2) .. "|" .. tostring(2147483647 + 1)',
    'spec.js = tostring(pcall(require, "js")) .. "|" .. type(io) .. "|" .. type(table.unpack) .. "|" .. type(unpack)',
    'return obj.data',
  ].join('\n');

  const route = ok(await runner.run({ type: 'route', input: { rollout, gateway, script } }));
  if (route.type !== 'route') throw new Error(route.type);
  expect(route.stats.ms).toBeGreaterThanOrEqual(0);
  const [weighted, replicasOnly] = route.output.steps;
  expect(weighted).toMatchObject({ index: 1, ran: true, error: null });
  expect((weighted.result as { spec: { http: { route: unknown }[] } }).spec.http[0].route).toEqual([
    { destination: { host: 'web' }, weight: 80 },
    { destination: { host: 'web-canary' }, weight: 20 },
  ]);
  // gopher-lua's number formatting and 5.1 surface, not Lua 5.3's; no `js` interop module.
  expect(weighted.result).toMatchObject({ spec: { note: '0.30000000000000004|50|2147483648', js: 'false|nil|nil|function' } });
  // A replicas-only step runs no Lua in controller mode: the original comes back.
  expect(replicasOnly).toMatchObject({ index: 2, ran: false, error: null });
  expect(replicasOnly.result).toEqual({ spec: { hosts: ['web'], http: [{ route: [{ destination: { host: 'web' } }] }] } });

  for (const source of ['while true do end', 'pcall(function() while true do end end) return obj.data']) {
    const stopped = ok(await runner.run({ type: 'route', input: { rollout, gateway, script: source } }));
    if (stopped.type !== 'route') throw new Error(stopped.type);
    expect(stopped.output.steps[0].result).toBeNull();
    expect(stopped.output.steps[0].error).toMatch(/budget|deadline/i);
  }

  const syntax = ok(await runner.run({ type: 'check', profile: 'kruise', source: 'for i = 1, 2 do goto continue ::continue:: end' }));
  expect(syntax.output).toMatchObject({ ok: false, error: { kind: 'syntax', line: 1 } });
  const lint = ok(await runner.run({ type: 'lint', input: { source: 'local x = table.unpack({}) return obj.data', dialect: 'kruise' } }));
  expect(lint.output).toEqual([expect.objectContaining({ severity: 'error', line: 1, message: expect.stringContaining('table.unpack') })]);
});

test('the hard stop terminates a runaway worker and the next request gets a fresh one', async ({ page }) => {
  await page.goto('/playground');
  const runner = new LuaRunnerPO(page);
  await runner.attach();
  const runaway = await runner.run({ type: 'route', input: { rollout, gateway, script: 'while true do end', budget: { ms: 1e9, instructions: 1e15 } } }, 500);
  expect(runaway).toMatchObject({ ok: false, error: { kind: 'timeout' } });
  const next = ok(await runner.run({ type: 'check', profile: 'deepflow', source: 'goto done ::done::' }));
  expect(next.output).toEqual({ ok: true });
});

test('a cluster script reads the sandbox through /api/kube and cannot write', async ({ page }) => {
  await page.goto('/playground');
  const runner = new LuaRunnerPO(page);
  await runner.attach();
  const source = [
    'local config = require "kube.config"',
    'local api = require "kube.api"',
    'local core = api.Client:new(config.from_kube_config()):corev1()',
    'local names = {}',
    'for _, p in ipairs(core:pods("shop"):list().items) do names[#names + 1] = p:name() end',
    'local first = core:pods("shop"):get(names[1])',
    'local log = core:pods("shop"):logs(names[1], { tailLines = 2, container = first.spec.containers[1].name })',
    'local ok, err = pcall(function() local r = core:pods("shop"):delete(names[1]) return r end)',
    'return names, log, err',
  ].join('\n');
  const res = ok(await runner.run({ type: 'cluster', input: { source } }, 30_000));
  if (res.type !== 'cluster') throw new Error(res.type);
  expect(res.output.error).toBeNull();
  const [names, log, err] = res.output.returned as [string[], string, string];
  expect([...names].sort()).toEqual((await podNames('sandbox', 'shop')).sort());
  expect(log.split('\n').filter(Boolean)).toHaveLength(2);
  expect(err).toBe('<string>:8: read-only in the studio: delete');
  expect(await podNames('sandbox', 'shop')).toContain(names[0]);
});
