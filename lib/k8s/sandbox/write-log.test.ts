// The sandbox's log of mutating requests: who, what, the resourceVersion left; reads are not in it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from './index';
import { raw } from './test-support';
import { WRITE_LOG_PATH, type SandboxWrite } from './write-log';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ name: 'wl', objects: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } }] });
});
afterAll(async () => {
  await sb?.close();
});

it('records creates, updates, refusals and deletes with user, agent and resourceVersion; needs a token', async () => {
  const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'one', namespace: 'shop' }, data: { a: '1' } };
  const created = (await raw(sb, 'POST', '/api/v1/namespaces/shop/configmaps', { body: cm })).json();
  await raw(sb, 'GET', '/api/v1/namespaces/shop/configmaps/one');
  await raw(sb, 'PUT', '/api/v1/namespaces/shop/configmaps/one', { body: { ...created, data: { a: '2' } }, token: sb.viewerToken });
  await raw(sb, 'DELETE', '/api/v1/namespaces/shop/configmaps/one');
  expect((await raw(sb, 'GET', WRITE_LOG_PATH, { token: null })).status).toBe(401);
  const { items } = (await raw(sb, 'GET', WRITE_LOG_PATH)).json() as { items: SandboxWrite[] };
  expect(items.map((w) => [w.method, w.status, w.user, w.resource, w.namespace, w.name])).toEqual([
    ['POST', 201, 'wl-admin', 'configmaps', 'shop', 'one'],
    ['PUT', 403, 'wl-viewer', 'configmaps', 'shop', 'one'],
    ['DELETE', 200, 'wl-admin', 'configmaps', 'shop', 'one'],
  ]);
  expect(items[0].resourceVersion).toBe(created.metadata.resourceVersion);
  expect(items[1].resourceVersion).toBeUndefined();
});
