import { test, expect } from './fixtures';

// The engine's browser home: the bundled Web Worker served by the app itself, under the app's CSP.
// The same requests the editor pages will send, checked in Debian's Chromium.
test('the Lua Web Worker previews routing with production fidelity and stops runaways', async ({ page }) => {
  await page.goto('/playground');
  const out = await page.evaluate(async () => {
    const worker = new Worker('/workers/lua-worker.js');
    let id = 0;
    const send = (body: Record<string, unknown>) =>
      new Promise<any>((resolve) => {
        const mine = ++id;
        worker.addEventListener('message', function onMessage(e: MessageEvent) {
          if (e.data?.id !== mine) return;
          worker.removeEventListener('message', onMessage);
          resolve(e.data);
        });
        worker.postMessage({ id: mine, ...body });
      });
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
    const script = [
      'local spec = obj.data.spec',
      'spec.http[1].route = { { destination = { host = obj.stableService }, weight = obj.stableWeight },',
      '  { destination = { host = obj.canaryService }, weight = obj.canaryWeight } }',
      'spec.note = tostring(0.1 + 0.2) .. "|" .. tostring(100 / 2) .. "|" .. tostring(2147483647 + 1)',
      'spec.js = tostring(pcall(require, "js")) .. "|" .. type(io) .. "|" .. type(table.unpack) .. "|" .. type(unpack)',
      'return obj.data',
    ].join('\n');
    const route = await send({ type: 'route', input: { rollout, gateway, script } });
    const runaway = await send({ type: 'route', input: { rollout, gateway, script: 'while true do end' } });
    const swallowed = await send({ type: 'route', input: { rollout, gateway, script: 'pcall(function() while true do end end) return obj.data' } });
    const syntax = await send({ type: 'check', profile: 'kruise', source: 'for i = 1, 2 do goto continue ::continue:: end' });
    worker.terminate();
    return { route, runaway, swallowed, syntax };
  });

  expect(out.route.ok).toBe(true);
  const [weighted, replicasOnly] = out.route.output.steps;
  expect(weighted).toMatchObject({ index: 1, ran: true, error: null });
  expect(weighted.result.spec.http[0].route).toEqual([
    { destination: { host: 'web' }, weight: 80 },
    { destination: { host: 'web-canary' }, weight: 20 },
  ]);
  // gopher-lua's number formatting and 5.1 surface, not Lua 5.3's; no `js` interop module.
  expect(weighted.result.spec.note).toBe('0.30000000000000004|50|2147483648');
  expect(weighted.result.spec.js).toBe('false|nil|nil|function');
  // A replicas-only step runs no Lua in controller mode: the original comes back.
  expect(replicasOnly).toMatchObject({ index: 2, ran: false, error: null });
  expect(replicasOnly.result).toEqual({ spec: { hosts: ['web'], http: [{ route: [{ destination: { host: 'web' } }] }] } });

  for (const stopped of [out.runaway, out.swallowed]) {
    expect(stopped.ok).toBe(true);
    expect(stopped.output.steps[0].result).toBeNull();
    expect(stopped.output.steps[0].error).toMatch(/budget|deadline/i);
  }
  expect(out.syntax.output).toMatchObject({ ok: false, error: { kind: 'syntax', line: 1 } });
});
