// The CLI end to end: `runCli` with captured output for every case, and the real entry in a child
// process for exit codes and the write-once stdout. Contract: ../shared/notes/cli-contract.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './main';

const root = path.resolve(__dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'kls-cli-'));
const file = (name: string, content: unknown) => {
  const full = path.join(dir, name);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, typeof content === 'string' ? content : JSON.stringify(content));
  return full;
};
afterAll(() => {
  // temp files are left to the OS: no recursive deletes outside what we own
});

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  let writes = 0;
  const code = await runCli(argv, { stdout: (t) => ((stdout += t), writes++), stderr: (t) => (stderr += t), cwd: root });
  return { code, stdout, stderr, writes };
}
const json = (s: string) => JSON.parse(s);

const ORIGINAL = 'rollouts.kruise.io/original-spec-configuration';
const rollout = (steps: object[], extra: object = {}) => ({
  apiVersion: 'rollouts.kruise.io/v1beta1',
  kind: 'Rollout',
  metadata: { name: 'demo', namespace: 'shop' },
  spec: {
    workloadRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'demo' },
    strategy: { canary: { steps, trafficRoutings: [{ service: 'svc-demo', customNetworkRefs: [{ apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService', name: 'vs' }] }], ...extra } },
  },
});
const vs = (spec: object, metadata: object = {}) => ({ apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService', metadata: { name: 'vs', namespace: 'shop', ...metadata }, spec });
const route = (host: string, weight?: number) => ({ destination: { host }, ...(weight === undefined ? {} : { weight }) });

const steps = [
  { replicas: 1, matches: [{ headers: [{ type: 'Exact', name: 'x-canary', value: 'true' }] }] },
  { replicas: 1, traffic: '20%' },
  { replicas: 2 },
  { replicas: 3, traffic: '50%' },
];
const rolloutFile = file('rollout.yaml', `# a Rollout as YAML\n${JSON.stringify(rollout(steps))}`);
const gatewayFile = file('vs.json', vs({ hosts: ['*'], gateways: [], http: [{ route: [route('svc-demo')] }] }, { labels: { app: 'demo' } }));

describe('route', () => {
  it('previews every step with the built-in script (controller mode, JSON contract)', async () => {
    const r = await cli('route', '--rollout', rolloutFile, '--gateway', gatewayFile, '--json');
    expect(r).toMatchObject({ code: 0, stderr: '', writes: 1 });
    const out = json(r.stdout);
    expect(Object.keys(out)).toEqual(['steps']);
    expect(out.steps.map((s: { index: number }) => s.index)).toEqual([1, 2, 3, 4]);
    for (const s of out.steps) expect(Object.keys(s).sort()).toEqual(['error', 'index', 'obj', 'ran', 'result']);
    const [match, twenty, replicasOnly, fifty] = out.steps;
    expect(match).toMatchObject({ ran: true, error: null });
    expect(match.obj).toMatchObject({ canaryWeight: -1, stableWeight: 101, canaryService: 'svc-demo-canary', stableService: 'svc-demo', matches: [{ headers: [{ name: 'x-canary' }] }] });
    expect(match.obj).not.toHaveProperty('requestHeaderModifier');
    // encoder: the empty `gateways` list comes back as null; labels are kept
    expect(match.result).toEqual({
      spec: { hosts: ['*'], gateways: null, http: [{ match: [{ headers: { 'x-canary': { exact: 'true' } } }], route: [route('svc-demo-canary')] }, { route: [route('svc-demo')] }] },
      labels: { app: 'demo' },
    });
    expect(twenty.result.spec.http).toEqual([{ route: [route('svc-demo', 80), route('svc-demo-canary', 20)] }]);
    expect(twenty.obj).not.toHaveProperty('matches');
    // replicas-only: no Lua, the original exactly as restored (empty list kept as [])
    expect(replicasOnly).toMatchObject({ ran: false, error: null, result: { spec: { hosts: ['*'], gateways: [], http: [{ route: [route('svc-demo')] }] }, labels: { app: 'demo' } } });
    expect(fifty.result.spec.http[0].route).toEqual([route('svc-demo', 50), route('svc-demo-canary', 50)]);
  });

  it('restores from the original-spec annotation and never shows it; empty labels are omitted', async () => {
    const stored = JSON.stringify({ spec: { hosts: ['a'], http: [{ route: [route('svc-demo')] }] }, annotations: { team: 'web' } });
    const gw = file('annotated.json', vs({ hosts: ['live'], http: [{ route: [route('svc-demo', 80), route('svc-demo-canary', 20)] }] }, { annotations: { [ORIGINAL]: stored, team: 'web' }, labels: {} }));
    const out = json((await cli('route', '--rollout', rolloutFile, '--gateway', gw, '--json')).stdout);
    expect(out.steps[2].result).toEqual({ spec: { hosts: ['a'], http: [{ route: [route('svc-demo')] }] }, annotations: { team: 'web' } });
    expect(out.steps[1].result).toEqual({ spec: { hosts: ['a'], http: [{ route: [route('svc-demo', 80), route('svc-demo-canary', 20)] }] }, annotations: { team: 'web' } });
    expect(JSON.stringify(out)).not.toContain(`"${ORIGINAL}":`.slice(0, -1) + '":"{');
  });

  it('keeps only spec/labels/annotations of the result and omits empty ones', async () => {
    const script = file('extra-keys.lua', 'obj.data.metadata = { name = "x" }\nobj.data.foo = 1\nobj.data.labels = {}\nreturn obj.data');
    const out = json((await cli('route', '--rollout', rolloutFile, '--gateway', gatewayFile, '--script', script, '--json')).stdout);
    expect(Object.keys(out.steps[0].result)).toEqual(['spec']);
  });

  it('reports a failing step with an error and a null result, and exits 1', async () => {
    const script = file('fails-on-match.lua', 'if obj.matches then error("no matches please") end\nreturn obj.data');
    const r = await cli('route', '--rollout', rolloutFile, '--gateway', gatewayFile, '--script', script, '--json');
    expect(r.code).toBe(1);
    const out = json(r.stdout);
    expect(out.steps[0]).toMatchObject({ ran: true, result: null });
    expect(out.steps[0].error).toContain('no matches please');
    expect(out.steps[1]).toMatchObject({ error: null });
  });

  it('fails the step on a non-table result and on a label that is not a string', async () => {
    for (const source of ['return "x"', 'obj.data.labels = { a = 1 }\nreturn obj.data']) {
      const out = json((await cli('route', '--rollout', rolloutFile, '--gateway', gatewayFile, '--script', file('bad-result.lua', source), '--json')).stdout);
      expect(out.steps[1]).toMatchObject({ ran: true, result: null, error: expect.any(String) });
    }
  });

  it('test mode runs the replicas-only step too (canaryWeight -1: everything to the canary)', async () => {
    const out = json((await cli('route', '--rollout', rolloutFile, '--gateway', gatewayFile, '--mode', 'test', '--json')).stdout);
    expect(out.steps[2]).toMatchObject({ ran: true, error: null });
    expect(out.steps[2].result.spec.http[0].route).toEqual([route('svc-demo', 0), route('svc-demo-canary', 100)]);
  });

  it('accepts a TrafficRouting (canary = stable: subset canary)', async () => {
    const tr = file('tr.yaml', {
      apiVersion: 'rollouts.kruise.io/v1alpha1',
      kind: 'TrafficRouting',
      metadata: { name: 'tr' },
      spec: { strategy: { weight: 30 }, objectRef: [{ service: 'svc-demo', customNetworkRefs: [{ apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService', name: 'vs' }] }] },
    });
    const out = json((await cli('route', '--rollout', tr, '--gateway', gatewayFile, '--json')).stdout);
    expect(out.steps).toHaveLength(1);
    expect(out.steps[0].result.spec.http[0].route).toEqual([route('svc-demo', 70), { destination: { host: 'svc-demo', subset: 'canary' }, weight: 30 }]);
  });

  it('uses our ConfigMap recipe for a kind Kruise has no built-in for', async () => {
    const proxy = file('proxy.yaml', { apiVersion: 'projectcontour.io/v1', kind: 'HTTPProxy', metadata: { name: 'web' }, spec: { routes: [{ conditions: [{ prefix: '/' }], services: [{ name: 'svc-demo', port: 80 }] }] } });
    const r = await cli('route', '--rollout', rolloutFile, '--gateway', proxy);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ConfigMap recipe projectcontour.io/HTTPProxy');
    expect(r.stdout).toContain('name: svc-demo-canary');
  });

  it('prints a readable preview without --json', async () => {
    const r = await cli('route', '--rollout', rolloutFile, '--gateway', gatewayFile);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Rollout demo -> VirtualService vs {2}\(script: Kruise built-in networking.istio.io\/VirtualService; mode: controller\)/);
    expect(r.stdout).toContain('step 3: no Lua (original restored)');
    expect(r.stdout).toContain('spec.gateways is null');
  });

  it('reports a script syntax error once, not once per step (JSON keeps it on every step)', async () => {
    const script = file('syntax-error.lua', 'local x = \nreturn obj.data\n');
    const r = await cli('route', '--rollout', rolloutFile, '--gateway', gatewayFile, '--script', script);
    expect(r.code).toBe(1);
    expect(r.stdout.match(/near 'return'/g)).toHaveLength(2); // the message and its production wording, once
    expect(r.stdout).toContain('script does not load:');
    expect(r.stdout).toContain("production: <string> line:2(column:1) near 'return':   syntax error");
    expect(r.stdout).toContain('step 1: FAILED (the script does not load, see above)');
    expect(r.stdout).toContain('step 3: no Lua (original restored)');
    const out = json((await cli('route', '--rollout', rolloutFile, '--gateway', gatewayFile, '--script', script, '--json')).stdout);
    expect(out.steps.map((s: { error: string | null }) => s.error !== null)).toEqual([true, true, false, true]);
  });

  it('reports a runtime error on each step that fails', async () => {
    const script = file('runtime-error.lua', 'return obj.nope.deeper\n');
    const r = await cli('route', '--rollout', rolloutFile, '--gateway', gatewayFile, '--script', script);
    expect(r.stdout).not.toContain('script does not load');
    expect(r.stdout.match(/step \d: FAILED\n/g)).toHaveLength(3);
  });
});

const pods = file('pods.json', {
  apiVersion: 'v1',
  kind: 'List',
  items: [
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'ogtest-0', namespace: 'db', uid: 'u1', ownerReferences: [{ apiVersion: 'opengauss.cmbc.com.cn/v1', kind: 'OpenGaussCluster', name: 'ogtest', uid: 'o1', controller: true }] } },
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-abc-1', namespace: 'shop', uid: 'u2', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-abc', uid: 'rs1', controller: true }] } },
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'vk', namespace: 'edge', uid: 'u3', labels: { 'virtual-kubelet.io/provider-cluster-type': 'Serverless', 'virtual-kubelet.io/provider-resource-name': 'api-7f9' } } },
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'ips-0', namespace: 'edge', uid: 'u4', ownerReferences: [{ apiVersion: 'x/v1', kind: 'InPlaceSet', name: 'ips', uid: 'i1' }] } },
    { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-abc', namespace: 'shop', uid: 'rs1', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd1', controller: true }] }, spec: { replicas: 1 } },
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop', uid: 'd1' }, spec: { replicas: 1 } },
  ],
});
const opengauss = path.join(root, 'plugins/examples/opengauss.lua');

describe('tag', () => {
  it('tags every pod in input order (JSON contract); non-pod items feed the standard logic', async () => {
    const r = await cli('tag', '--pods', pods, '--plugin', opengauss, '--json');
    expect(r).toMatchObject({ code: 0, stderr: '', writes: 1 });
    const out = json(r.stdout);
    expect(Object.keys(out)).toEqual(['pods']);
    expect(out.pods.map((p: { name: string }) => p.name)).toEqual(['ogtest-0', 'web-abc-1', 'vk', 'ips-0']);
    for (const p of out.pods) {
      expect(Object.keys(p).sort()).toEqual(['accepted', 'name', 'namespace', 'plugin', 'standard', 'uid', 'workload']);
      expect(Object.keys(p.plugin).sort()).toEqual(['error', 'name', 'type']);
    }
    const [og, web, vk, ips] = out.pods;
    expect(og).toMatchObject({ namespace: 'db', uid: 'u1', plugin: { type: 'StatefulSet', name: 'ogtest', error: null }, accepted: true });
    expect(web).toMatchObject({ plugin: { type: '', name: '', error: null }, accepted: false, standard: { type: 'Deployment', name: 'web' } });
    expect(vk).toMatchObject({ plugin: { type: 'Deployment', name: 'api', error: null }, accepted: true });
    expect(ips).toMatchObject({ plugin: { type: '', name: '', error: null }, accepted: false });
  });

  it('applies the virtual-kubelet rule only when a plugin is given... and runs plugins in order', async () => {
    const first = file('first.lua', 'function GetWorkloadTypeAndName(m) return "Deployment", "from-first" end');
    const out = json((await cli('tag', '--pods', pods, '--plugin', first, '--plugin', opengauss, '--json')).stdout);
    expect(out.pods[0].plugin).toEqual({ type: 'Deployment', name: 'from-first', error: null });
    expect(out.pods[2].plugin.name).toBe('api'); // the built-in rule answers before any plugin
  });

  it('reports a chain error with empty strings and accepted false', async () => {
    const broken = file('broken.lua', 'function GetWorkloadTypeAndName(m) error("boom") end');
    const r = await cli('tag', '--pods', pods, '--plugin', broken, '--json');
    const out = json(r.stdout);
    expect(out.pods[0]).toMatchObject({ plugin: { type: '', name: '', error: expect.stringContaining('boom') }, accepted: false });
    // An error inside the function is a per-pod answer, not a plugin that does not load.
    expect(r).toMatchObject({ code: 0, stderr: '' });
  });

  it('--deepflow-version decides the virtual-kubelet rule (7.1.0–7.1.4 match the cluster type case-sensitively)', async () => {
    const vkOf = async (...extra: string[]) => json((await cli('tag', '--pods', pods, '--plugin', opengauss, '--json', ...extra)).stdout).pods[2];
    expect(await vkOf('--deepflow-version', '7.1.2')).toMatchObject({ plugin: { type: '', name: '', error: null }, accepted: false, workload: null });
    expect(await vkOf('--deepflow-version', 'v6.6')).toMatchObject({ accepted: false });
    expect(await vkOf('--deepflow-version', 'v7.1.5')).toMatchObject({ plugin: { type: 'Deployment', name: 'api' }, accepted: true });
    expect(await vkOf('--deepflow-version=main')).toMatchObject({ accepted: true });
    expect(await vkOf()).toMatchObject({ accepted: true }); // default: the newest release
  });

  it('an unknown --deepflow-version is a usage error naming the accepted values', async () => {
    for (const v of ['8.0', '7.1', 'banana']) {
      const r = await cli('tag', '--pods', pods, '--plugin', opengauss, '--deepflow-version', v);
      expect(r).toMatchObject({ code: 2, stdout: '' });
      expect(r.stderr).toContain(`unknown --deepflow-version "${v}": use v6.6, v7.0, v7.1.0 to v7.1.4, v7.1.5, v7.1.6`);
      expect(r.stderr).toContain('main or latest');
    }
  });

  describe('a plugin that does not load', () => {
    const syntax = file('syntax.lua', 'function GetWorkloadTypeAndName(m)\n  return "", ""\n');
    const topLevel = file('toplevel.lua', 'error("no config")\nfunction GetWorkloadTypeAndName(m) return "", "" end');
    const always = file('always.lua', 'function GetWorkloadTypeAndName(m) return "Deployment", "all" end');
    const loadLines = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('kube-lua-studio: plugin '));

    it('is reported once on stderr, up front, and tag exits 1; the JSON stays complete', async () => {
      const r = await cli('tag', '--pods', pods, '--plugin', syntax, '--plugin', topLevel, '--json');
      expect(r.code).toBe(1);
      expect(r.writes).toBe(1);
      expect(loadLines(r.stderr)).toEqual([
        expect.stringMatching(/^kube-lua-studio: plugin syntax: lua script loading error: \(<string>:\d+: .*\)$/),
        'kube-lua-studio: plugin toplevel: lua script loading error: (<string>:1: no config)',
      ]);
      expect(r.stderr).toContain('in DeepFlow: lua script loading error: (<string> at EOF:   syntax error');
      const out = json(r.stdout);
      expect(out.pods.map((p: { name: string }) => p.name)).toEqual(['ogtest-0', 'web-abc-1', 'vk', 'ips-0']);
      for (const p of out.pods) expect(Object.keys(p).sort()).toEqual(['accepted', 'name', 'namespace', 'plugin', 'standard', 'uid', 'workload']);
      // Each pod still says what DeepFlow concludes for it: the first plugin aborts the chain.
      expect(out.pods[0].plugin).toEqual({ type: '', name: '', error: expect.stringMatching(/^lua script loading error: /) });
      expect(out.pods[2].plugin).toEqual({ type: 'Deployment', name: 'api', error: null });
    });

    it('counts even when an earlier plugin matches every pod (DeepFlow never loads it for those pods)', async () => {
      const r = await cli('tag', '--pods', pods, '--plugin', always, '--plugin', syntax, '--json');
      expect(r.code).toBe(1);
      expect(loadLines(r.stderr)).toHaveLength(1);
      const out = json(r.stdout);
      expect(out.pods.filter((p: { accepted: boolean }) => p.accepted)).toHaveLength(3);
      expect(out.pods.every((p: { plugin: { error: string | null } }) => p.plugin.error === null)).toBe(true);
    });

    it('the table names the plugin instead of repeating the message on every row', async () => {
      const r = await cli('tag', '--pods', pods, '--plugin', topLevel);
      expect(r.code).toBe(1);
      expect(loadLines(r.stderr)).toHaveLength(1);
      expect(r.stdout).not.toContain('no config');
      expect(r.stdout).toMatch(/db\/ogtest-0\s+error: plugin toplevel does not load \(see above\)\s+no/);
    });

    it('a plugin whose top level loops is reported too', async () => {
      const loop = file('loop.lua', 'while true do end');
      const one = file('one-pod.json', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'a', uid: 'p1' } });
      const r = await cli('tag', '--pods', one, '--plugin', loop, '--json');
      expect(r.code).toBe(1);
      expect(loadLines(r.stderr)).toHaveLength(1);
      expect(r.stderr).toMatch(/no time limit/);
    });
  });

  it('does not accept a type DeepFlow rejects', async () => {
    const job = file('job.lua', 'function GetWorkloadTypeAndName(m) return "Job", "nightly" end');
    const out = json((await cli('tag', '--pods', pods, '--plugin', job, '--json')).stdout);
    expect(out.pods[0]).toMatchObject({ plugin: { type: 'Job', name: 'nightly', error: null }, accepted: false });
  });

  it('takes a single Pod and a PodList', async () => {
    const single = file('pod.yaml', `apiVersion: v1\nkind: Pod\nmetadata:\n  name: solo\n  namespace: a\n  uid: s1\n`);
    expect(json((await cli('tag', '--pods', single, '--plugin', opengauss, '--json')).stdout).pods).toHaveLength(1);
    const list = file('podlist.json', { apiVersion: 'v1', kind: 'PodList', items: [{ metadata: { name: 'p', namespace: 'a', uid: 'p1' } }] });
    expect(json((await cli('tag', '--pods', list, '--plugin', opengauss, '--json')).stdout).pods).toHaveLength(1);
  });

  it('prints a table without --json', async () => {
    const r = await cli('tag', '--pods', pods, '--plugin', opengauss);
    expect(r.stdout.split('\n')[0]).toMatch(/^POD\s+PLUGIN ANSWER\s+ACCEPTED\s+WORKLOAD$/);
    expect(r.stdout).toMatch(/db\/ogtest-0\s+StatefulSet\/ogtest\s+yes/);
  });
});

describe('test', () => {
  it('runs every testdata case under lua/ and plugins/', async () => {
    const r = await cli('test');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+ passed, 0 failed\n$/);
  });

  it("checks the built-ins against Kruise's own cases", async () => {
    const shared = path.resolve(root, '../shared/reference/kruise-testdata');
    if (!existsSync(shared)) return console.warn(`!!! ${shared} missing: skipped`);
    const r = await cli('test', shared);
    expect(r).toMatchObject({ code: 0, stdout: '7 passed, 0 failed\n' });
  });

  it('prints one line with a diff per failure and exits 1', async () => {
    const bad = readFileSync(path.join(root, 'lua/networking.istio.io/VirtualService/testdata/weight_100_percent.yaml'), 'utf8').replace('weight: 100\nexpected', 'weight: 100\nexpected').replace(/weight: 0$/m, 'weight: 1');
    const copy = file('cases/networking.istio.io/VirtualService/wrong.yaml', bad);
    const r = await cli('test', copy);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^FAIL .*wrong\.yaml step 1: result differs from expected$/);
    const changed = lines.filter((l) => /^ {4}[-+] /.test(l)).map((l) => l.replace(/\s+/g, ' ').trim());
    expect(changed).toEqual(['- "weight": 1', '+ "weight": 0']);
    expect(lines.at(-1)).toBe('0 passed, 1 failed');
  });

  it('runs a tagging case and reports what differs', async () => {
    const tagCase = file('tagging/case.yaml', `plugins:\n- ${opengauss}\npods:\n- metadata: {name: p, namespace: a, uid: u, ownerReferences: [{kind: OpenGaussCluster, name: og, uid: o}]}\nexpected:\n- pod: a/p\n  type: StatefulSet\n  name: wrong\n  accepted: true\n`);
    const r = await cli('test', tagCase, '--json');
    expect(r.code).toBe(1);
    const out = json(r.stdout);
    expect(out).toMatchObject({ passed: 0, failed: 1, cases: [{ kind: 'tagging', index: 1, pass: false, message: 'a/p: name "og", expected "wrong"' }] });
  });

  it('uses the script next to testdata/ when there is one', async () => {
    const upstreamCase = readFileSync(path.join(root, 'lua/networking.istio.io/VirtualService/testdata/weight_100_percent.yaml'), 'utf8');
    file('local/Thing/trafficRouting.lua', 'return obj.data');
    const c = file('local/Thing/testdata/case.yaml', upstreamCase);
    const r = await cli('test', c);
    expect(r.stdout).toMatch(/^FAIL .*case\.yaml step 1: result differs/);
  });
});

describe('bad input: exit 2 and one message naming the file', () => {
  const deployment = file('deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n');
  const noSteps = file('nosteps.yaml', rollout([]));
  const brokenYaml = file('broken.yaml', 'apiVersion: v1\nkind: [Rollout\n');
  const brokenJson = file('broken.json', '{"items": [}');
  const missing = path.join(dir, 'missing.yaml');
  const cases: [string, string[], RegExp][] = [
    ['a missing rollout file', ['route', '--rollout', missing, '--gateway', gatewayFile], /missing\.yaml: cannot read the Rollout: no such file/],
    ['a directory as gateway', ['route', '--rollout', rolloutFile, '--gateway', dir], /is a directory/],
    ['YAML that does not parse', ['route', '--rollout', brokenYaml, '--gateway', gatewayFile], /broken\.yaml: YAML does not parse/],
    ['JSON that does not parse', ['tag', '--pods', brokenJson, '--plugin', opengauss], /broken\.json: JSON does not parse/],
    ['a Deployment as --rollout', ['route', '--rollout', deployment, '--gateway', gatewayFile], /deploy\.yaml: expected a Rollout or TrafficRouting \(rollouts\.kruise\.io\), got apps\/v1 Deployment "web"/],
    ['a Rollout without canary steps', ['route', '--rollout', noSteps, '--gateway', gatewayFile], /nosteps\.yaml: .*has no canary steps/],
    ['a Rollout as --gateway', ['route', '--rollout', rolloutFile, '--gateway', rolloutFile], /rollout\.yaml: expected the gateway object/],
    ['a missing script', ['route', '--rollout', rolloutFile, '--gateway', gatewayFile, '--script', missing], /missing\.yaml: cannot read the script/],
    ['a gateway kind without a built-in script', ['route', '--rollout', rolloutFile, '--gateway', deployment], /deploy\.yaml: no built-in script for apps\/Deployment; pass --script/],
    ['a Deployment as --pods', ['tag', '--pods', deployment, '--plugin', opengauss], /deploy\.yaml: expected a Pod, a PodList or a List with pods, got apps\/v1 Deployment/],
    ['a missing plugin', ['tag', '--pods', pods, '--plugin', missing], /missing\.yaml: cannot read the plugin/],
    ['a missing test path', ['test', missing], /missing\.yaml: no such file or directory/],
    ['a YAML file that is not a test case', ['test', deployment], /deploy\.yaml: not a test case/],
  ];
  it.each(cases)('%s', async (_, argv, message) => {
    for (const args of [argv, [...argv, '--json']]) {
      const r = await cli(...args);
      expect(r).toMatchObject({ code: 2, stdout: '' });
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it.each([
    ['an unknown flag', ['route', '--rollout', 'a', '--gateway', 'b', '--verbose'], 'unknown option --verbose for "route"'],
    ['an unknown command', ['deploy'], 'unknown command "deploy"'],
    ['a missing required flag', ['route', '--rollout', 'a'], '"route" needs --gateway'],
    ['a flag without value', ['tag', '--pods'], '--pods needs a value'],
    ['a bad mode', ['route', '--rollout', 'a', '--gateway', 'b', '--mode', 'live'], '--mode must be controller or test'],
  ])('%s: usage and exit 2', async (_, argv, message) => {
    const r = await cli(...argv);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('Usage: kube-lua-studio');
  });

  it('--help prints the usage and exits 0', async () => {
    for (const argv of [['--help'], ['route', '--help'], []]) {
      const r = await cli(...argv);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout).toContain('Usage: kube-lua-studio <command>');
    }
  });
});

describe('the real entry point', () => {
  const entry = path.join(root, 'lib/cli/main.ts');
  const run = (...argv: string[]) => spawnSync(process.execPath, ['--import', 'tsx', entry, ...argv], { cwd: root, encoding: 'utf8' });

  it('writes complete JSON and exits 0', () => {
    const r = run('route', '--rollout', rolloutFile, '--gateway', gatewayFile, '--json');
    expect(r.status).toBe(0);
    expect(json(r.stdout).steps).toHaveLength(4);
  });

  it('exits 1 for a plugin that does not load, with the complete JSON on stdout', () => {
    const r = run('tag', '--pods', pods, '--plugin', file('entry-bad.lua', 'function ('), '--json');
    expect(r.status).toBe(1);
    expect(json(r.stdout).pods).toHaveLength(4);
    expect(r.stderr).toMatch(/^kube-lua-studio: plugin entry-bad: lua script loading error: /);
  });

  it('exits 2 with nothing on stdout for bad input, and for an unknown flag', () => {
    const bad = run('route', '--rollout', gatewayFile, '--gateway', gatewayFile, '--json');
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/vs\.json: expected a Rollout or TrafficRouting/);
    expect(run('tag', '--nope').status).toBe(2);
  });

  it.skipIf(!existsSync(path.join(root, 'dist/cli.mjs')))('bin/kube-lua-studio.mjs runs the bundle', () => {
    const out = execFileSync(process.execPath, [path.join(root, 'bin/kube-lua-studio.mjs'), 'route', '--rollout', rolloutFile, '--gateway', gatewayFile, '--json'], { encoding: 'utf8' });
    expect(json(out).steps).toHaveLength(4);
  });
});
