import { describe, expect, it } from 'vitest';
import { NOT_YIELDABLE } from '@/lib/lua';
import type { ScriptReadRequest, ScriptReadResponse } from '@/lib/k8s/script-read-types';
import { runClusterScript, type KubeTransport } from './cluster-script';

const pod = (name: string, ns: string, labels: Record<string, string> = {}) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, uid: `uid-${name}`, labels, creationTimestamp: '2026-01-01T00:00:00Z' },
  status: { phase: 'Running' },
});

// A fake /api/kube: a few objects, logs, and the errors the route answers.
function fakeCluster() {
  const seen: ScriptReadRequest[] = [];
  const pods = [pod('web-1', 'demo', { app: 'web' }), pod('web-2', 'demo', { app: 'web' }), pod('db-1', 'data')];
  const transport: KubeTransport = async (req): Promise<ScriptReadResponse> => {
    seen.push(req);
    const no = (status: number, message: string): ScriptReadResponse => ({ ok: false, status, reason: String(status), message });
    if (req.plural === 'secrets') return no(403, `Forbidden: you may not ${req.verb} secrets in namespace "${req.namespace}".`);
    if (req.group === 'rollouts.kruise.io' && req.plural === 'rollouts') {
      const ro = { apiVersion: 'rollouts.kruise.io/v1beta1', kind: 'Rollout', metadata: { name: 'web', namespace: 'demo' }, spec: { strategy: { canary: { steps: [{ traffic: '20%' }] } } } };
      if (req.verb === 'list') return { ok: true, body: { kind: 'RolloutList', items: [ro] } };
      return { ok: true, body: ro };
    }
    if (req.plural !== 'pods' || req.group !== '') return no(404, `The cluster does not serve ${req.plural}: is its CRD installed?`);
    const inNs = pods.filter((p) => !req.namespace || p.metadata.namespace === req.namespace);
    if (req.verb === 'list') return { ok: true, body: { apiVersion: 'v1', kind: 'PodList', metadata: { resourceVersion: '7' }, items: inNs } };
    const hit = inNs.find((p) => p.metadata.name === req.name);
    if (!hit) return no(404, `pods "${req.name}" was not found in namespace "${req.namespace}".`);
    if (req.verb === 'get') return { ok: true, body: hit };
    const lines = ['line 1', 'line 2', 'line 3'];
    return { ok: true, body: lines.slice(-(req.query?.tailLines ?? lines.length)).map((l) => `${req.query?.container ?? 'app'} ${l}\n`).join('') };
  };
  return { transport, seen };
}

const HEAD = 'local config = require "kube.config"\nlocal api = require "kube.api"\nlocal client = api.Client:new(config.from_kube_config())\n';

async function run(body: string) {
  const { transport, seen } = fakeCluster();
  const { output, stats } = await runClusterScript({ source: HEAD + body }, transport);
  return { ...output, stats, seen };
}

describe('cluster scripts: the studio kube module', () => {
  it('list returns the list object with items as objects (luakube shape), plus info and code', async () => {
    const out = await run(`
local list, info, code = client:corev1():pods("demo"):list()
local names = {}
for i, p in ipairs(list.items) do names[i] = p:name() .. "@" .. p:namespace() .. "=" .. p:labels().app end
return list.kind, names, info.method .. " " .. info.url, code`);
    expect(out.error).toBeNull();
    expect(out.returned).toEqual(['PodList', ['web-1@demo=web', 'web-2@demo=web'], 'GET /api/v1/namespaces/demo/pods', 200]);
    expect(out.seen).toEqual([{ verb: 'list', group: '', version: 'v1', plural: 'pods', namespace: 'demo' }]);
    expect(out.stats.instructions).toBeGreaterThanOrEqual(0);
  });

  it('get(name) returns the object, get() the items, status(name) the status; queries pass through', async () => {
    const out = await run(`
local pods = client:corev1():pods("demo")
local p = pods:get("web-2")
local items = pods:get({ labelSelector = "app=web" })
return p:uid(), p:creation_timestamp(), #items, pods:status("web-1").phase, p`);
    expect(out.error).toBeNull();
    expect(out.returned.slice(0, 4)).toEqual(['uid-web-2', '2026-01-01T00:00:00Z', 2, 'Running']);
    expect(out.returned[4]).toMatchObject({ kind: 'Pod', metadata: { name: 'web-2' } });
    expect(out.seen[1]).toMatchObject({ verb: 'list', query: { labelSelector: 'app=web' } });
  });

  it('logs returns the text; tailLines and container go to the route', async () => {
    const out = await run('return client:corev1():pods("demo"):logs("web-1", { tailLines = 2, container = "side" })');
    expect(out.error).toBeNull();
    expect(out.returned).toEqual(['side line 2\nside line 3\n', { method: 'GET', url: '/api/v1/namespaces/demo/pods/web-1/log' }, 200]);
    expect(out.seen[0]).toEqual({ verb: 'log', group: '', version: 'v1', plural: 'pods', namespace: 'demo', name: 'web-1', query: { tailLines: 2, container: 'side' } });
  });

  it('custom resources by group/version/plural; in_cluster_config is the same studio context', async () => {
    const out = await run(`
local c = api.Client:new(config.in_cluster_config())
local ro = c:custom("rollouts.kruise.io", "v1beta1", "rollouts", "demo"):get("web")
return ro.spec.strategy.canary.steps[1].traffic, ro:namespace()`);
    expect(out.error).toBeNull();
    expect(out.returned).toEqual(['20%', 'demo']);
    expect(out.seen[0]).toMatchObject({ group: 'rollouts.kruise.io', version: 'v1beta1', plural: 'rollouts', namespace: 'demo', name: 'web', verb: 'get' });
  });

  it('every write verb raises "read-only in the studio" with the verb, at the script line', async () => {
    for (const call of ['pods("demo"):delete("web-1")', 'pods("demo"):create({})', 'pods("demo"):patch("web-1", {})', 'pods("demo"):update({})', 'configmaps("demo"):apply({})']) {
      const out = await run(`\nclient:corev1():${call}`);
      const verb = /:(\w+)\(/.exec(call.slice(call.indexOf(')') + 1))![1];
      expect(out.error).toMatchObject({ kind: 'runtime', message: `<string>:5: read-only in the studio: ${verb}`, line: 5 });
      expect(out.seen).toEqual([]);
    }
    const scaled = await run('return pcall(function() local d = client:appsv1():deployments("demo"):scale("web", 3) return d end)');
    expect(scaled.returned).toEqual([false, '<string>:4: read-only in the studio: scale']);
  });

  it('a refused read is a Lua error naming the verb and resource; pcall can catch it', async () => {
    const forbidden = await run('\nlocal s = client:corev1():secrets("demo"):list()');
    expect(forbidden.error?.message).toBe('<string>:5: kube: Forbidden: you may not list secrets in namespace "demo".');
    const missing = await run('local ok, e = pcall(function() local p = client:corev1():pods("demo"):get("nope") return p end) return ok, e');
    expect(missing.returned).toEqual([false, '<string>:4: kube: pods "nope" was not found in namespace "demo".']);
  });

  it('luakube asserts: namespace rules for namespaced and cluster-scoped kinds', async () => {
    expect((await run('local p = client:corev1():pods():get("web-1")')).error?.message).toBe('<string>:4: can only get object by name when providing namespace');
    expect((await run('local n = client:corev1():nodes("demo")')).error?.message).toBe('<string>:4: cannot provide namespace on non-namespaced object type');
    // a tail call leaves no caller frame: the message then has no position (as in Lua)
    expect((await run('return client:corev1():nodes("demo")')).error?.message).toBe('cannot provide namespace on non-namespaced object type');
    const all = await run('return #client:corev1():pods():list().items');
    expect(all.returned).toEqual([3]);
  });

  it('a kube call inside a string.gsub callback fails with a clear message; print is captured', async () => {
    const out = await run('print("before")\nreturn (string.gsub("web-1", "[%w-]+", function(n) return client:corev1():pods("demo"):get(n):uid() end))');
    expect(out.prints).toEqual(['before']);
    expect(out.error).toMatchObject({ kind: 'runtime', line: 5 });
    expect(out.error?.message).toContain(NOT_YIELDABLE);
  });

  it('syntax errors come back as failures; results are JSON (cycles and functions shown as text)', async () => {
    expect((await run('return +')).error).toMatchObject({ kind: 'syntax' });
    const out = await run('local t = { f = print, n = 0/0 } t.self = t return t, {}, { 1, 2, nil, 4 }');
    expect(out.returned).toEqual([{ f: '<function>', n: 'NaN', self: '<cycle>' }, {}, { '1': 1, '2': 2, '4': 4 }]);
  });
});
