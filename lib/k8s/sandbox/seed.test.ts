// Seed loading (YAML folders, kubectl JSON dumps, helpful errors) and the repo's two seed clusters.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED_DIR, STAGING_SEED_DIR, SeedError, loadSeed, startSandbox, type K8sObject, type Sandbox } from './index';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sandbox-seed-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function file(name: string, text: string): Promise<string> {
  const p = join(dir, name);
  await mkdir(join(p, '..'), { recursive: true });
  await writeFile(p, text);
  return p;
}

async function seedError(p: Promise<unknown>): Promise<SeedError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof SeedError) return err;
    throw err;
  }
  throw new Error('expected a SeedError');
}

describe('loadSeed', () => {
  it('reads folders recursively, multi-document YAML and Lists, in path order', async () => {
    const root = join(dir, 'tree');
    await file('tree/a.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: one\n---\n# comment only document\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p1\n  namespace: one\n');
    await file('tree/nested/b.yml', 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: c1, namespace: one}\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: c2, namespace: one}\n');
    await file('tree/notes.txt', 'not a seed');
    const objs = (await loadSeed(root)) as K8sObject[];
    expect(objs.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['Namespace/one', 'Pod/p1', 'ConfigMap/c1', 'ConfigMap/c2']);
  });

  it('reads a `kubectl get -A -o json` dump', async () => {
    const dump = {
      apiVersion: 'v1',
      kind: 'List',
      metadata: { resourceVersion: '' },
      items: [
        { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', namespace: 'n', uid: '11111111-1111-4111-8111-111111111111', resourceVersion: '99' }, spec: {} },
        { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'n' }, spec: {} },
      ],
    };
    const p = await file('dump.json', JSON.stringify(dump, null, 2));
    const objs = (await loadSeed([p])) as K8sObject[];
    expect(objs.map((o) => o.metadata.name)).toEqual(['x', 'd']);
    const sb = await startSandbox({ seed: p });
    try {
      const pod = sb.store.get('pods', 'n', 'x')!;
      expect(pod.metadata.uid).toBe('11111111-1111-4111-8111-111111111111');
      expect(pod.metadata.resourceVersion).not.toBe('99');
    } finally {
      await sb.close();
    }
  });

  it('names the file and line of a YAML syntax error', async () => {
    const p = await file('bad/broken.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ok\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n  namespace: x\n');
    const err = await seedError(loadSeed(join(dir, 'bad')));
    expect(err.file).toBe(p);
    expect(err.line).toBeGreaterThanOrEqual(9);
    expect(err.line).toBeLessThanOrEqual(11);
    expect(err.message).toContain(`${p}:${err.line}`);
    expect(err.message).toMatch(/invalid YAML/);
    expect(err.message).toMatch(/Fix/);
  });

  it('names the file and line of a JSON syntax error', async () => {
    const p = await file('broken.json', '{\n  "kind": "List",\n  "items": [\n    {"kind": "Pod",}\n  ]\n}\n');
    const err = await seedError(loadSeed(p));
    expect(err.file).toBe(p);
    expect(err.line).toBe(4);
    expect(err.message).toMatch(/invalid JSON/);
  });

  it('points at a document that is not a Kubernetes object', async () => {
    const p = await file('shape/noname.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: fine\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  labels: {a: b}\n');
    const err = await seedError(loadSeed(p));
    expect(err.line).toBe(6);
    expect(err.message).toContain('has no `metadata.name`');
    expect(err.message).toContain('Every object needs `apiVersion`, `kind` and `metadata.name`');
    const scalar = await file('shape/scalar.yaml', 'just a string\n');
    expect((await seedError(loadSeed(scalar))).message).toContain('expected a Kubernetes object');
    expect((await seedError(loadSeed(join(dir, 'missing-folder')))).message).toContain('does not exist');
  });

  it('reports unknown kinds and duplicates with their location when the sandbox starts', async () => {
    const unknown = await file('unknown/secrets.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n');
    const err = await seedError(startSandbox({ seed: unknown }));
    expect(err.file).toBe(unknown);
    expect(err.line).toBe(5);
    expect(err.message).toContain('extraKinds');
    const skipped = await startSandbox({ seed: unknown, unknownKinds: 'skip' });
    expect(skipped.store.get('pods', 'default', 'p')).toBeDefined();
    await skipped.close();
    const dup = await file('dup/pods.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: a}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: a}\n');
    const dupErr = await seedError(startSandbox({ seed: dup }));
    expect(dupErr.line).toBe(5);
    expect(dupErr.message).toContain('already exists');
  });
});

describe('the default seed', () => {
  let sb: Sandbox;
  let pods: K8sObject[];
  const all = () => sb.store.kinds.flatMap((k) => sb.store.list(k).items);
  const byUid = () => new Map(all().map((o) => [o.metadata.uid, o]));
  const ownerKind = (p: K8sObject) => p.metadata.ownerReferences?.[0]?.kind;

  beforeAll(async () => {
    sb = await startSandbox({ seed: DEFAULT_SEED_DIR });
    pods = sb.store.list('pods').items;
  });
  afterAll(() => sb.close());

  it('has about 60 pods across 5+ namespaces, 2-3 nodes, and Namespace objects for each', () => {
    expect(pods.length).toBeGreaterThanOrEqual(55);
    expect(pods.length).toBeLessThanOrEqual(65);
    const namespaces = new Set(pods.map((p) => p.metadata.namespace));
    expect(namespaces.size).toBeGreaterThanOrEqual(5);
    const nsObjects = new Set(sb.store.list('namespaces').items.map((n) => n.metadata.name));
    for (const n of namespaces) expect(nsObjects).toContain(n);
    for (const n of ['default', 'shop', 'payments', 'db', 'batch', 'kruise-rollout', 'kube-system', 'serverless']) expect(nsObjects).toContain(n);
    const nodes = sb.store.list('nodes').items.map((n) => n.metadata.name);
    expect(nodes.length).toBeGreaterThanOrEqual(2);
    expect(nodes.length).toBeLessThanOrEqual(3);
    for (const p of pods) if ((p.spec as any).nodeName) expect(nodes).toContain((p.spec as any).nodeName);
  });

  it('resolves every controller ownerReference to a seeded object (except the InPlaceSet, which is not served)', () => {
    const objs = byUid();
    for (const o of all()) {
      for (const ref of o.metadata.ownerReferences ?? []) {
        if (ref.kind === 'InPlaceSet') continue;
        const owner = objs.get(ref.uid);
        expect(owner, `${o.kind} ${o.metadata.name} → ${ref.kind} ${ref.name}`).toBeDefined();
        expect(owner!.kind).toBe(ref.kind);
        expect(owner!.metadata.name).toBe(ref.name);
        expect(ref.controller).toBe(true);
        if (ref.kind !== 'Node') expect(ref.blockOwnerDeletion).toBe(true);
      }
    }
  });

  it('covers every owner situation the studio handles', () => {
    const objs = byUid();
    const owner = (o: K8sObject) => objs.get(o.metadata.ownerReferences?.[0]?.uid ?? '');
    const chain = (p: K8sObject) => {
      const out: string[] = [];
      for (let cur: K8sObject | undefined = p; cur; cur = owner(cur)) out.push(`${cur.apiVersion} ${cur.kind}`);
      return out;
    };
    const chains = pods.map(chain).map((c) => c.slice(1).join(' > '));
    expect(chains).toContain('apps/v1 ReplicaSet > apps/v1 Deployment');
    expect(chains).toContain('apps/v1 StatefulSet');
    expect(chains).toContain('apps/v1 DaemonSet');
    expect(chains).toContain('apps.kruise.io/v1alpha1 CloneSet');
    expect(chains).toContain('apps.kruise.io/v1beta1 StatefulSet');
    expect(chains).toContain('batch/v1 Job > batch/v1 CronJob');
    expect(chains).toContain('batch/v1 Job');
    expect(chains).toContain('v1 Node');
    expect(chains).toContain('apps/v1 ReplicaSet');
    expect(pods.some((p) => !p.metadata.ownerReferences)).toBe(true);

    const og = pods.filter((p) => ownerKind(p) === 'OpenGaussCluster').map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
    expect(og.sort()).toEqual(['db/ogtest-0', 'db/ogtest-1', 'db/ogtest-2']);
    expect(sb.store.get({ apiVersion: 'opengauss.cmbc.com.cn/v1', kind: 'OpenGaussCluster' }, 'db', 'ogtest')).toBeDefined();

    const staticPods = pods.filter((p) => ownerKind(p) === 'Node');
    expect(staticPods.every((p) => p.metadata.namespace === 'kube-system')).toBe(true);
    expect(staticPods.some((p) => p.metadata.name!.startsWith('kube-apiserver-'))).toBe(true);

    const vk = pods.filter((p) => p.metadata.labels?.['virtual-kubelet.io/provider-cluster-type'] === 'serverless');
    expect(vk.length).toBeGreaterThanOrEqual(2);
    for (const p of vk) expect(p.metadata.labels!['virtual-kubelet.io/provider-resource-name']).toMatch(new RegExp(`^${p.metadata.name}-[a-z0-9]+$`));
    expect(vk.some((p) => p.metadata.labels!['virtual-kubelet.io/provider-workload-type'])).toBe(true);

    const scaledToZero = sb.store.list('replicasets').items.filter((rs) => (rs.spec as any).replicas === 0);
    const leftovers = pods.filter((p) => scaledToZero.some((rs) => rs.metadata.uid === p.metadata.ownerReferences?.[0]?.uid));
    expect(leftovers.length).toBeGreaterThan(0);
    for (const p of leftovers) expect(p.metadata.deletionTimestamp).toBeTruthy();

    const orphanRs = sb.store.list('replicasets').items.find((rs) => !rs.metadata.ownerReferences)!;
    expect(pods.some((p) => p.metadata.ownerReferences?.[0]?.uid === orphanRs.metadata.uid)).toBe(true);

    expect(pods.some((p) => ownerKind(p) === 'InPlaceSet')).toBe(true);
    // Markup to escape lives where Kubernetes allows it: annotation values (a label value with
    // <, > or & is refused by a real API server, and by the sandbox since validation.ts).
    expect(pods.some((p) => Object.values(p.metadata.annotations ?? {}).some((v) => /[<>&]/.test(v)))).toBe(true);
  });

  it('has realistic pod status', () => {
    for (const p of pods) {
      const st = p.status as any;
      expect(st.phase, p.metadata.name).toBeTruthy();
      if (st.phase === 'Running') {
        expect(st.podIP).toBeTruthy();
        expect(st.conditions.find((c: any) => c.type === 'Ready')).toBeDefined();
        expect(st.containerStatuses.length).toBeGreaterThan(0);
      }
    }
  });

  it('has Kruise Rollouts in both versions with every step style, one paused at step 2 and one healthy', () => {
    const rollouts = sb.store.list('rollouts.rollouts.kruise.io').items;
    expect(rollouts.some((r) => r.apiVersion === 'rollouts.kruise.io/v1alpha1' && (r.spec as any).strategy.canary.steps.some((s: any) => typeof s.weight === 'number'))).toBe(true);
    const beta = rollouts.filter((r) => r.apiVersion === 'rollouts.kruise.io/v1beta1');
    const steps = beta.flatMap((r) => (r.spec as any).strategy.canary.steps);
    const matches = steps.flatMap((s: any) => s.matches ?? []);
    expect(matches.some((m: any) => m.headers?.length)).toBe(true);
    expect(matches.some((m: any) => m.queryParams?.length)).toBe(true);
    expect(matches.some((m: any) => m.path)).toBe(true);
    for (const m of matches) {
      for (const h of [...(m.headers ?? []), ...(m.queryParams ?? [])]) expect(h.type).toBeTruthy();
      if (m.path) expect(m.path.type).toBeTruthy();
    }
    expect(steps.some((s: any) => s.traffic && !s.matches)).toBe(true);
    expect(steps.some((s: any) => s.replicas && !s.traffic && !s.matches)).toBe(true);

    const progressing = rollouts.find((r) => (r.status as any)?.phase === 'Progressing')!;
    expect(progressing.status).toMatchObject({
      currentStepIndex: 2,
      currentStepState: 'StepPaused',
      message: 'Rollout is in step(2/4), and you need manually confirm to enter the next step',
      canaryStatus: { currentStepIndex: 2, currentStepState: 'StepPaused' },
    });
    expect(rollouts.find((r) => (r.status as any)?.phase === 'Healthy')!.status).toMatchObject({ message: 'rollout is healthy' });

    // rollout-lab holds deliberately broken Rollouts (checked below); every other one is consistent.
    for (const r of rollouts.filter((x) => x.metadata.namespace !== 'rollout-lab')) {
      const spec = r.spec as any;
      const workload = spec.workloadRef ?? spec.objectRef.workloadRef;
      expect(sb.store.get({ apiVersion: workload.apiVersion, kind: workload.kind }, r.metadata.namespace, workload.name), `${r.metadata.name} workload`).toBeDefined();
      for (const t of spec.strategy.canary.trafficRoutings) {
        expect(sb.store.get('services', r.metadata.namespace, t.service)).toBeDefined();
        for (const ref of t.customNetworkRefs) expect(sb.store.get(ref, r.metadata.namespace, ref.name), `${ref.kind} ${ref.name}`).toBeDefined();
      }
    }
    const vs = sb.store.get('virtualservices.networking.istio.io', progressing.metadata.namespace, 'frontend')!;
    const original = vs.metadata.annotations!['rollouts.kruise.io/original-spec-configuration'];
    expect(original).not.toMatch(/\s/);
    expect(JSON.parse(original).spec.http).toBeDefined();
  });

  it('has a rollout-lab namespace with the bad input the rollout views must survive', () => {
    const lab = sb.store.list('rollouts.rollouts.kruise.io').items.filter((r) => r.metadata.namespace === 'rollout-lab');
    const byName = new Map(lab.map((r) => [r.metadata.name, r.spec as any]));
    expect([...byName.keys()].sort()).toEqual(['bad-annotation', 'bad-script', 'missing-gateway', 'no-steps']);
    expect(sb.store.list('namespaces').items.map((n) => n.metadata.name)).toContain('rollout-lab');
    expect(byName.get('no-steps').strategy.canary.steps).toEqual([]);
    const ref = (name: string) => byName.get(name).strategy.canary.trafficRoutings[0].customNetworkRefs[0];
    expect(sb.store.get(ref('missing-gateway'), 'rollout-lab', ref('missing-gateway').name)).toBeUndefined();
    const annotated = sb.store.get(ref('bad-annotation'), 'rollout-lab', ref('bad-annotation').name)!;
    expect(() => JSON.parse(annotated.metadata.annotations!['rollouts.kruise.io/original-spec-configuration'])).toThrow();
    expect(ref('bad-script')).toMatchObject({ apiVersion: 'v1', kind: 'Service' });
    expect(sb.store.get('services', 'rollout-lab', ref('bad-script').name)).toBeDefined();
    const cm = sb.store.get('configmaps', 'kruise-rollout', 'kruise-rollout-configuration')!;
    expect((cm.data as Record<string, string>)['lua.traffic.routing.Service.v1']).toMatch(/=\s*\n\s*end/);
    // the Contour Rollout: a kind without a built-in script, served from the ConfigMap
    const storefront = sb.store.list('rollouts.rollouts.kruise.io').items.find((r) => r.metadata.name === 'storefront')!;
    expect((storefront.spec as any).strategy.canary.trafficRoutings[0].customNetworkRefs[0]).toMatchObject({ apiVersion: 'projectcontour.io/v1', kind: 'HTTPProxy' });
    expect(sb.store.get('httpproxies.projectcontour.io', 'shop', 'storefront')).toBeDefined();
  });

  it('has a TrafficRouting and the kruise-rollout Lua configuration', () => {
    const tr = sb.store.list('trafficroutings.rollouts.kruise.io').items[0];
    const spec = tr.spec as any;
    expect(spec.objectRef[0].service).toBeTruthy();
    expect(spec.objectRef[0].customNetworkRefs.length).toBeGreaterThan(0);
    expect(spec.strategy.weight ?? spec.strategy.matches).toBeDefined();
    const cm = sb.store.get('configmaps', 'kruise-rollout', 'kruise-rollout-configuration')!;
    const data = cm.data as Record<string, string>;
    expect(data['lua.traffic.routing.VirtualService.networking.istio.io']).toContain('return obj.data');
    expect(data['lua.traffic.routing.HTTPProxy.projectcontour.io']).toMatch(/obj\.data\.spec\.routes\[1\][\s\S]*\.services[\s\S]*weight/);
  });
});

describe('the staging seed', () => {
  it('is a small second cluster with names distinct from the default seed', async () => {
    const staging = (await loadSeed(STAGING_SEED_DIR)) as K8sObject[];
    const main = (await loadSeed(DEFAULT_SEED_DIR)) as K8sObject[];
    const stagingPods = staging.filter((o) => o.kind === 'Pod');
    expect(stagingPods.length).toBeGreaterThanOrEqual(6);
    expect(stagingPods.length).toBeLessThanOrEqual(10);
    const namespaces = new Set(stagingPods.map((p) => p.metadata.namespace));
    expect([...namespaces].sort()).toEqual(['staging-api', 'staging-web']);
    const mainNames = new Set(main.map((o) => o.metadata.name));
    for (const p of stagingPods) expect(mainNames.has(p.metadata.name!)).toBe(false);
  });
});
