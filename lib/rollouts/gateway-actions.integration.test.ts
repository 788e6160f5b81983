// Apply step / restore / stale writes against a real sandbox (HTTPS, the studio's client), with the
// seed's shop Rollouts. Lua runs in the worker thread (dist/lua-worker.mjs, built by npm install).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getObject, patchObject } from '@/lib/k8s/client';
import { resetKubeconfigCache } from '@/lib/k8s/kubeconfig';
import { kindByKey } from '@/lib/k8s/kinds';
import { sandboxKubeconfig, startSandbox, type Sandbox } from '@/lib/k8s/sandbox';
import type { KubeObject } from '@/lib/k8s/types';
import { ORIGINAL_SPEC_ANNOTATION, originalAnnotationValue } from '@/lib/kruise';
import { closeThreadRunner } from '@/lib/runner/node-client';
import type { ExpectedVersions, GatewayPlan } from './action-types';
import { computeApplyPlan, computeRestorePlan } from './server-gateway-plan';
import { writePlan } from './server-gateway-write';
import { guard } from './server-result';

const CTX = 'sandbox';
const SEED = path.resolve(__dirname, '../k8s/sandbox/seed/default');
const VS = kindByKey('virtualservices.networking.istio.io')!;
const DR = kindByKey('destinationrules.networking.istio.io')!;
let sb: Sandbox;
let dir: string;

beforeAll(async () => {
  sb = await startSandbox({ name: CTX, seed: [path.join(SEED, 'shop-rollouts.yaml'), path.join(SEED, 'kruise-rollout.yaml')] });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kls-rollout-actions-'));
  const file = path.join(dir, 'config');
  fs.writeFileSync(file, sandboxKubeconfig([{ name: CTX, sandbox: sb, readonly: true }], CTX));
  process.env.KUBECONFIG = file;
  resetKubeconfigCache();
});

afterAll(async () => {
  await closeThreadRunner();
  await sb?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const expectedOf = (plan: GatewayPlan): ExpectedVersions => Object.fromEntries(plan.changes.map((c) => [`${c.ref.kind}/${c.ref.name}`, c.resourceVersion ?? '']));
const live = (kind: typeof VS, name: string) => getObject(CTX, kind, name, 'shop', { version: 'v1beta1' });
/** spec, labels and annotations: what Kruise writes and restores */
const routed = (o: object) => {
  const k = o as KubeObject;
  return { spec: k.spec, labels: k.metadata.labels, annotations: k.metadata.annotations };
};

describe('Apply step N on shop/frontend (Progressing, two refs)', () => {
  it('is refused without the override, with nothing written', async () => {
    const before = await Promise.all([live(VS, 'frontend'), live(DR, 'frontend')]);
    const { plan, ...sp } = await computeApplyPlan(CTX, 'shop', 'frontend', 1);
    expect(plan.ready).toBe(true);
    expect(plan.progressingConflict).toMatch(/^Rollout shop\/frontend is Progressing on VirtualService\/frontend, DestinationRule\/frontend: the controller will overwrite manual changes on its next reconcile\.$/);
    const res = await guard(() => writePlan(CTX, { plan, ...sp }, 'applyStep', expectedOf(plan), false));
    expect(res).toMatchObject({ ok: false, error: expect.stringContaining('Nothing was written; confirm with the override') });
    const after = await Promise.all([live(VS, 'frontend'), live(DR, 'frontend')]);
    expect(after.map((o) => o.metadata.resourceVersion)).toEqual(before.map((o) => o.metadata.resourceVersion));
  });

  it('writes the predicted objects with the override; the original is stored where absent', async () => {
    const drBefore = await live(DR, 'frontend');
    const sp = await computeApplyPlan(CTX, 'shop', 'frontend', 1);
    const [vsChange, drChange] = sp.plan.changes;
    expect(vsChange).toMatchObject({ ref: { kind: 'VirtualService', name: 'frontend' }, changed: true, storesOriginal: false });
    expect(drChange).toMatchObject({ ref: { kind: 'DestinationRule', name: 'frontend' }, changed: true, storesOriginal: true });
    expect(drChange.afterYaml).toContain(ORIGINAL_SPEC_ANNOTATION);
    const res = await guard(() => writePlan(CTX, sp, 'applyStep', expectedOf(sp.plan), true));
    expect(res).toMatchObject({ ok: true, written: ['VirtualService/frontend', 'DestinationRule/frontend'] });
    const [vs, dr] = await Promise.all([live(VS, 'frontend'), live(DR, 'frontend')]);
    expect(routed(vs)).toEqual(routed(vsChange.after!));
    expect(routed(dr)).toEqual(routed(drChange.after!));
    expect(dr.metadata.annotations?.[ORIGINAL_SPEC_ANNOTATION]).toBe(originalAnnotationValue(drBefore));
    // step 1 is 20% traffic: the VirtualService's route now splits 80/20
    expect(JSON.stringify(vs.spec)).toContain('"weight":20');
    // applying the same step again changes nothing
    const again = await computeApplyPlan(CTX, 'shop', 'frontend', 1);
    expect(again.plan.changes.map((c) => c.changed)).toEqual([false, false]);
    expect(again.plan.progressingConflict).toBeNull();
  });

  it('restores from the annotation and removes it (Finalise)', async () => {
    const seedDr = sb.store.get(DR, 'shop', 'frontend')!;
    const sp = await computeRestorePlan(CTX, 'shop', 'frontend');
    expect(sp.plan.ready).toBe(true);
    const res = await guard(() => writePlan(CTX, sp, 'restore', expectedOf(sp.plan), true));
    expect(res).toMatchObject({ ok: true, written: ['VirtualService/frontend', 'DestinationRule/frontend'] });
    const [vs, dr] = await Promise.all([live(VS, 'frontend'), live(DR, 'frontend')]);
    expect(vs.metadata.annotations).toBeUndefined();
    expect(vs.spec).toEqual({ gateways: ['istio-system/shop-gateway'], hosts: ['shop.example.com', 'frontend'], http: [{ route: [{ destination: { host: 'frontend', subset: 'stable' } }] }] });
    expect(dr.metadata.annotations).toBeUndefined();
    expect(JSON.stringify(dr.spec)).toBe(JSON.stringify((JSON.parse(seedDr.metadata.annotations![ORIGINAL_SPEC_ANNOTATION]) as { spec: unknown }).spec));
    // nothing left to restore
    const again = await computeRestorePlan(CTX, 'shop', 'frontend');
    expect(again.plan.changes.map((c) => c.changed)).toEqual([false, false]);
    expect(again.plan.warnings.join(' ')).toContain('nothing to restore');
  });
});

describe('Apply and restore on an object without the annotation (shop/cart, Healthy)', () => {
  it('round-trips byte for byte: spec, labels and annotations as before, annotation gone', async () => {
    await patchObject(CTX, VS, 'cart', 'shop', { metadata: { labels: { app: 'cart' }, annotations: { 'team.example.com/owner': 'checkout <&>' } } });
    const original = await live(VS, 'cart');
    const sp = await computeApplyPlan(CTX, 'shop', 'cart', 3);
    expect(sp.plan.progressingConflict).toBeNull();
    expect(sp.plan.changes[0]).toMatchObject({ changed: true, storesOriginal: true });
    expect(await guard(() => writePlan(CTX, sp, 'applyStep', expectedOf(sp.plan), false))).toMatchObject({ ok: true, written: ['VirtualService/cart'] });
    const applied = await live(VS, 'cart');
    expect(applied.metadata.annotations?.[ORIGINAL_SPEC_ANNOTATION]).toBe(originalAnnotationValue(original));
    expect(JSON.stringify(applied.spec)).toContain('cart-canary');

    const rp = await computeRestorePlan(CTX, 'shop', 'cart');
    expect(await guard(() => writePlan(CTX, rp, 'restore', expectedOf(rp.plan), false))).toMatchObject({ ok: true, written: ['VirtualService/cart'] });
    const restored = await live(VS, 'cart');
    expect(JSON.stringify(routed(restored))).toBe(JSON.stringify(routed(original)));
    expect(restored.metadata.annotations?.[ORIGINAL_SPEC_ANNOTATION]).toBeUndefined();
  });

  it('a replicas-only step plans the restore without Lua (an unannotated object stays as it is)', async () => {
    const sp = await computeApplyPlan(CTX, 'shop', 'frontend', 4);
    expect(sp.plan.ready).toBe(true);
    expect(sp.plan.changes.map((c) => c.changed)).toEqual([false, false]);
  });

  it('refuses a step the Rollout does not have', async () => {
    expect(await guard(() => computeApplyPlan(CTX, 'shop', 'cart', 9))).toEqual({
      ok: false,
      error: 'Rollout shop/cart has no step 9 (it has 4).',
      messages: [{ key: 'rollouts.refusal.noStep', values: { target: 'shop/cart', step: '9', steps: '4' } }],
    });
  });
});

describe('stale writes', () => {
  it('an object changed since the plan refuses the whole apply, nothing written on any ref', async () => {
    const sp = await computeApplyPlan(CTX, 'shop', 'frontend', 2);
    expect(sp.plan.ready).toBe(true);
    const vsRv = (await live(VS, 'frontend')).metadata.resourceVersion;
    const changed = await patchObject(CTX, DR, 'frontend', 'shop', { metadata: { labels: { touched: 'yes' } } });
    const fresh = await computeApplyPlan(CTX, 'shop', 'frontend', 2);
    const res = await guard(() => writePlan(CTX, fresh, 'applyStep', expectedOf(sp.plan), true));
    expect(res).toEqual({
      ok: false,
      error: `DestinationRule shop/frontend changed since you opened it (resourceVersion ${sp.plan.changes[1].resourceVersion}, now ${changed.metadata.resourceVersion}); nothing was written. Reload and review the new diff.`,
      messages: [{ key: 'common.refusal.changedSinceRvLive', values: { kind: 'DestinationRule', target: 'shop/frontend', rv: sp.plan.changes[1].resourceVersion, live: changed.metadata.resourceVersion } }],
    });
    expect((await live(VS, 'frontend')).metadata.resourceVersion).toBe(vsRv);
    expect((await live(DR, 'frontend')).metadata.resourceVersion).toBe(changed.metadata.resourceVersion);
  });

  it('a server-side 409 (changed between the check and the write) is worded the same way', async () => {
    const { replaceObject } = await import('@/lib/k8s/client');
    const dr = await live(DR, 'frontend');
    await patchObject(CTX, DR, 'frontend', 'shop', { metadata: { labels: { touched: 'again' } } });
    await expect(replaceObject(CTX, DR, dr, 'shop', { version: 'v1beta1' })).rejects.toThrow(
      `DestinationRule shop/frontend changed since you opened it (resourceVersion ${dr.metadata.resourceVersion}); nothing was written. Reload and review the new diff.`,
    );
  });
});

describe('read-only context', () => {
  it('refuses before writing, naming verb, resource and namespace', async () => {
    const sp = await computeApplyPlan('sandbox-readonly', 'shop', 'cart', 1);
    const res = await guard(() => writePlan('sandbox-readonly', sp, 'applyStep', expectedOf(sp.plan), false));
    expect(res.ok).toBe(false);
    expect(!res.ok && res.error).toMatch(/^You may not update virtualservices\.networking\.istio\.io "cart" in shop \(context "sandbox-readonly"\).*Nothing was written\.$/);
  });

  it('says "you may not" before anything else (a Progressing Rollout, a stale version)', async () => {
    const sp = await computeApplyPlan('sandbox-readonly', 'shop', 'frontend', 1);
    expect(sp.plan.progressingConflict).not.toBeNull();
    const res = await guard(() => writePlan('sandbox-readonly', sp, 'restore', {}, false));
    expect(!res.ok && res.error).toMatch(/^You may not update virtualservices\.networking\.istio\.io "frontend" in shop .* You may not update destinationrules\.networking\.istio\.io "frontend" in shop .*Nothing was written\.$/);
  });
});
