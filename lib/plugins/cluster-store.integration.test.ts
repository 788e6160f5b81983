// The cluster store against the sandbox API server, through KUBECONFIG like a real cluster.
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterClient } from '@/lib/k8s/client';
import { startSandbox, type Sandbox } from '@/lib/k8s/sandbox';
import { useSandboxKubeconfig } from '@/lib/k8s/testing/sandbox-kubeconfig';
import { ClusterStore, MAX_DATA_BYTES, fitHistory } from './cluster-store';
import { configMapNameFor } from './cluster-names';

const CTX = 'sandbox';
let sb: Sandbox;
let cleanup: (() => Promise<void>) | undefined;

beforeAll(async () => {
  sb = await startSandbox({ name: CTX, objects: [] });
  cleanup = useSandboxKubeconfig(sb, CTX, 'kls-cluster-store-');
});
afterAll(async () => {
  await cleanup?.();
});

const core = () => clusterClient(CTX).kc.makeApiClient(k8s.CoreV1Api);

const SRC = 'function GetWorkloadTypeAndName(m) return "", "" end';

describe('ClusterStore', () => {
  it('creates the namespace on the first write and keeps one labelled ConfigMap per plugin', async () => {
    const store = new ClusterStore({ context: CTX, namespace: 'kls-store-a' });
    expect(await store.list()).toMatchObject({ plugins: [] }); // no namespace yet: an empty store
    const r = await store.create({ name: 'My_Plugin.v1', source: SRC });
    expect(r).toMatchObject({ ok: true, plugin: { name: 'My_Plugin.v1', source: SRC, enabled: true } });
    const ns = await core().readNamespace({ name: 'kls-store-a' });
    expect(ns.metadata?.labels).toMatchObject({ 'app.kubernetes.io/managed-by': 'kube-lua-studio' });
    const cm = await core().readNamespacedConfigMap({ name: configMapNameFor('My_Plugin.v1'), namespace: 'kls-store-a' });
    expect(cm).toMatchObject({
      metadata: {
        labels: { 'app.kubernetes.io/managed-by': 'kube-lua-studio', 'kube-lua-studio/kind': 'deepflow-plugin' },
        annotations: { 'kube-lua-studio/plugin-name': 'My_Plugin.v1', 'kube-lua-studio/order': '1' },
      },
      data: { 'plugin.lua': SRC },
    });
    expect(r.ok && r.plugin.version).toBe(cm.metadata?.resourceVersion);
    expect(configMapNameFor('My_Plugin.v1')).toMatch(/^kls-plugin-my-plugin-v1-[0-9a-f]{8}$/);
    expect(configMapNameFor('a')).not.toBe(configMapNameFor('A'));
  });

  it("refuses a stale save with Kubernetes' own resourceVersion, and a duplicate name", async () => {
    const store = new ClusterStore({ context: CTX, namespace: 'kls-store-b' });
    const a = await store.create({ name: 'og', source: 'x = 1' });
    if (!a.ok) throw new Error(a.error);
    expect(await store.create({ name: 'og', source: 'y' })).toMatchObject({ ok: false, error: expect.stringContaining('already exists') });
    const other = new ClusterStore({ context: CTX, namespace: 'kls-store-b' }); // a second replica
    const b = await other.update('og', a.plugin.version, { source: 'x = 2' });
    expect(b.ok).toBe(true);
    const stale = await store.update('og', a.plugin.version, { source: 'x = 3' });
    expect(stale).toMatchObject({ ok: false, conflict: true, error: expect.stringContaining(`(version ${a.plugin.version} → ${b.ok ? b.plugin.version : ''})`) });
    expect((await store.list()).plugins[0].source).toBe('x = 2');
    expect(await store.remove('og', a.plugin.version)).toMatchObject({ ok: false, conflict: true });
  });

  it('keeps history, renames, reorders, deletes; settings in their own ConfigMap', async () => {
    const store = new ClusterStore({ context: CTX, namespace: 'kls-store-c' });
    const one = await store.create({ name: 'one', source: 'a = 1' });
    await store.create({ name: 'two', source: 'b = 1' });
    if (!one.ok) throw new Error(one.error);
    const edited = await store.update('one', one.plugin.version, { source: 'a = 2' });
    if (!edited.ok) throw new Error(edited.error);
    const renamed = await store.update('one', edited.plugin.version, { rename: 'uno' });
    expect(renamed.ok).toBe(true);
    expect(await store.history('one')).toBeNull();
    expect((await store.history('uno'))!.map((h) => [h.name, h.source])).toEqual([['uno', 'a = 2'], ['one', 'a = 2'], ['one', 'a = 1']]);
    let list = await store.list();
    expect(list.plugins.map((p) => p.name)).toEqual(['uno', 'two']); // rename keeps the position
    const re = await store.reorder(['two', 'uno'], list.listVersion);
    expect(re.ok && re.plugins.map((p) => p.name)).toEqual(['two', 'uno']);
    expect(await store.reorder(['uno', 'two'], list.listVersion)).toMatchObject({ ok: false, conflict: true });
    list = await store.list();
    const two = list.plugins.find((p) => p.name === 'two')!;
    expect(await store.remove('two', two.version)).toEqual({ ok: true });
    expect((await store.list()).plugins.map((p) => p.name)).toEqual(['uno']);

    expect(await store.getSettings()).toEqual({ agentConfigYaml: '', version: 'v7.1.6', settingsVersion: '0' });
    const s = await store.saveSettings({ agentConfigYaml: '- name: clonesets\n', version: 'v7.0' }, '0');
    expect(s.ok).toBe(true);
    expect(await new ClusterStore({ context: CTX, namespace: 'kls-store-c' }).getSettings()).toMatchObject({ agentConfigYaml: '- name: clonesets\n', version: 'v7.0' });
    expect(await store.saveSettings({ agentConfigYaml: '', version: 'main' }, '0')).toMatchObject({ ok: false, conflict: true });

    await store.markUploaded('srv', 'uno', '2026-01-01T00:00:00.000Z');
    expect(await store.uploadMarks('srv')).toEqual({ 'uno': '2026-01-01T00:00:00.000Z' });
  });

  it('trims the oldest history to stay under the object size limit', () => {
    const big = 'x'.repeat(200 * 1024);
    const history = Array.from({ length: 20 }, (_, i) => ({ version: String(20 - i), savedAt: '', name: 'p', source: big, enabled: true }));
    const kept = fitHistory(big, history);
    expect(kept.length).toBeLessThan(5);
    expect(kept[0].version).toBe('20');
    expect(big.length + JSON.stringify(kept).length).toBeLessThanOrEqual(MAX_DATA_BYTES);
  });
});
