// POST /api/kube against a sandbox cluster (through KUBECONFIG, like a real cluster), and cluster
// scripts end to end: Lua -> the kube module -> the route -> the sandbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runClusterScript, type KubeTransport } from '@/lib/runner/cluster-script';
import { startSandbox, type Sandbox } from './sandbox';
import { useSandboxKubeconfig } from './testing/sandbox-kubeconfig';
import { containerLogLines } from './sandbox/logs';
import { scriptReadResponse } from './script-reads';
import type { ScriptReadRequest, ScriptReadResponse } from './script-read-types';

const CTX = 'sandbox';
let sb: Sandbox;
let cleanup: (() => Promise<void>) | undefined;

const pod = (name: string, namespace: string, containers = ['app']) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels: { app: name.split('-')[0] } },
  spec: { containers: containers.map((c) => ({ name: c, image: 'nginx' })) }, status: { phase: 'Running' },
});

beforeAll(async () => {
  sb = await startSandbox({
    name: CTX,
    denyResources: ['configmaps'],
    objects: [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
      pod('web-1', 'shop'),
      pod('web-2', 'shop', ['app', 'proxy']),
      pod('db-1', 'data'),
      { apiVersion: 'rollouts.kruise.io/v1beta1', kind: 'Rollout', metadata: { name: 'web', namespace: 'shop' }, spec: { workloadRef: { kind: 'Deployment', name: 'web' } } },
    ],
  });
  cleanup = useSandboxKubeconfig(sb, CTX, 'kls-kube-');
});

afterAll(async () => {
  await cleanup?.();
});

async function post(body: unknown, contentType = 'application/json'): Promise<{ status: number; json: ScriptReadResponse }> {
  const res = await scriptReadResponse(new Request('http://studio/api/kube', { method: 'POST', headers: { 'content-type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body) }));
  return { status: res.status, json: (await res.json()) as ScriptReadResponse };
}

const inProcess: KubeTransport = async (req: ScriptReadRequest) => (await post(req)).json;

describe('POST /api/kube', () => {
  it('lists, gets and reads logs of registry kinds', async () => {
    const list = await post({ verb: 'list', group: '', version: 'v1', plural: 'pods', namespace: 'shop' });
    expect(list.status).toBe(200);
    expect(list.json.ok && (list.json.body as { kind: string; items: { metadata: { name: string } }[] }).items.map((p) => p.metadata.name).sort()).toEqual(['web-1', 'web-2']);
    expect(list.json.ok && (list.json.body as { kind: string }).kind).toBe('PodList');
    const got = await post({ verb: 'get', group: 'rollouts.kruise.io', version: 'v1beta1', plural: 'rollouts', namespace: 'shop', name: 'web' });
    expect(got.json).toMatchObject({ ok: true, body: { kind: 'Rollout', metadata: { name: 'web' } } });
    const log = await post({ verb: 'log', group: '', version: 'v1', plural: 'pods', namespace: 'shop', name: 'web-1', query: { tailLines: 2 } });
    expect(log.json).toEqual({ ok: true, body: containerLogLines('shop', 'web-1', 'app').slice(-2).map((l) => l + '\n').join('') });
  });

  it('refuses writes, unknown kinds and malformed bodies with 4xx and a clear message', async () => {
    const del = await post({ verb: 'delete', group: '', version: 'v1', plural: 'pods', namespace: 'shop', name: 'web-1' });
    expect(del.status).toBe(400);
    expect(del.json).toMatchObject({ ok: false, message: expect.stringContaining('only get, list and log') });
    const unknown = await post({ verb: 'list', group: 'example.com', version: 'v1', plural: 'widgets' });
    expect(unknown).toMatchObject({ status: 403, json: { ok: false, reason: 'NotInRegistry', message: expect.stringContaining('add this custom resource in Settings') } });
    expect((await post({ verb: 'list', group: '', version: 'v2', plural: 'pods' })).json).toMatchObject({ reason: 'NotInRegistry', message: expect.stringContaining('only at v1') });
    expect((await post('{"verb":"list"', 'application/json')).status).toBe(400);
    expect((await post({ verb: 'list', group: '', version: 'v1', plural: 'pods' }, 'text/plain')).status).toBe(415);
    expect((await post({ verb: 'list', group: '', version: 'v1', plural: 'pods', query: { tailLines: 3 } })).json).toMatchObject({ message: expect.stringContaining('tailLines does not apply to list') });
    expect(sb.store.get(sb.store.kindFor('', 'pods')!, 'shop', 'web-1')).toBeTruthy();
  });

  it('added CRDs are served once the page names them; cluster answers keep their status', async () => {
    const forbidden = await post({ verb: 'list', group: '', version: 'v1', plural: 'configmaps', namespace: 'shop' });
    expect(forbidden.status).toBe(403);
    expect(forbidden.json).toMatchObject({ ok: false, message: expect.stringMatching(/^Forbidden: you may not list configmaps in namespace "shop"/) });
    const missing = await post({ verb: 'get', group: '', version: 'v1', plural: 'pods', namespace: 'shop', name: 'nope' });
    expect(missing).toMatchObject({ status: 404, json: { message: 'pods "nope" was not found in namespace "shop".' } });
    const choose = await post({ verb: 'log', group: '', version: 'v1', plural: 'pods', namespace: 'shop', name: 'web-2' });
    expect(choose).toMatchObject({ status: 400, json: { message: 'a container name must be specified for pod web-2, choose one of: [app proxy]' } });
    const crd = { group: 'example.com', version: 'v1', plural: 'widgets', kind: 'Widget', namespaced: true };
    // the sandbox does not serve it: the cluster's 404 comes back, not the studio's refusal
    expect(await post({ verb: 'list', group: 'example.com', version: 'v1', plural: 'widgets', customKinds: [crd] })).toMatchObject({ status: 404, json: { message: expect.stringContaining('is its CRD installed?') } });
  });
});

describe('cluster scripts against the sandbox', () => {
  const HEAD = 'local config = require "kube.config"\nlocal api = require "kube.api"\nlocal client = api.Client:new(config.from_kube_config())\nlocal core = client:corev1()\n';

  it('list, get, logs, custom resources; writes refused; a 403 names verb and resource', async () => {
    const { output } = await runClusterScript({
      source: HEAD + `
local names = {}
for _, p in ipairs(core:pods("shop"):list().items) do names[#names + 1] = p:name() end
table.sort(names)
local ro = client:custom("rollouts.kruise.io", "v1beta1", "rollouts", "shop"):get("web")
local logs = core:pods("shop"):logs("web-2", { container = "proxy", tailLines = 1 })
local ok, del = pcall(function() local r = core:pods("shop"):delete("web-1") return r end)
local ok2, cm = pcall(function() local r = core:configmaps("shop"):list() return r end)
return names, ro.spec.workloadRef.name, logs, del, cm`,
    }, inProcess);
    expect(output.error).toBeNull();
    expect(output.returned).toEqual([
      ['web-1', 'web-2'],
      'web',
      containerLogLines('shop', 'web-2', 'proxy').at(-1) + '\n',
      '<string>:11: read-only in the studio: delete',
      expect.stringMatching(/^<string>:12: kube: Forbidden: you may not list configmaps in namespace "shop"/),
    ]);
  });
});
