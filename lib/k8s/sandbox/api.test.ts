// API semantics over real HTTPS through @kubernetes/client-node, as the app uses the sandbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiException,
  CoreV1Api,
  CustomObjectsApi,
  KubernetesObjectApi,
  PatchStrategy,
  setHeaderOptions,
  type V1Pod,
} from '@kubernetes/client-node';
import { customKind } from '../kinds';
import { startSandbox, type Sandbox } from './index';
import { kubeConfigFor, ns, raw, testPod } from './test-support';

let sb: Sandbox;
let core: CoreV1Api;
let custom: CustomObjectsApi;
let objects: KubernetesObjectApi;

const rollout = (name: string, apiVersion = 'rollouts.kruise.io/v1beta1') => ({
  apiVersion,
  kind: 'Rollout',
  metadata: { name, namespace: 'shop' },
  spec: { workloadRef: { apiVersion: 'apps/v1', kind: 'Deployment', name }, strategy: { canary: { steps: [{ traffic: '20%' }] } } },
  status: { phase: 'Healthy' },
});

async function apiError(p: Promise<unknown>): Promise<{ code: number; body: any }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ApiException) return { code: err.code, body: typeof err.body === 'string' ? JSON.parse(err.body) : err.body };
    throw err;
  }
  throw new Error('expected the call to fail');
}

beforeAll(async () => {
  sb = await startSandbox({
    objects: [
      ns('default'),
      ns('shop'),
      testPod('web-1', 'shop', { app: 'web', tier: 'front' }),
      testPod('web-2', 'shop', { app: 'web', tier: 'back' }),
      testPod('db-1', 'shop', { app: 'db' }),
      testPod('lonely', 'default', { app: 'web' }),
      rollout('seeded'),
    ],
    denyResources: ['trafficroutings'],
  });
  const kc = kubeConfigFor(sb);
  core = kc.makeApiClient(CoreV1Api);
  custom = kc.makeApiClient(CustomObjectsApi);
  objects = KubernetesObjectApi.makeApiClient(kc);
});

afterAll(() => sb.close());

describe('discovery', () => {
  it('serves version, APIVersions, groups and resource lists with status subresources', async () => {
    expect((await raw(sb, 'GET', '/version', { token: null })).json()).toMatchObject({ major: '1', minor: '32' });
    expect((await raw(sb, 'GET', '/api')).json()).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
    const groups = (await raw(sb, 'GET', '/apis')).json();
    const rollouts = groups.groups.find((g: any) => g.name === 'rollouts.kruise.io');
    expect(rollouts.preferredVersion.version).toBe('v1beta1');
    expect(rollouts.versions.map((v: any) => v.version)).toEqual(['v1beta1', 'v1alpha1']);
    const v1 = (await raw(sb, 'GET', '/api/v1')).json();
    const pods = v1.resources.find((r: any) => r.name === 'pods');
    expect(pods).toMatchObject({ namespaced: true, kind: 'Pod', shortNames: ['po'] });
    expect(pods.verbs).toEqual(expect.arrayContaining(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete']));
    expect(v1.resources.map((r: any) => r.name)).toContain('pods/status');
    const alpha = (await raw(sb, 'GET', '/apis/rollouts.kruise.io/v1alpha1')).json();
    expect(alpha.resources.map((r: any) => r.name)).toEqual(expect.arrayContaining(['rollouts', 'rollouts/status', 'trafficroutings']));
    expect((await raw(sb, 'GET', '/apis/nope.example.com/v1')).status).toBe(404);
  });
});

describe('reads', () => {
  it('gets an object and 404s with a NotFound Status', async () => {
    const pod = await core.readNamespacedPod({ name: 'web-1', namespace: 'shop' });
    expect(pod.metadata?.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(pod.metadata?.generation).toBe(1);
    const err = await apiError(core.readNamespacedPod({ name: 'missing', namespace: 'shop' }));
    expect(err.code).toBe(404);
    expect(err.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'pods "missing" not found',
      reason: 'NotFound',
      details: { name: 'missing', kind: 'pods' },
      code: 404,
    });
  });

  it('lists cluster-wide and per namespace with a list resourceVersion', async () => {
    const all = await core.listPodForAllNamespaces();
    expect(all.items.map((p) => p.metadata?.name)).toEqual(expect.arrayContaining(['web-1', 'web-2', 'db-1', 'lonely']));
    expect(Number(all.metadata?.resourceVersion)).toBeGreaterThan(0);
    const shop = await core.listNamespacedPod({ namespace: 'shop' });
    expect(shop.items.map((p) => p.metadata?.name)).toEqual(['db-1', 'web-1', 'web-2']);
    expect(shop.kind).toBe('PodList');
  });

  it('filters by label selectors', async () => {
    const names = async (labelSelector: string) =>
      (await core.listPodForAllNamespaces({ labelSelector })).items.map((p) => p.metadata?.name).sort();
    expect(await names('app=web')).toEqual(['lonely', 'web-1', 'web-2']);
    expect(await names('app==web,tier!=back')).toEqual(['lonely', 'web-1']);
    expect(await names('app in (db, nothing)')).toEqual(['db-1']);
    expect(await names('app notin (web)')).toEqual(['db-1']);
    expect(await names('tier')).toEqual(['web-1', 'web-2']);
    expect(await names('!tier')).toEqual(['db-1', 'lonely']);
    const bad = await apiError(core.listPodForAllNamespaces({ labelSelector: 'a in (' }));
    expect(bad.code).toBe(400);
    expect(bad.body.reason).toBe('BadRequest');
  });

  it('filters by field selectors on name and namespace', async () => {
    const names = async (fieldSelector: string) =>
      (await core.listPodForAllNamespaces({ fieldSelector })).items.map((p) => p.metadata?.name).sort();
    expect(await names('metadata.name=web-2')).toEqual(['web-2']);
    expect(await names('metadata.namespace!=shop')).toEqual(['lonely']);
    expect(await names('metadata.namespace==shop,metadata.name!=db-1')).toEqual(['web-1', 'web-2']);
    const bad = await apiError(core.listPodForAllNamespaces({ fieldSelector: 'spec.nope=1' }));
    expect(bad.code).toBe(400);
    expect(bad.body.message).toContain('field label not supported');
  });

  it('pages with limit and an opaque continue token', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await core.listNamespacedPod({ namespace: 'shop', limit: 2, _continue: token });
      seen.push(...page.items.map((p) => p.metadata!.name!));
      token = page.metadata?._continue;
      if (token) expect(page.metadata?.remainingItemCount).toBe(3 - seen.length);
      pages++;
    } while (token);
    expect(pages).toBe(2);
    expect(seen).toEqual(['db-1', 'web-1', 'web-2']);
    expect((await apiError(core.listNamespacedPod({ namespace: 'shop', limit: 1, _continue: 'garbage!' }))).code).toBe(400);
  });

  it('answers an expired continue token with 410 Expired', async () => {
    const page = await core.listNamespacedPod({ namespace: 'shop', limit: 1 });
    await core.createNamespacedPod({ namespace: 'default', body: testPod('bump') as V1Pod });
    sb.store.compact();
    await core.createNamespacedPod({ namespace: 'default', body: testPod('bump-2') as V1Pod });
    const err = await apiError(core.listNamespacedPod({ namespace: 'shop', limit: 1, _continue: page.metadata!._continue }));
    expect(err.code).toBe(410);
    expect(err.body.reason).toBe('Expired');
  });

  it('serves Table and PartialObjectMetadataList when asked', async () => {
    const table = (await raw(sb, 'GET', '/api/v1/namespaces/shop/pods', { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' })).json();
    expect(table.kind).toBe('Table');
    expect(table.columnDefinitions.map((c: any) => c.name).slice(0, 3)).toEqual(['Name', 'Ready', 'Status']);
    expect(table.rows[0].object.kind).toBe('PartialObjectMetadata');
    const meta = (await raw(sb, 'GET', '/api/v1/pods', { accept: 'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io' })).json();
    expect(meta.kind).toBe('PartialObjectMetadataList');
    expect(meta.items[0].spec).toBeUndefined();
  });
});

describe('writes', () => {
  it('creates, supports generateName, and 409s AlreadyExists', async () => {
    const created = await core.createNamespacedPod({ namespace: 'shop', body: testPod('new-1', 'shop') as V1Pod });
    expect(created.metadata).toMatchObject({ name: 'new-1', namespace: 'shop', generation: 1 });
    expect(created.metadata?.creationTimestamp).toBeInstanceOf(Date);
    const gen = await core.createNamespacedPod({ namespace: 'shop', body: { ...testPod('', 'shop'), metadata: { generateName: 'job-' } } as V1Pod });
    expect(gen.metadata?.name).toMatch(/^job-[a-z0-9]{5}$/);
    const err = await apiError(core.createNamespacedPod({ namespace: 'shop', body: testPod('new-1', 'shop') as V1Pod }));
    expect(err.code).toBe(409);
    expect(err.body).toMatchObject({ reason: 'AlreadyExists', message: 'pods "new-1" already exists', details: { name: 'new-1', kind: 'pods' } });
    const invalid = await apiError(core.createNamespacedPod({ namespace: 'shop', body: testPod('Bad_Name', 'shop') as V1Pod }));
    expect(invalid.code).toBe(422);
    expect(invalid.body.reason).toBe('Invalid');
  });

  it('allows a namespace that does not exist (sandbox leniency)', async () => {
    const p = await core.createNamespacedPod({ namespace: 'ghost', body: testPod('p', 'ghost') as V1Pod });
    expect(p.metadata?.namespace).toBe('ghost');
  });

  it('bumps resourceVersion monotonically and rejects stale updates with Conflict', async () => {
    const pod = await core.readNamespacedPod({ name: 'web-1', namespace: 'shop' });
    const rv1 = Number(pod.metadata!.resourceVersion);
    pod.metadata!.labels = { ...pod.metadata!.labels, touched: 'yes' };
    const updated = await core.replaceNamespacedPod({ name: 'web-1', namespace: 'shop', body: pod });
    expect(Number(updated.metadata!.resourceVersion)).toBeGreaterThan(rv1);
    pod.metadata!.labels = { changed: 'again' };
    const err = await apiError(core.replaceNamespacedPod({ name: 'web-1', namespace: 'shop', body: pod }));
    expect(err.code).toBe(409);
    expect(err.body).toMatchObject({
      reason: 'Conflict',
      message: 'Operation cannot be fulfilled on pods "web-1": the object has been modified; please apply your changes to the latest version and try again',
      details: { name: 'web-1', kind: 'pods' },
    });
  });

  it('bumps generation on spec changes only', async () => {
    const body = rollout('gen');
    await custom.createNamespacedCustomObject({ group: 'rollouts.kruise.io', version: 'v1beta1', namespace: 'shop', plural: 'rollouts', body });
    const path = { group: 'rollouts.kruise.io', version: 'v1beta1', namespace: 'shop', plural: 'rollouts', name: 'gen' };
    const merge = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
    const labelled = await custom.patchNamespacedCustomObject({ ...path, body: { metadata: { labels: { a: 'b' } } } }, merge);
    expect(labelled.metadata.generation).toBe(1);
    const status = await custom.patchNamespacedCustomObjectStatus({ ...path, body: { status: { phase: 'Progressing' } } }, merge);
    expect(status.metadata.generation).toBe(1);
    const spec = await custom.patchNamespacedCustomObject({ ...path, body: { spec: { disabled: true } } }, merge);
    expect(spec.metadata.generation).toBe(2);
  });

  it('keeps status out of main-resource writes and everything else out of /status writes', async () => {
    const path = { group: 'rollouts.kruise.io', version: 'v1beta1', namespace: 'shop', plural: 'rollouts', name: 'seeded' };
    const merge = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
    const main = await custom.patchNamespacedCustomObject({ ...path, body: { spec: { disabled: true }, status: { phase: 'Hacked' } } }, merge);
    expect(main.status.phase).toBe('Healthy');
    expect(main.spec.disabled).toBe(true);
    const current = await custom.getNamespacedCustomObject(path);
    const viaStatus = await custom.replaceNamespacedCustomObjectStatus({
      ...path,
      body: { ...current, spec: { changed: true }, status: { phase: 'Progressing', currentStepIndex: 2 } },
    });
    expect(viaStatus.status).toEqual({ phase: 'Progressing', currentStepIndex: 2 });
    expect(viaStatus.spec.disabled).toBe(true);
    expect(viaStatus.spec.changed).toBeUndefined();
    const pod = await core.patchNamespacedPodStatus({ name: 'db-1', namespace: 'shop', body: { status: { phase: 'Running', podIP: '10.0.0.9' } } }, merge);
    expect(pod.status?.podIP).toBe('10.0.0.9');
  });

  it('reads an object stored via v1alpha1 through v1beta1 with the apiVersion rewritten', async () => {
    await custom.createNamespacedCustomObject({ group: 'rollouts.kruise.io', version: 'v1alpha1', namespace: 'shop', plural: 'rollouts', body: rollout('old', 'rollouts.kruise.io/v1alpha1') });
    const viaBeta = await custom.getNamespacedCustomObject({ group: 'rollouts.kruise.io', version: 'v1beta1', namespace: 'shop', plural: 'rollouts', name: 'old' });
    expect(viaBeta.apiVersion).toBe('rollouts.kruise.io/v1beta1');
    const list = await custom.listNamespacedCustomObject({ group: 'rollouts.kruise.io', version: 'v1alpha1', namespace: 'shop', plural: 'rollouts' });
    expect(list.kind).toBe('RolloutList');
    expect(list.items.every((r: any) => r.apiVersion === 'rollouts.kruise.io/v1alpha1')).toBe(true);
  });
});

describe('patch', () => {
  it('applies merge patches (null deletes)', async () => {
    const merge = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
    const p = await core.patchNamespacedPod({ name: 'web-2', namespace: 'shop', body: { metadata: { labels: { tier: null, extra: 'x' } } } }, merge);
    expect(p.metadata?.labels).toEqual({ app: 'web', extra: 'x' });
  });

  it('applies JSON patches and fails a test op with 422', async () => {
    const p = await core.patchNamespacedPod({
      name: 'web-2',
      namespace: 'shop',
      body: [
        { op: 'test', path: '/metadata/labels/app', value: 'web' },
        { op: 'add', path: '/metadata/annotations', value: { 'a/b': 'c' } },
        { op: 'replace', path: '/spec/containers/0/image', value: 'nginx:1.28' },
      ],
    });
    expect(p.metadata?.annotations).toEqual({ 'a/b': 'c' });
    expect(p.spec?.containers[0].image).toBe('nginx:1.28');
    const failed = await apiError(core.patchNamespacedPod({ name: 'web-2', namespace: 'shop', body: [{ op: 'test', path: '/metadata/labels/app', value: 'db' }] }));
    expect(failed.code).toBe(422);
    expect(failed.body.reason).toBe('Invalid');
    const missing = await apiError(core.patchNamespacedPod({ name: 'web-2', namespace: 'shop', body: [{ op: 'remove', path: '/spec/nothing/here' }] }));
    expect(missing.code).toBe(422);
  });

  it('applies strategic merge patches, merging named lists', async () => {
    const p = await objects.patch(
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-2', namespace: 'shop' }, spec: { containers: [{ name: 'sidecar', image: 'envoy:1' }] } } as V1Pod,
      undefined,
      undefined,
      undefined,
      undefined,
      PatchStrategy.StrategicMergePatch,
    );
    expect(p.spec?.containers.map((c) => c.name)).toEqual(['app', 'sidecar']);
  });

  it('rejects a stale resourceVersion in a patch and unknown patch types', async () => {
    const merge = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
    const err = await apiError(core.patchNamespacedPod({ name: 'web-2', namespace: 'shop', body: { metadata: { resourceVersion: '1', labels: { x: 'y' } } } }, merge));
    expect(err.code).toBe(409);
    expect(err.body.reason).toBe('Conflict');
    const res = await raw(sb, 'PATCH', '/api/v1/namespaces/shop/pods/web-2', { body: '{}', contentType: 'text/plain' });
    expect(res.status).toBe(415);
    expect(res.json().reason).toBe('UnsupportedMediaType');
    expect((await raw(sb, 'PATCH', '/api/v1/namespaces/shop/pods/nope', { body: '{}', contentType: 'application/merge-patch+json' })).status).toBe(404);
  });
});

describe('delete', () => {
  it('returns the pod, a Status for built-in workloads, and 404 when gone', async () => {
    await core.createNamespacedPod({ namespace: 'shop', body: testPod('doomed', 'shop') as V1Pod });
    const deleted = await core.deleteNamespacedPod({ name: 'doomed', namespace: 'shop' });
    expect(deleted.metadata?.name).toBe('doomed');
    expect((await apiError(core.deleteNamespacedPod({ name: 'doomed', namespace: 'shop' }))).code).toBe(404);
    await core.createNamespacedConfigMap({ namespace: 'shop', body: { metadata: { name: 'cfg' }, data: { a: '1' } } });
    const status = (await raw(sb, 'DELETE', '/api/v1/namespaces/shop/configmaps/cfg')).json();
    expect(status).toMatchObject({ kind: 'Status', status: 'Success', details: { name: 'cfg', kind: 'configmaps' } });
  });

  it('honours finalizers and delete preconditions', async () => {
    await core.createNamespacedPod({ namespace: 'shop', body: { ...testPod('held', 'shop'), metadata: { name: 'held', finalizers: ['example.com/keep'] } } as V1Pod });
    const first = await raw(sb, 'DELETE', '/api/v1/namespaces/shop/pods/held');
    expect(first.status).toBe(202);
    expect(first.json().metadata.deletionTimestamp).toBeTruthy();
    const merge = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
    await core.patchNamespacedPod({ name: 'held', namespace: 'shop', body: { metadata: { finalizers: null } } }, merge);
    expect((await apiError(core.readNamespacedPod({ name: 'held', namespace: 'shop' }))).code).toBe(404);
    const res = await raw(sb, 'DELETE', '/api/v1/namespaces/shop/pods/db-1', { body: { preconditions: { resourceVersion: '1' } } });
    expect(res.status).toBe(409);
    expect(res.json().message).toBe('Operation cannot be fulfilled on pods "db-1": Precondition failed: ResourceVersion in precondition: 1, ResourceVersion in meta: ' + (await core.readNamespacedPod({ name: 'db-1', namespace: 'shop' })).metadata?.resourceVersion);
  });

  it('deletes a namespace together with its objects', async () => {
    await core.createNamespace({ body: { metadata: { name: 'tmp' } } });
    await core.createNamespacedPod({ namespace: 'tmp', body: testPod('a', 'tmp') as V1Pod });
    await core.createNamespacedConfigMap({ namespace: 'tmp', body: { metadata: { name: 'c' } } });
    await core.deleteNamespace({ name: 'tmp' });
    expect((await core.listNamespacedPod({ namespace: 'tmp' })).items).toEqual([]);
    expect((await core.listNamespacedConfigMap({ namespace: 'tmp' })).items).toEqual([]);
  });
});

describe('auth', () => {
  it('answers 401 without a valid token', async () => {
    for (const token of [null, 'wrong']) {
      const res = await raw(sb, 'GET', '/api/v1/pods', { token });
      expect(res.status).toBe(401);
      expect(res.json()).toMatchObject({ kind: 'Status', reason: 'Unauthorized', code: 401 });
    }
  });

  it('answers 403 Forbidden for denied resources, keeping them in discovery', async () => {
    const err = await apiError(custom.listClusterCustomObject({ group: 'rollouts.kruise.io', version: 'v1alpha1', plural: 'trafficroutings' }));
    expect(err.code).toBe(403);
    expect(err.body).toMatchObject({
      reason: 'Forbidden',
      message: 'trafficroutings.rollouts.kruise.io is forbidden: User "sandbox-admin" cannot list resource "trafficroutings" in API group "rollouts.kruise.io" at the cluster scope',
      details: { group: 'rollouts.kruise.io', kind: 'trafficroutings' },
    });
    const inNs = await apiError(custom.getNamespacedCustomObject({ group: 'rollouts.kruise.io', version: 'v1alpha1', namespace: 'shop', plural: 'trafficroutings', name: 'x' }));
    expect(inNs.body.message).toContain('cannot get resource "trafficroutings" in API group "rollouts.kruise.io" in the namespace "shop"');
  });
});

describe('pause and resume', () => {
  it('drops connections while paused and serves the same data on the same port after resume', async () => {
    const before = (await core.listNamespacedPod({ namespace: 'shop' })).items.length;
    await sb.pause();
    await expect(core.listNamespacedPod({ namespace: 'shop' })).rejects.toThrow();
    await sb.resume();
    expect((await core.listNamespacedPod({ namespace: 'shop' })).items.length).toBe(before);
  });
});

describe('extra kinds', () => {
  it('serves CRDs passed in extraKinds and kinds added to the store at run time', async () => {
    const extra = await startSandbox({ extraKinds: [customKind({ group: 'projectcontour.io', version: 'v1', plural: 'httpproxies', kind: 'HTTPProxy' })] });
    try {
      const c = kubeConfigFor(extra).makeApiClient(CustomObjectsApi);
      const path = { group: 'projectcontour.io', version: 'v1', namespace: 'default', plural: 'httpproxies' };
      await c.createNamespacedCustomObject({ ...path, body: { apiVersion: 'projectcontour.io/v1', kind: 'HTTPProxy', metadata: { name: 'web' }, spec: { routes: [{ services: [{ name: 'web', port: 80 }] }] } } });
      expect((await c.listNamespacedCustomObject(path)).items).toHaveLength(1);
      expect((await raw(extra, 'GET', '/apis/projectcontour.io/v1')).json().resources.map((r: any) => r.name)).toEqual(['httpproxies', 'httpproxies/status']);
      extra.store.addKind(customKind({ group: 'gateway.networking.k8s.io', version: 'v1', plural: 'httproutes', kind: 'HTTPRoute' }));
      const groups = (await raw(extra, 'GET', '/apis')).json().groups.map((g: any) => g.name);
      expect(groups).toContain('gateway.networking.k8s.io');
      expect((await raw(extra, 'GET', '/apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes')).json().kind).toBe('HTTPRouteList');
    } finally {
      await extra.close();
    }
  });
});
