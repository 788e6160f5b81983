// Approve, Save script and the permission answers against a real sandbox (admin and read-only
// contexts on the same cluster).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createObject, getObject, patchStatus } from '@/lib/k8s/client';
import { resetKubeconfigCache } from '@/lib/k8s/kubeconfig';
import { kindByKey } from '@/lib/k8s/kinds';
import { sandboxKubeconfig, startSandbox, type Sandbox } from '@/lib/k8s/sandbox';
import { closeThreadRunner } from '@/lib/runner/node-client';
import { approveStep, planApprove } from './server-approve';
import { rolloutPermissions } from './server-permissions';
import { guard } from './server-result';
import { planSaveScript, saveScript } from './server-script';

const CTX = 'sandbox';
const RO = 'sandbox-readonly';
const SEED = path.resolve(__dirname, '../k8s/sandbox/seed/default');
const ROLLOUTS = kindByKey('rollouts.rollouts.kruise.io')!;
const CONFIGMAPS = kindByKey('configmaps')!;
const HTTPPROXY = { apiVersion: 'projectcontour.io/v1', kind: 'HTTPProxy' };
const GATEWAY_ROUTE = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute' };
const VIRTUAL_SERVICE = { apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService' };
let sb: Sandbox;
let dir: string;

beforeAll(async () => {
  sb = await startSandbox({ name: CTX, seed: [path.join(SEED, 'shop-rollouts.yaml'), path.join(SEED, 'kruise-rollout.yaml')] });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kls-rollout-approve-'));
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

describe('permissions', () => {
  it('the admin may do everything', async () => {
    const { permissions } = await rolloutPermissions(CTX, 'shop', 'frontend');
    expect(permissions).toEqual({ applyStep: { allowed: true }, restore: { allowed: true }, approve: { allowed: true }, saveScript: { allowed: true } });
  });

  it('the read-only user may do nothing, and each reason names verb, resource and namespace', async () => {
    const { permissions } = await rolloutPermissions(RO, 'shop', 'frontend');
    expect(Object.values(permissions).map((p) => p.allowed)).toEqual([false, false, false, false]);
    expect(permissions.applyStep.reason).toMatch(/^You may not update virtualservices\.networking\.istio\.io "frontend" in shop \(context "sandbox-readonly"\).* You may not update destinationrules\.networking\.istio\.io "frontend" in shop/);
    expect(permissions.restore.reason).toBe(permissions.applyStep.reason);
    expect(permissions.approve.reason).toMatch(/^You may not patch rollouts\.rollouts\.kruise\.io\/status "frontend" in shop \(context "sandbox-readonly"\)/);
    expect(permissions.saveScript.reason).toMatch(/^You may not update configmaps "kruise-rollout-configuration" in kruise-rollout \(context "sandbox-readonly"\)/);
  });
});

describe('Approve', () => {
  it('is refused in the read-only context before patching', async () => {
    const plan = await planApprove(RO, 'shop', 'frontend');
    expect(await guard(() => approveStep(RO, 'shop', 'frontend', plan.resourceVersion))).toMatchObject({ ok: false, error: expect.stringMatching(/^You may not patch rollouts\.rollouts\.kruise\.io\/status .*Nothing was written\.$/) });
  });

  it('refuses a stale resourceVersion', async () => {
    const plan = await planApprove(CTX, 'shop', 'frontend');
    const bumped = await patchStatus(CTX, ROLLOUTS, 'frontend', 'shop', { status: { message: 'touched' } });
    expect(bumped.metadata.resourceVersion).not.toBe(plan.resourceVersion);
    expect(await guard(() => approveStep(CTX, 'shop', 'frontend', plan.resourceVersion))).toEqual({
      ok: false,
      error: `Rollout shop/frontend changed since you opened it (resourceVersion ${plan.resourceVersion}, now ${bumped.metadata.resourceVersion}); nothing was written. Reload and review the new diff.`,
      messages: [{ key: 'common.refusal.changedSinceRvLive', values: { kind: 'Rollout', target: 'shop/frontend', rv: plan.resourceVersion, live: bumped.metadata.resourceVersion } }],
    });
  });

  it('moves StepPaused to StepReady with a status merge patch (canaryStatus and the v1beta1 top-level copy)', async () => {
    const plan = await planApprove(CTX, 'shop', 'frontend');
    expect(plan).toMatchObject({ from: 'StepPaused', to: 'StepReady', statusPath: 'status.canaryStatus.currentStepState' });
    expect(plan.patch).toEqual({ metadata: { resourceVersion: plan.resourceVersion }, status: { canaryStatus: { currentStepState: 'StepReady' }, currentStepState: 'StepReady' } });
    expect(await guard(() => approveStep(CTX, 'shop', 'frontend', plan.resourceVersion))).toEqual({ ok: true, state: 'StepReady' });
    const r = await getObject(CTX, ROLLOUTS, 'frontend', 'shop');
    const status = r.status as { currentStepState: string; currentStepIndex: number; canaryStatus: { currentStepState: string; currentStepIndex: number } };
    expect(status).toMatchObject({ currentStepState: 'StepReady', currentStepIndex: 2, canaryStatus: { currentStepState: 'StepReady', currentStepIndex: 2 } });
    expect(r.spec).toEqual(sb.store.get(ROLLOUTS, 'shop', 'frontend')!.spec);
  });

  it('is refused when not paused', async () => {
    expect(await guard(() => planApprove(CTX, 'shop', 'frontend'))).toEqual({
      ok: false,
      error: 'Rollout shop/frontend is not paused (step state StepReady): Approve only continues a step in StepPaused.',
      messages: [{ key: 'rollouts.refusal.notPaused', values: { target: 'shop/frontend', state: 'StepReady' } }],
    });
    const cart = await getObject(CTX, ROLLOUTS, 'cart', 'shop');
    expect(await guard(() => approveStep(CTX, 'shop', 'cart', cart.metadata.resourceVersion!))).toMatchObject({ ok: false, error: expect.stringContaining('is not paused') });
  });

  it('the sandbox honours a resourceVersion in a status merge patch', async () => {
    const r = await getObject(CTX, ROLLOUTS, 'cart', 'shop');
    await patchStatus(CTX, ROLLOUTS, 'cart', 'shop', { status: { message: 'one' } });
    await expect(patchStatus(CTX, ROLLOUTS, 'cart', 'shop', { metadata: { resourceVersion: r.metadata.resourceVersion }, status: { message: 'two' } })).rejects.toThrow(/^Rollout shop\/cart changed since you opened it/);
  });
});

describe('Save script', () => {
  const cm = () => getObject(CTX, CONFIGMAPS, 'kruise-rollout-configuration', 'kruise-rollout');
  const SCRIPT = 'local d = obj.data\nreturn d\n';

  it('updates one key, keeping the others; a built-in-shadowed key warns', async () => {
    const before = await cm();
    const plan = await planSaveScript(CTX, HTTPPROXY, SCRIPT);
    expect(plan).toMatchObject({ key: 'lua.traffic.routing.HTTPProxy.projectcontour.io', configMap: { namespace: 'kruise-rollout', name: 'kruise-rollout-configuration', exists: true, resourceVersion: before.metadata.resourceVersion }, shadowedByBuiltin: false, after: SCRIPT });
    expect(plan.before).toContain('Contour HTTPProxy');
    const saved = await saveScript(CTX, HTTPPROXY, SCRIPT, before.metadata.resourceVersion!);
    expect(saved.warnings).toEqual([]);
    const after = await cm();
    expect(after.metadata.resourceVersion).toBe(saved.resourceVersion);
    expect(after.data).toEqual({ ...(before.data as object), 'lua.traffic.routing.HTTPProxy.projectcontour.io': SCRIPT });

    const vsPlan = await planSaveScript(CTX, VIRTUAL_SERVICE, SCRIPT);
    expect(vsPlan.shadowedByBuiltin).toBe(true);
    const vs = await saveScript(CTX, VIRTUAL_SERVICE, SCRIPT, saved.resourceVersion);
    expect(vs.warnings).toEqual([expect.stringContaining('built-in VirtualService script wins over ConfigMap key lua.traffic.routing.VirtualService.networking.istio.io')]);
  });

  it('refuses a stale resourceVersion and a syntax error, writing nothing', async () => {
    const live = await cm();
    const stale = String(Number(live.metadata.resourceVersion) - 1);
    expect(await guard(() => saveScript(CTX, HTTPPROXY, SCRIPT, stale))).toEqual({
      ok: false,
      error: `ConfigMap kruise-rollout/kruise-rollout-configuration changed since you opened it (resourceVersion ${stale}, now ${live.metadata.resourceVersion}); nothing was written. Reload and review the new diff.`,
      messages: [{ key: 'common.refusal.changedSinceRvLive', values: { kind: 'ConfigMap', target: 'kruise-rollout/kruise-rollout-configuration', rv: stale, live: live.metadata.resourceVersion } }],
    });
    const bad = await guard(() => saveScript(CTX, HTTPPROXY, 'local x = 1\nif x then\nreturn obj.data\n', live.metadata.resourceVersion!));
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/^The script was not saved: line \d+: /) });
    const plan = await planSaveScript(CTX, HTTPPROXY, 'return {\n');
    expect(plan.lint).toEqual(expect.arrayContaining([expect.objectContaining({ severity: 'error', line: expect.any(Number) })]));
    expect((await cm()).metadata.resourceVersion).toBe(live.metadata.resourceVersion);
  });

  it('is refused in the read-only context', async () => {
    const live = await cm();
    expect(await guard(() => saveScript(RO, HTTPPROXY, SCRIPT, live.metadata.resourceVersion!))).toMatchObject({ ok: false, error: expect.stringMatching(/^You may not update configmaps "kruise-rollout-configuration" in kruise-rollout .*Nothing was written\.$/) });
  });

  it('creates the ConfigMap when missing, refusing a missing namespace and a ConfigMap that appeared meanwhile', async () => {
    sb.store.delete(CONFIGMAPS, 'kruise-rollout', 'kruise-rollout-configuration');
    const plan = await planSaveScript(CTX, GATEWAY_ROUTE, SCRIPT);
    expect(plan).toMatchObject({ key: 'lua.traffic.routing.HTTPRoute.gateway.networking.k8s.io', configMap: { exists: false, resourceVersion: null }, before: null });
    // the seed files loaded here hold no Namespace objects: a real cluster would refuse the create
    expect(await guard(() => saveScript(CTX, GATEWAY_ROUTE, SCRIPT, null))).toEqual({
      ok: false,
      error: 'Namespace "kruise-rollout" does not exist, so ConfigMap kruise-rollout/kruise-rollout-configuration cannot be created. Install Kruise Rollout there, or set STUDIO_KRUISE_NAMESPACE to the namespace its controller runs in.',
      messages: [{ key: 'rollouts.refusal.noNamespace', values: { namespace: 'kruise-rollout', target: 'ConfigMap kruise-rollout/kruise-rollout-configuration' } }],
    });
    await createObject(CTX, kindByKey('namespaces')!, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kruise-rollout' } });
    const created = await saveScript(CTX, GATEWAY_ROUTE, SCRIPT, null);
    const live = await cm();
    expect(live.metadata.resourceVersion).toBe(created.resourceVersion);
    expect(live.data).toEqual({ 'lua.traffic.routing.HTTPRoute.gateway.networking.k8s.io': SCRIPT });
    expect(await guard(() => saveScript(CTX, HTTPPROXY, SCRIPT, null))).toMatchObject({ ok: false, error: expect.stringContaining('was created since you opened it') });
  });
});
