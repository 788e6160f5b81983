// Every write path records its attempt: against a real sandbox, each entry's target and
// resourceVersions are the cluster's own, the diff is there, and refusals are recorded too.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getObject } from '@/lib/k8s/client';
import { runWithIdentity, KUBECONFIG_IDENTITY } from '@/lib/k8s/identity';
import { resetKubeconfigCache } from '@/lib/k8s/kubeconfig';
import { kindByKey } from '@/lib/k8s/kinds';
import { sandboxKubeconfig, startSandbox, type Sandbox } from '@/lib/k8s/sandbox';
import { ClusterStore } from '@/lib/plugins/cluster-store';
import * as plugins from '@/lib/plugins/service';
import { withSettingsAudit } from '@/lib/plugins/service-audit';
import { approveStep, planApprove } from '@/lib/rollouts/server-approve';
import { guard } from '@/lib/rollouts/server-result';
import { planSaveScript, saveScript } from '@/lib/rollouts/server-script';
import { closeThreadRunner } from '@/lib/runner/node-client';
import { readLines } from './store';

const CTX = 'sandbox';
const RO = 'sandbox-readonly';
const SEED = path.resolve(__dirname, '../k8s/sandbox/seed/default');
const ROLLOUTS = kindByKey('rollouts.rollouts.kruise.io')!;
const CONFIGMAPS = kindByKey('configmaps')!;
const alice = { user: 'alice', groups: ['team-a'], via: 'token' as const };
const asAlice = <T>(fn: () => Promise<T>) => runWithIdentity(KUBECONFIG_IDENTITY, alice, fn);
const SRC = 'function GetWorkloadTypeAndName(metaJsonStr)\n  return "", ""\nend\n';
const check = async () => ({ ok: true as const, warnings: [] });
let sb: Sandbox;
let dir: string;

beforeAll(async () => {
  sb = await startSandbox({ name: CTX, seed: [path.join(SEED, 'shop-rollouts.yaml'), path.join(SEED, 'kruise-rollout.yaml')] });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kls-audit-'));
  fs.writeFileSync(path.join(dir, 'config'), sandboxKubeconfig([{ name: CTX, sandbox: sb, readonly: true }], CTX));
  process.env.KUBECONFIG = path.join(dir, 'config');
  process.env.STUDIO_DATA_DIR = path.join(dir, 'data');
  resetKubeconfigCache();
});

beforeEach(() => {
  fs.rmSync(path.join(dir, 'data'), { recursive: true, force: true });
  delete process.env.STUDIO_READ_ONLY;
  delete process.env.STUDIO_AUDIT_EVENTS;
});

afterAll(async () => {
  await closeThreadRunner();
  await sb?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('rollout writes', () => {
  it('Approve: the user, the Rollout, its resourceVersion before and after, the step-state diff', async () => {
    const plan = await planApprove(CTX, 'shop', 'frontend');
    expect(await asAlice(() => guard(() => approveStep(CTX, 'shop', 'frontend', plan.resourceVersion)))).toMatchObject({ ok: true });
    const live = await getObject(CTX, ROLLOUTS, 'frontend', 'shop');
    const [e] = await readLines();
    expect(e).toMatchObject({
      user: 'alice',
      groups: ['team-a'],
      action: 'rollout.approve',
      context: CTX,
      target: { apiVersion: live.apiVersion, kind: 'Rollout', namespace: 'shop', name: 'frontend' },
      resourceVersionBefore: plan.resourceVersion,
      resourceVersionAfter: live.metadata.resourceVersion,
      result: 'ok',
    });
    expect(e.diff).toMatch(/-\s+currentStepState: StepPaused\n\+\s+currentStepState: StepReady/);
  });

  it('a refusal by the cluster RBAC is recorded as refused, with the message', async () => {
    const cart = await getObject(CTX, ROLLOUTS, 'cart', 'shop');
    await guard(() => approveStep(RO, 'shop', 'cart', cart.metadata.resourceVersion!));
    const [e] = await readLines();
    expect(e).toMatchObject({ action: 'rollout.approve', user: 'kube-lua-studio', result: 'refused', resourceVersionAfter: null, error: expect.stringMatching(/^You may not patch/) });
  });

  it('Save script: the ConfigMap, versions and the script diff; a stale save is refused and recorded', async () => {
    const ref = { apiVersion: 'apps.example.com/v1', kind: 'Widget' };
    const plan = await planSaveScript(CTX, ref, 'return obj\n');
    expect(await guard(() => saveScript(CTX, ref, 'return obj\n', plan.configMap.resourceVersion))).toMatchObject({ ok: true });
    const cm = await getObject(CTX, CONFIGMAPS, 'kruise-rollout-configuration', 'kruise-rollout');
    expect(await guard(() => saveScript(CTX, ref, 'return nil\n', plan.configMap.resourceVersion))).toMatchObject({ ok: false });
    const [ok, stale] = await readLines();
    expect(ok).toMatchObject({ action: 'rollout.saveScript', target: { kind: 'ConfigMap', namespace: 'kruise-rollout', name: 'kruise-rollout-configuration' }, resourceVersionBefore: plan.configMap.resourceVersion, resourceVersionAfter: cm.metadata.resourceVersion, result: 'ok' });
    expect(ok.diff).toContain('+return obj');
    expect(stale).toMatchObject({ result: 'refused', resourceVersionAfter: null, error: expect.stringContaining('changed since you opened it') });
    expect(stale.diff).toContain('+return nil');
  });

  it('read-only mode refuses on the write layer too, and records the attempt', async () => {
    process.env.STUDIO_READ_ONLY = '1';
    const plan = await planApprove(CTX, 'shop', 'frontend').catch(() => null);
    const cart = await getObject(CTX, ROLLOUTS, 'cart', 'shop');
    const res = await guard(() => approveStep(CTX, 'shop', 'cart', plan?.resourceVersion ?? cart.metadata.resourceVersion!));
    expect(res).toEqual({ ok: false, error: 'The studio is read-only (STUDIO_READ_ONLY=1): no change was made.', messages: [{ key: 'shell.readOnly.refused' }] });
    expect((await getObject(CTX, ROLLOUTS, 'cart', 'shop')).metadata.resourceVersion).toBe(cart.metadata.resourceVersion);
    expect(await readLines()).toEqual([expect.objectContaining({ action: 'rollout.approve', result: 'refused', error: res.ok ? '' : res.error })]);
  });

  it('an Event the cluster cannot take never fails the write; the line says why', async () => {
    process.env.STUDIO_AUDIT_EVENTS = '1';
    const ref = { apiVersion: 'apps.example.com/v1', kind: 'Gadget' };
    const plan = await planSaveScript(CTX, ref, 'return obj\n');
    expect(await guard(() => saveScript(CTX, ref, 'return obj\n', plan.configMap.resourceVersion))).toMatchObject({ ok: true });
    const [e] = await readLines();
    expect(e).toMatchObject({ result: 'ok', eventError: expect.stringMatching(/^The audit Event was not created/) });
  });
});

describe('plugin writes (cluster store)', () => {
  it('create, save, disable, rename, delete: one entry per ConfigMap write with its resourceVersions', async () => {
    const env = { store: new ClusterStore({ context: CTX, namespace: 'kls-audit' }), deepflow: null, check };
    const created = await plugins.savePlugin(env, { name: 'tagger', source: SRC, baseVersion: null });
    if (!created.ok) throw new Error(created.error);
    const saved = await plugins.savePlugin(env, { name: 'tagger', source: `${SRC}-- v2\n`, baseVersion: created.plugin.version });
    if (!saved.ok) throw new Error(saved.error);
    const stale = await plugins.savePlugin(env, { name: 'tagger', source: SRC, baseVersion: created.plugin.version });
    expect(stale.ok).toBe(false);
    const off = await plugins.setPluginEnabled(env, { name: 'tagger', enabled: false, baseVersion: saved.plugin.version });
    if (!off.ok) throw new Error(off.error);
    const moved = await plugins.savePlugin(env, { name: 'tagger2', previousName: 'tagger', source: SRC, baseVersion: off.plugin.version });
    if (!moved.ok) throw new Error(moved.error);
    expect(await plugins.deletePlugin(env, { name: 'tagger2', baseVersion: moved.plugin.version })).toMatchObject({ ok: true });

    const lines = await readLines();
    const row = (i: number) => [lines[i].action, lines[i].target.kind, lines[i].target.name.replace(/-[0-9a-f]{8}$/, ''), lines[i].resourceVersionBefore, lines[i].resourceVersionAfter, lines[i].result];
    expect(lines.map((_, i) => row(i))).toEqual([
      ['plugin.createNamespace', 'Namespace', 'kls-audit', null, expect.any(String), 'ok'],
      ['plugin.create', 'ConfigMap', 'kls-plugin-tagger', null, created.plugin.version, 'ok'],
      ['plugin.save', 'ConfigMap', 'kls-plugin-tagger', created.plugin.version, saved.plugin.version, 'ok'],
      ['plugin.save', 'ConfigMap', 'kls-plugin-tagger', saved.plugin.version, null, 'refused'],
      ['plugin.disable', 'ConfigMap', 'kls-plugin-tagger', saved.plugin.version, off.plugin.version, 'ok'],
      ['plugin.rename', 'ConfigMap', 'kls-plugin-tagger2', null, moved.plugin.version, 'ok'],
      ['plugin.rename', 'ConfigMap', 'kls-plugin-tagger', off.plugin.version, null, 'ok'],
      ['plugin.delete', 'ConfigMap', 'kls-plugin-tagger2', moved.plugin.version, null, 'ok'],
    ]);
    expect(lines[2].diff).toContain('+-- v2');
    expect(lines[4].diff).toContain('--- enabled: true\n+-- enabled: false');
    for (const l of lines.filter((x) => x.result === 'ok')) expect(l.diff).not.toBe('');
  });

  it('the DeepFlow settings save: the settings ConfigMap, versions, diff; a stale one refused', async () => {
    const store = withSettingsAudit(new ClusterStore({ context: CTX, namespace: 'kls-audit' }));
    const first = await store.saveSettings({ agentConfigYaml: 'inputs: {}\n', version: 'v7.0' }, '0');
    if (!first.ok) throw new Error(first.error);
    expect((await store.saveSettings({ agentConfigYaml: 'x: 1\n', version: 'v7.0' }, '0')).ok).toBe(false);
    const [ok, stale] = await readLines();
    expect(ok).toMatchObject({ action: 'settings.save', target: { kind: 'ConfigMap', namespace: 'kls-audit', name: 'kube-lua-studio-settings' }, resourceVersionBefore: null, resourceVersionAfter: first.settings.settingsVersion, result: 'ok' });
    expect(ok.diff).toContain('+inputs: {}');
    expect(stale).toMatchObject({ action: 'settings.save', result: 'refused' });
  });
});
