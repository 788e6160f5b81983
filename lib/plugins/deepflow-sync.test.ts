// The DeepFlow client against the fake server, and the service's sync and drift on a file store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deepflowServerFromEnv, listRemotePlugins, uploadPlugin, deleteRemotePlugin, type DeepflowServer } from './deepflow-client';
import { executionOrder, startFakeDeepflow, type FakeDeepflow } from './fake-deepflow-server';
import { FileStore } from './file-store';
import * as service from './service';
import type { SourceCheck } from './check-source';

let fake: FakeDeepflow;
let server: DeepflowServer;
let dir: string;
let env: service.ServiceEnv;
/** A port nothing listens on (9 is refused by fetch itself as a "bad port"). */
async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}
const accept = async (): Promise<SourceCheck> => ({ ok: true, warnings: [] });
const SRC = 'function GetWorkloadTypeAndName(m) return "", "" end';

beforeAll(async () => {
  fake = await startFakeDeepflow();
  server = { url: fake.url, orgId: 1, timeoutMs: 1_000 };
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.orgs.clear();
  fake.requests.length = 0;
  fake.mode = 'normal';
  dir = mkdtempSync(path.join(tmpdir(), 'kls-df-sync-'));
  env = { store: new FileStore({ dir }), deepflow: server, check: accept };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function save(name: string, source = SRC, baseVersion: string | null = null) {
  const r = await service.savePlugin(env, { name, source, baseVersion });
  if (!r.ok) throw new Error(r.error);
  return r;
}

describe('deepflow-client', () => {
  it('reads DEEPFLOW_SERVER_URL and DEEPFLOW_ORG_ID', () => {
    expect(deepflowServerFromEnv({})).toBeNull();
    expect(deepflowServerFromEnv({ DEEPFLOW_SERVER_URL: 'http://10.0.0.5:30417/' })).toEqual({ url: 'http://10.0.0.5:30417', orgId: 1 });
    expect(deepflowServerFromEnv({ DEEPFLOW_SERVER_URL: 'http://x:1', DEEPFLOW_ORG_ID: '7' })).toEqual({ url: 'http://x:1', orgId: 7 });
    expect(() => deepflowServerFromEnv({ DEEPFLOW_SERVER_URL: 'http://x:1', DEEPFLOW_ORG_ID: 'two' })).toThrow('positive integer');
    expect(() => deepflowServerFromEnv({ DEEPFLOW_SERVER_URL: 'not a url' })).toThrow('not a URL');
  });

  it("sends deepflow-ctl's request: multipart NAME/TYPE=3/USER=2/IMAGE=<name>.lua and its headers", async () => {
    expect(await uploadPlugin(server, 'up', 'x = 1')).toMatchObject({ ok: true, plugin: { name: 'up', type: 3, user: 2 } });
    expect(fake.requests[0]).toMatchObject({
      method: 'POST', path: '/v1/plugin/', fields: { NAME: 'up', TYPE: '3', USER: '2' }, imageFileName: 'up.lua',
      headers: { 'x-org-id': '1', 'x-user-id': '1', 'x-user-type': '1', accept: 'application/json, text/plain' },
    });
    expect(fake.orgs.get(1)![0].image.toString()).toBe('x = 1');
    expect(await listRemotePlugins(server)).toMatchObject({ ok: true, plugins: [{ name: 'up', type: 3, user: 2 }] });
  });

  it("returns DeepFlow's refusals verbatim and tells a down or garbage server apart", async () => {
    expect(await listRemotePlugins(server)).toEqual({ ok: true, plugins: [] }); // DATA: null
    const missing = await deleteRemotePlugin(server, 'ghost');
    expect(missing).toMatchObject({ ok: false, kind: 'refused', status: 400, optStatus: 'RESOURCE_NOT_FOUND', description: 'plugin (name: ghost) not found' });
    expect(!missing.ok && missing.error).toContain('RESOURCE_NOT_FOUND: plugin (name: ghost) not found');
    fake.mode = 'garbage';
    expect(await listRemotePlugins(server)).toMatchObject({ ok: false, kind: 'unreachable', error: expect.stringContaining('did not answer GET /v1/plugin/ with its JSON envelope (HTTP 200: <html>') });
    fake.mode = 'hang';
    expect(await listRemotePlugins(server)).toMatchObject({ ok: false, kind: 'unreachable', error: expect.stringContaining('no answer within 1 s') });
    fake.mode = 'normal';
    expect(await listRemotePlugins({ url: `http://127.0.0.1:${await closedPort()}`, orgId: 1 })).toMatchObject({ ok: false, kind: 'unreachable', error: expect.stringContaining('ECONNREFUSED') });
  });
});

describe('service with a DeepFlow server', () => {
  it('save uploads, update overwrites in place, delete deletes', async () => {
    const a = await save('alpha');
    await save('beta');
    expect(a.warnings).toEqual([]);
    expect(executionOrder(fake)).toEqual(['alpha', 'beta']);
    await save('alpha', 'x = 2\n' + SRC, a.plugin.version);
    expect(executionOrder(fake)).toEqual(['alpha', 'beta']); // position kept
    expect(fake.orgs.get(1)!.find((r) => r.name === 'alpha')!.image.toString()).toContain('x = 2');
    const list = await service.listPlugins(env);
    expect(list.deepflow).toMatchObject({ ok: true, url: fake.url, orgId: 1, drift: [{ name: 'alpha', state: 'in-sync' }, { name: 'beta', state: 'in-sync' }] });
    const beta = list.plugins.find((p) => p.name === 'beta')!;
    expect(await service.deletePlugin(env, { name: 'beta', baseVersion: beta.version })).toEqual({ ok: true, warnings: [] });
    expect(executionOrder(fake)).toEqual(['alpha']);
  });

  it('shows drift: remote-only, local-only and not-uploaded', async () => {
    await save('synced');
    await uploadPlugin(server, 'made-by-ctl', 'y = 1'); // created with deepflow-ctl, no local source
    fake.mode = 'hang';
    const offline = await save('offline');
    expect(offline.warnings).toEqual([expect.stringMatching(/^Saved locally; DeepFlow at http:\/\/127\.0\.0\.1:\d+ did not answer POST \/v1\/plugin\/: no answer within 1 s$/)]);
    // the same note for the UI: an explanation to translate, DeepFlow's answer verbatim as `quote`
    expect(offline.notes).toEqual([{ key: 'plugins.sync.failed', values: { what: 'saved', quote: expect.stringMatching(/did not answer POST \/v1\/plugin\/: no answer within 1 s$/) } }]);
    fake.mode = 'normal';
    const later = await save('synced', 'z = 1\n' + SRC, (await env.store.list()).plugins[0].version);
    expect(later.warnings).toEqual([]);
    // a local edit that did not reach the server
    fake.mode = 'garbage';
    const s2 = await save('synced', 'z = 2\n' + SRC, later.plugin.version);
    expect(s2.ok && s2.deepflowError).toContain('did not answer POST /v1/plugin/ with its JSON envelope');
    fake.mode = 'normal';
    const list = await service.listPlugins(env);
    expect(list.deepflow?.drift).toEqual([
      { name: 'synced', state: 'not-uploaded' },
      { name: 'offline', state: 'local-only' },
      { name: 'made-by-ctl', state: 'remote-only' },
    ]);
    // the local store is whole whatever the server did
    expect(list.plugins.map((p) => [p.name, p.source.split('\n')[0]])).toEqual([['synced', 'z = 2'], ['offline', SRC]]);
  });

  it('a down server leaves the list readable and says so', async () => {
    await save('kept');
    const down: service.ServiceEnv = { ...env, deepflow: { url: `http://127.0.0.1:${await closedPort()}`, orgId: 1, timeoutMs: 1_000 } };
    const list = await service.listPlugins(down);
    expect(list.plugins.map((p) => p.name)).toEqual(['kept']);
    expect(list.deepflow).toMatchObject({ ok: false, error: expect.stringMatching(/did not answer GET \/v1\/plugin\/: ECONNREFUSED\. The local store is intact\.$/), drift: [] });
  });

  it('disable deletes from the server, enable uploads again; reorder re-creates in the new order', async () => {
    await save('p1');
    const p2 = await save('p2');
    await save('p3');
    const off = await service.setPluginEnabled(env, { name: 'p2', enabled: false, baseVersion: p2.plugin.version });
    expect(off.ok && off.warnings).toEqual([expect.stringContaining('Disabled: deleted from DeepFlow')]);
    expect(executionOrder(fake)).toEqual(['p1', 'p3']);
    const on = await service.setPluginEnabled(env, { name: 'p2', enabled: true, baseVersion: off.ok ? off.plugin.version : '' });
    expect(on.ok).toBe(true);
    expect(executionOrder(fake)).toEqual(['p1', 'p3', 'p2']);
    const { listVersion } = await env.store.list();
    const r = await service.reorderPlugins(env, { order: ['p3', 'p2', 'p1'], listVersion });
    expect(r.ok && r.warnings).toEqual([expect.stringContaining('a reorder is done by deleting and re-creating the plugins in the new order. Re-created 3 plugins')]);
    expect(executionOrder(fake)).toEqual(['p3', 'p2', 'p1']);
    expect(r.ok && r.list.plugins.map((p) => p.name)).toEqual(['p3', 'p2', 'p1']);
  });

  it('rename uploads the new name and deletes the old one', async () => {
    const a = await save('old-name');
    const r = await service.savePlugin(env, { name: 'new-name', previousName: 'old-name', source: SRC, baseVersion: a.plugin.version });
    expect(r.ok).toBe(true);
    expect(executionOrder(fake)).toEqual(['new-name']);
  });

  it('refuses a bad name or a failing load before anything is written or uploaded', async () => {
    expect(await service.savePlugin(env, { name: 'a/b', source: SRC, baseVersion: null })).toMatchObject({ ok: false });
    const refusing: service.ServiceEnv = { ...env, check: async () => ({ ok: false, error: 'it fails to load (line 1)', line: 1 }) };
    expect(await service.savePlugin(refusing, { name: 'ok', source: 'x = = 1', baseVersion: null })).toEqual({ ok: false, error: 'it fails to load (line 1)' });
    expect((await env.store.list()).plugins).toEqual([]);
    expect(fake.requests).toEqual([]);
  });
});
