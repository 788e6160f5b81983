// The plugin store end to end: server actions (the browser's own protocol), the file store across
// a restart, the cluster store against the sandbox, the fake DeepFlow server's create/update/
// delete/drift through /api/plugins, and the DeepFlow settings form.
import { expect, test } from './fixtures';
import { coreApi, uniqueName } from './kube';
import { BASE_URL, FAKE_DEEPFLOW_URL, SANDBOX_KUBECONFIG, STUDIO_DATA_DIR } from './env';
import { DeepflowSettingsSection } from './pages/deepflow-settings-section';
import { PodsPage } from './pages/pods-page';
import { pluginTemplateFor } from '../lib/deepflow/plugin-templates';
import { callAction } from './support/server-actions';
import { startSecondStudio } from './support/second-studio';
import { createLikeDeepflowCtl, fakeMode, remoteNames } from './support/fake-deepflow-client';
import type { DeepflowSettings, PluginList, PluginRecord, Result } from '../lib/plugins/types';

const ACTIONS = 'app/plugins/actions.ts';
const SRC = 'function GetWorkloadTypeAndName(metaJsonStr)\n  return "", ""\nend\n';

type Saved = Result<{ plugin: PluginRecord; warnings: string[]; deepflowError?: string }>;

const save = (base: string, input: { name: string; source: string; baseVersion: string | null; previousName?: string }) => callAction<Saved>(base, ACTIONS, 'savePlugin', input);
const del = (base: string, input: { name: string; baseVersion: string }) => callAction<Result<{ warnings: string[] }>>(base, ACTIONS, 'deletePlugin', input);

async function list(base = BASE_URL): Promise<PluginList> {
  const r = await fetch(`${base}/api/plugins`);
  expect(r.status).toBe(200);
  return (await r.json()) as PluginList;
}


function ok<T extends object>(r: Result<T>): { ok: true } & T {
  if (!r.ok) throw new Error(r.error);
  return r;
}

test('a save goes through the server action, is uploaded to DeepFlow, and a stale save is refused', async () => {
  const name = uniqueName('store-save');
  const first = ok(await save(BASE_URL, { name, source: SRC, baseVersion: null }));
  expect(first.warnings).toEqual([]);
  expect(await remoteNames()).toContain(name);

  const second = ok(await save(BASE_URL, { name, source: `-- edited\n${SRC}`, baseVersion: first.plugin.version }));
  const stale = await save(BASE_URL, { name, source: `-- mine\n${SRC}`, baseVersion: first.plugin.version });
  expect(stale).toEqual({
    ok: false,
    conflict: true,
    error: expect.stringContaining(`Plugin "${name}" was changed since you opened it (version ${first.plugin.version} → ${second.plugin.version}). Your text is kept in the editor`),
    // the same refusal as a descriptor, rendered in the reader's language
    message: { key: 'plugins.store.changed', values: { name, base: String(first.plugin.version), current: String(second.plugin.version) } },
  });
  const mine = (await list()).plugins.find((p) => p.name === name)!;
  expect(mine.source).toBe(`-- edited\n${SRC}`);
  expect((await list()).deepflow?.drift).toContainEqual({ name, state: 'in-sync' });

  const history = (await (await fetch(`${BASE_URL}/api/plugins/${encodeURIComponent(name)}/history`)).json()) as { history: { source: string }[] };
  expect(history.history.map((h) => h.source)).toEqual([`-- edited\n${SRC}`, SRC]);
  expect((await fetch(`${BASE_URL}/api/plugins/no-such-plugin/history`)).status).toBe(404);
});

test('bad input is refused before anything is written: a name DeepFlow cannot delete, a duplicate, a syntax error', async () => {
  const before = await list();
  const remoteBefore = await remoteNames();
  expect(await save(BASE_URL, { name: 'has space', source: SRC, baseVersion: null })).toMatchObject({ ok: false, error: expect.stringContaining('it has a space') });
  const name = uniqueName('store-dup');
  ok(await save(BASE_URL, { name, source: SRC, baseVersion: null }));
  expect(await save(BASE_URL, { name, source: SRC, baseVersion: null })).toMatchObject({ ok: false, error: `A plugin named "${name}" already exists: choose another name (nothing was written).` });
  const broken = await save(BASE_URL, { name: uniqueName('store-broken'), source: 'x = 1\nfunction (\n', baseVersion: null });
  expect(broken).toMatchObject({ ok: false, error: expect.stringMatching(/was not saved: it fails to load \(line 2\): lua script loading error: \(<string>:2: /) });
  const after = await list();
  expect(after.plugins.map((p) => p.name)).toEqual([...before.plugins.map((p) => p.name), name]);
  expect((await remoteNames()).sort()).toEqual([...remoteBefore, name].sort());
});

test('DeepFlow server: create, update, delete and drift are visible through /api/plugins; a garbage answer leaves the store intact', async () => {
  // remote-only: created on the server with deepflow-ctl's request, no local source
  const ctl = uniqueName('made-by-ctl');
  expect(await createLikeDeepflowCtl(ctl)).toBe(200);
  expect((await list()).deepflow?.drift).toContainEqual({ name: ctl, state: 'remote-only' });

  const name = uniqueName('store-drift');
  const created = ok(await save(BASE_URL, { name, source: SRC, baseVersion: null }));
  await fakeMode('garbage');
  let edited: ReturnType<typeof ok<{ plugin: PluginRecord; warnings: string[] }>>;
  try {
    edited = ok(await save(BASE_URL, { name, source: `-- offline edit\n${SRC}`, baseVersion: created.plugin.version }));
    expect(edited.warnings).toEqual([expect.stringMatching(new RegExp(`^Saved locally; DeepFlow at ${FAKE_DEEPFLOW_URL.replace(/\./g, '\\.')} did not answer POST /v1/plugin/ with its JSON envelope`))]);
    const down = await list();
    expect(down.deepflow).toMatchObject({ ok: false, error: expect.stringContaining('The local store is intact.') });
    expect(down.plugins.find((p) => p.name === name)?.source).toBe(`-- offline edit\n${SRC}`);
  } finally {
    await fakeMode('normal');
  }
  const drift = (await list()).deepflow!;
  expect(drift.ok).toBe(true);
  expect(drift.drift).toContainEqual({ name, state: 'not-uploaded' });
  expect(drift.remote.map((r) => r.name)).toContain(name);

  const fixed = ok(await save(BASE_URL, { name, source: `-- uploaded\n${SRC}`, baseVersion: edited.plugin.version }));
  expect((await list()).deepflow?.drift).toContainEqual({ name, state: 'in-sync' });
  ok(await del(BASE_URL, { name, baseVersion: fixed.plugin.version }));
  expect(await remoteNames()).not.toContain(name);
  const after = await list();
  expect(after.plugins.map((p) => p.name)).not.toContain(name);
  expect(after.deepflow?.drift.map((d) => d.name)).not.toContain(name);
});

test('the file store survives a studio restart (a second studio on the same data directory)', async () => {
  test.setTimeout(240_000);
  const name = uniqueName('store-restart');
  ok(await save(BASE_URL, { name, source: SRC, baseVersion: null }));
  const studio = await startSecondStudio({ KUBECONFIG: SANDBOX_KUBECONFIG, STUDIO_DATA_DIR, STUDIO_PLUGIN_STORE: 'file' });
  try {
    const seen = await list(studio.baseURL);
    expect(seen).toMatchObject({ store: 'file', location: STUDIO_DATA_DIR, deepflow: null });
    expect(seen.plugins.find((p) => p.name === name)?.source).toBe(SRC);
    // and the other way round: a save there is seen here
    const there = uniqueName('store-restart-b');
    ok(await save(studio.baseURL, { name: there, source: SRC, baseVersion: null }));
    expect((await list()).plugins.map((p) => p.name)).toContain(there);
  } finally {
    await studio.stop();
  }
});

test('the cluster store keeps plugins as ConfigMaps in the sandbox, refuses stale saves, survives a restart, and its chain maps pods', async ({ page }) => {
  test.setTimeout(300_000);
  const namespace = uniqueName('kls-e2e-store');
  // the main studio's data directory: its audit log is the one e2e/audit-complete.spec.ts reads
  const env = { KUBECONFIG: SANDBOX_KUBECONFIG, STUDIO_DATA_DIR, STUDIO_PLUGIN_STORE: 'cluster', STUDIO_NAMESPACE: namespace };
  const name = uniqueName('cluster-plugin');
  let studio = await startSecondStudio(env);
  let version = '';
  try {
    const empty = await list(studio.baseURL);
    expect(empty).toMatchObject({ store: 'cluster', location: `sandbox/${namespace}`, plugins: [] });
    const created = ok(await save(studio.baseURL, { name, source: SRC, baseVersion: null }));
    const cms = await coreApi().listNamespacedConfigMap({ namespace, labelSelector: 'app.kubernetes.io/managed-by=kube-lua-studio,kube-lua-studio/kind=deepflow-plugin' });
    expect(cms.items).toHaveLength(1);
    expect(cms.items[0].metadata?.annotations?.['kube-lua-studio/plugin-name']).toBe(name);
    expect(cms.items[0].data?.['plugin.lua']).toBe(SRC);
    expect(created.plugin.version).toBe(cms.items[0].metadata?.resourceVersion);
    const next = ok(await save(studio.baseURL, { name, source: `-- v2\n${SRC}`, baseVersion: created.plugin.version }));
    version = next.plugin.version;
    expect(await save(studio.baseURL, { name, source: `-- stale\n${SRC}`, baseVersion: created.plugin.version })).toMatchObject({ ok: false, conflict: true });
  } finally {
    await studio.stop();
  }
  studio = await startSecondStudio(env);
  try {
    const again = await list(studio.baseURL);
    expect(again.plugins).toEqual([expect.objectContaining({ name, source: `-- v2\n${SRC}`, version })]);
    // The chain kept in the cluster maps pods on that studio's pods page.
    const og = uniqueName('og-cluster');
    ok(await save(studio.baseURL, { name: og, source: pluginTemplateFor('OpenGaussCluster').source, baseVersion: null }));
    const pods = new PodsPage(page);
    await page.goto(`${studio.baseURL}/pods?ns=db`);
    await pods.expectAllEvaluated();
    for (const p of ['ogtest-0', 'ogtest-1', 'ogtest-2']) await expect(await pods.cell(p, 'Plugin')).toContainText(og);
    await page.goto('about:blank');
  } finally {
    await studio.stop();
  }
});

test('Settings: the agent configuration is saved through the form; bad YAML shows its line and the saved one stays in force', async ({ page }) => {
  const original = (await (await fetch(`${BASE_URL}/api/deepflow-settings`)).json()) as DeepflowSettings;
  const section = new DeepflowSettingsSection(page);
  await section.goto();
  await expect(section.yaml).toHaveAttribute('placeholder', /api_resources:\n\s+- name: namespaces/);
  await expect(section.version).toHaveValue(original.version);

  const bad = '- name: clonesets\n- name: nosuchthing\n';
  await section.yaml.fill(bad);
  await section.save.click();
  await expect(section.error).toHaveText('Line 2: resource nosuchthing not supported. Not saved: the last saved configuration stays in force.');
  await expect(section.yaml).toHaveValue(bad);
  expect(((await (await fetch(`${BASE_URL}/api/deepflow-settings`)).json()) as DeepflowSettings).agentConfigYaml).toBe(original.agentConfigYaml);

  try {
    const good = 'inputs:\n  resources:\n    kubernetes:\n      api_resources:\n      - name: clonesets\n';
    await section.yaml.fill(good);
    await section.version.selectOption({ label: 'v7.0.x' });
    await section.save.click();
    await expect(section.status).toHaveText(/^Saved\./);
    await expect(section.error).toHaveCount(0);
    const saved = (await (await fetch(`${BASE_URL}/api/deepflow-settings`)).json()) as DeepflowSettings;
    expect(saved).toMatchObject({ agentConfigYaml: good, version: 'v7.0' });
    await page.reload();
    await expect(section.yaml).toHaveValue(good);
    await expect(section.version).toHaveValue('v7.0');
  } finally {
    // Other specs share the main studio: put its settings back.
    const now = (await (await fetch(`${BASE_URL}/api/deepflow-settings`)).json()) as DeepflowSettings;
    const restored = await callAction<Result>(BASE_URL, 'app/settings/actions.ts', 'saveDeepflowSettings', { agentConfigYaml: original.agentConfigYaml, version: original.version, baseVersion: now.settingsVersion });
    expect(restored.ok).toBe(true);
  }
});
