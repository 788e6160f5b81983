// The server actions themselves (zod, the context cookie, never throwing) against a sandbox; the
// services are covered in detail by the other integration tests here.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { resetKubeconfigCache } from '@/lib/k8s/kubeconfig';
import { sandboxKubeconfig, startSandbox, type Sandbox } from '@/lib/k8s/sandbox';
import { closeThreadRunner } from '@/lib/runner/node-client';

let cookie: string | undefined;
// actionScope reads the request's headers (session, viewer): none here, as on loopback without sign-in
// a loopback studio without sign-in (the auth mode is decided from HOST, as `npm start` sets it)
process.env.HOST = '127.0.0.1';
vi.mock('next/headers', () => ({ cookies: async () => ({ get: () => (cookie ? { value: cookie } : undefined) }), headers: async () => new Headers() }));

const actions = await import('@/app/rollouts/actions');
const SEED = path.resolve(__dirname, '../k8s/sandbox/seed/default');
let sb: Sandbox;
let dir: string;

beforeAll(async () => {
  sb = await startSandbox({ name: 'sandbox', seed: [path.join(SEED, 'shop-rollouts.yaml'), path.join(SEED, 'kruise-rollout.yaml')] });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kls-rollout-server-actions-'));
  fs.writeFileSync(path.join(dir, 'config'), sandboxKubeconfig([{ name: 'sandbox', sandbox: sb, readonly: true }], 'sandbox'));
  process.env.KUBECONFIG = path.join(dir, 'config');
  resetKubeconfigCache();
});

afterAll(async () => {
  await closeThreadRunner();
  await sb?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('app/rollouts/actions', () => {
  it('plan then apply with the confirmed versions; the cookie picks the context', async () => {
    cookie = undefined;
    const plan = await actions.planApplyStep({ namespace: 'shop', name: 'cart', step: 1 });
    if (!plan.ok) throw new Error(plan.error);
    const expected = Object.fromEntries(plan.plan.changes.map((c) => [`${c.ref.kind}/${c.ref.name}`, c.resourceVersion]));
    cookie = 'sandbox-readonly';
    const refused = await actions.applyStep({ namespace: 'shop', name: 'cart', step: 1, expected, override: false });
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining('(context "sandbox-readonly")') });
    cookie = 'sandbox';
    expect(await actions.applyStep({ namespace: 'shop', name: 'cart', step: 1, expected, override: false })).toMatchObject({ ok: true, written: ['VirtualService/cart'] });
    const again = await actions.restoreOriginal({ namespace: 'shop', name: 'cart', expected, override: false });
    expect(again).toMatchObject({ ok: false, error: expect.stringContaining('VirtualService shop/cart changed since you opened it') });
  });

  it('bad input and missing objects come back as errors, never thrown', async () => {
    cookie = 'sandbox';
    expect(await actions.planApplyStep({ namespace: 'Shop!', name: 'cart', step: 1 })).toEqual({ ok: false, error: 'Invalid namespace.' });
    expect(await actions.planApplyStep({ namespace: 'shop', name: 'cart', step: 0 } as never)).toMatchObject({ ok: false });
    expect(await actions.planRestore({ namespace: 'shop', name: 'nope' })).toEqual({ ok: false, error: 'rollouts.rollouts.kruise.io "nope" was not found in namespace "shop".' });
    expect(await actions.getRolloutPermissions(null as never)).toMatchObject({ ok: false });
    expect(await actions.saveScript({ apiVersion: 'projectcontour.io/v1', kind: 'HTTP Proxy', source: 'return obj.data', expectedResourceVersion: null })).toEqual({ ok: false, error: 'Invalid kind.' });
  });
});
