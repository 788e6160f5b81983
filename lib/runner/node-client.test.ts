import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeThreadRunner, runInThread } from './node-client';

// A private build of the current sources: the test must not rewrite dist/ (what the CLI ships).
const dir = mkdtempSync(path.join(tmpdir(), 'kls-node-worker-'));
let workerPath = '';

const gateway = { apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService', metadata: { name: 'vs' }, spec: { hosts: ['*'] } };
const rollout = {
  apiVersion: 'rollouts.kruise.io/v1beta1',
  kind: 'Rollout',
  spec: { strategy: { canary: { steps: [{ traffic: '20%' }], trafficRoutings: [{ service: 'svc' }] } } },
};

describe('node-client', () => {
  beforeAll(async () => {
    // @ts-expect-error plain .mjs build script without types
    const build = await import('../../scripts/build-engine.mjs');
    workerPath = await build.bundleNodeWorker(path.join(dir, 'lua-worker.mjs'));
  }, 60_000);
  afterAll(() => closeThreadRunner());

  it('terminates a runaway and keeps serving the next request', async () => {
    const runaway = await runInThread(
      { type: 'route', input: { rollout, gateway, script: 'while true do end', budget: { ms: 1e9, instructions: 1e15 } } },
      { timeoutMs: 400, workerPath },
    );
    expect(runaway.ok).toBe(false);
    if (!runaway.ok) expect(runaway.error.kind).toBe('timeout');

    const next = await runInThread({ type: 'route', input: { rollout, gateway, script: 'obj.data.spec.w = obj.canaryWeight return obj.data' } }, { timeoutMs: 10_000, workerPath });
    expect(next.ok).toBe(true);
    if (next.ok && next.type === 'route') expect(next.output.steps[0].result).toEqual({ spec: { hosts: ['*'], w: 20 } });
  });

  it('answers check requests', async () => {
    const r = await runInThread({ type: 'check', source: 'local x = 7 // 2', profile: 'kruise' }, { timeoutMs: 10_000, workerPath });
    expect(r.ok && r.type === 'check' && !r.output.ok && r.output.error.kind).toBe('syntax');
  });
});
