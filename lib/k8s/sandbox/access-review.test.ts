import { AppsV1Api, AuthorizationV1Api, CoreV1Api, CustomObjectsApi, ApiException, KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxKubeconfig, startSandbox, type Sandbox } from './index';
import { kubeConfigFor, ns, raw, testPod } from './test-support';

let sb: Sandbox;

/** A KubeConfig as the studio writes it, switched to `context`. */
function kubeConfigAs(context: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromString(sandboxKubeconfig([{ name: 'sandbox', sandbox: sb, namespace: 'shop', readonly: true }], context));
  return kc;
}

async function apiError(p: Promise<unknown>): Promise<{ code: number; body: any }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ApiException) return { code: err.code, body: typeof err.body === 'string' ? JSON.parse(err.body) : err.body };
    throw err;
  }
  throw new Error('expected the call to fail');
}

const rollout = {
  apiVersion: 'rollouts.kruise.io/v1beta1',
  kind: 'Rollout',
  metadata: { name: 'web', namespace: 'shop' },
  spec: { workloadRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' } },
  status: { phase: 'Progressing' },
};

beforeAll(async () => {
  sb = await startSandbox({
    objects: [ns('shop'), testPod('web-1', 'shop'), rollout],
    users: [{ name: 'shop-operator', token: 'op-token', rules: [{ verbs: ['get', 'list', 'watch', 'patch'], apiGroups: ['rollouts.kruise.io'], resources: ['rollouts/status'], namespaces: ['shop'] }] }],
  });
});
afterAll(() => sb.close());

describe('kubeconfig', () => {
  it('writes a read-only context for the viewer next to the admin context, on the same server', () => {
    const kc = kubeConfigAs('sandbox');
    expect(kc.getContexts().map((c) => [c.name, c.user, c.cluster, c.namespace])).toEqual([
      ['sandbox', 'sandbox-admin', 'sandbox', 'shop'],
      ['sandbox-readonly', 'sandbox-viewer', 'sandbox', 'shop'],
    ]);
    expect(kc.getUser('sandbox-viewer')?.token).toBe(sb.viewerToken);
    expect(sb.viewerToken).not.toBe(sb.token);
  });
});

describe('the read-only user', () => {
  it('reads everything, pod logs included', async () => {
    const kc = kubeConfigAs('sandbox-readonly');
    const core = kc.makeApiClient(CoreV1Api);
    expect((await core.listNamespacedPod({ namespace: 'shop' })).items.map((p) => p.metadata?.name)).toEqual(['web-1']);
    expect((await core.listPodForAllNamespaces()).items).toHaveLength(1);
    await expect(core.readNamespacedPodLog({ namespace: 'shop', name: 'web-1' })).resolves.toEqual(expect.any(String));
    const custom = kc.makeApiClient(CustomObjectsApi);
    await expect(custom.getNamespacedCustomObject({ group: 'rollouts.kruise.io', version: 'v1beta1', namespace: 'shop', plural: 'rollouts', name: 'web' })).resolves.toMatchObject({ kind: 'Rollout' });
  });

  it('gets 403 Forbidden in the API server wording for every write, and nothing changes', async () => {
    const kc = kubeConfigAs('sandbox-readonly');
    const core = kc.makeApiClient(CoreV1Api);
    const create = await apiError(core.createNamespacedConfigMap({ namespace: 'shop', body: { metadata: { name: 'c' }, data: { a: '1' } } }));
    expect(create.code).toBe(403);
    expect(create.body).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'Forbidden',
      code: 403,
      message: 'configmaps is forbidden: User "sandbox-viewer" cannot create resource "configmaps" in API group "" in the namespace "shop"',
      details: { kind: 'configmaps' },
    });
    const del = await apiError(core.deleteNamespacedPod({ namespace: 'shop', name: 'web-1' }));
    expect(del.body.message).toBe('pods "web-1" is forbidden: User "sandbox-viewer" cannot delete resource "pods" in API group "" in the namespace "shop"');
    const custom = kc.makeApiClient(CustomObjectsApi);
    const status = await apiError(
      custom.patchNamespacedCustomObjectStatus({ group: 'rollouts.kruise.io', version: 'v1beta1', namespace: 'shop', plural: 'rollouts', name: 'web', body: [{ op: 'add', path: '/status/x', value: 1 }] }),
    );
    expect(status.body.message).toBe(
      'rollouts.rollouts.kruise.io "web" is forbidden: User "sandbox-viewer" cannot patch resource "rollouts/status" in API group "rollouts.kruise.io" in the namespace "shop"',
    );
    expect(status.body.details).toEqual({ name: 'web', group: 'rollouts.kruise.io', kind: 'rollouts' });
    const ns = await apiError(core.createNamespace({ body: { metadata: { name: 'new' } } }));
    expect(ns.body.message).toBe('namespaces is forbidden: User "sandbox-viewer" cannot create resource "namespaces" in API group "" at the cluster scope');
    const apps = kc.makeApiClient(AppsV1Api);
    expect((await apiError(apps.deleteCollectionNamespacedDeployment({ namespace: 'shop' }))).body.message).toContain('cannot deletecollection resource "deployments" in API group "apps"');
    expect((await kubeConfigAs('sandbox').makeApiClient(CoreV1Api).listNamespacedConfigMap({ namespace: 'shop' })).items).toHaveLength(0);
  });

  it('still authenticates: a wrong token is 401, not 403', async () => {
    expect((await raw(sb, 'GET', '/api/v1/pods', { token: 'nope' })).status).toBe(401);
  });
});

describe('SelfSubjectAccessReview', () => {
  const review = (kc: KubeConfig, resourceAttributes: Record<string, string>) =>
    kc.makeApiClient(AuthorizationV1Api).createSelfSubjectAccessReview({ body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes } } });

  it('answers from the model: the admin may, the viewer may read but not write', async () => {
    const attrs = { verb: 'update', group: 'networking.istio.io', resource: 'virtualservices', namespace: 'shop', name: 'frontend' };
    const admin = await review(kubeConfigAs('sandbox'), attrs);
    expect(admin).toMatchObject({ kind: 'SelfSubjectAccessReview', apiVersion: 'authorization.k8s.io/v1', spec: { resourceAttributes: attrs } });
    expect(admin.status).toEqual({ allowed: true, reason: 'RBAC: allowed by ClusterRoleBinding "cluster-admin" of ClusterRole "cluster-admin" to User "sandbox-admin"' });
    const viewer = kubeConfigAs('sandbox-readonly');
    expect((await review(viewer, attrs)).status).toEqual({ allowed: false });
    expect((await review(viewer, { ...attrs, verb: 'get' })).status?.allowed).toBe(true);
    expect((await review(viewer, { verb: 'get', resource: 'pods', subresource: 'log', namespace: 'shop' })).status?.allowed).toBe(true);
    expect((await review(viewer, { verb: 'patch', group: 'rollouts.kruise.io', resource: 'rollouts', subresource: 'status', namespace: 'shop' })).status?.allowed).toBe(false);
  });

  it('honours subresources and namespaces of partial grants', async () => {
    const op = new KubeConfig();
    op.loadFromString(sandboxKubeconfig([{ name: 'op', sandbox: { ...sb, token: 'op-token' } }], 'op'));
    const patchStatus = { verb: 'patch', group: 'rollouts.kruise.io', resource: 'rollouts', subresource: 'status', namespace: 'shop', name: 'web' };
    expect((await review(op, patchStatus)).status?.allowed).toBe(true);
    expect((await review(op, { ...patchStatus, subresource: '' })).status?.allowed).toBe(false);
    expect((await review(op, { ...patchStatus, namespace: 'other' })).status?.allowed).toBe(false);
    // What the review says is what the server does.
    const custom = op.makeApiClient(CustomObjectsApi);
    await expect(
      custom.patchNamespacedCustomObjectStatus({ group: 'rollouts.kruise.io', version: 'v1beta1', namespace: 'shop', plural: 'rollouts', name: 'web', body: [{ op: 'replace', path: '/status/phase', value: 'Healthy' }] }),
    ).resolves.toMatchObject({ status: { phase: 'Healthy' } });
    expect((await apiError(custom.patchNamespacedCustomObject({ group: 'rollouts.kruise.io', version: 'v1beta1', namespace: 'shop', plural: 'rollouts', name: 'web', body: [] }))).code).toBe(403);
  });

  it('answers non-resource attributes and refuses a spec with neither kind of attributes (422)', async () => {
    const api = kubeConfigAs('sandbox-readonly').makeApiClient(AuthorizationV1Api);
    const r = await api.createSelfSubjectAccessReview({ body: { spec: { nonResourceAttributes: { path: '/version', verb: 'get' } } } });
    expect(r.status?.allowed).toBe(true);
    const bad = await apiError(api.createSelfSubjectAccessReview({ body: { spec: {} } }));
    expect(bad.code).toBe(422);
    expect(bad.body).toMatchObject({
      reason: 'Invalid',
      message: 'SelfSubjectAccessReview.authorization.k8s.io "" is invalid: spec.resourceAttributes: Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified',
    });
  });
});

describe('SelfSubjectRulesReview', () => {
  it('lists the resource rules of the user in the namespace', async () => {
    const api = kubeConfigAs('sandbox-readonly').makeApiClient(AuthorizationV1Api);
    const r = await api.createSelfSubjectRulesReview({ body: { spec: { namespace: 'shop' } } });
    expect(r.status?.incomplete).toBe(false);
    expect(r.status?.resourceRules).toEqual(expect.arrayContaining([{ verbs: ['get', 'list', 'watch'], apiGroups: ['*'], resources: ['*'] }]));
    expect(r.status?.nonResourceRules?.[0].verbs).toEqual(['get']);
  });
});

describe('discovery', () => {
  it('lists authorization.k8s.io/v1 and its review resources', async () => {
    const groups = (await raw(sb, 'GET', '/apis')).json().groups;
    expect(groups.find((g: any) => g.name === 'authorization.k8s.io')).toMatchObject({ preferredVersion: { groupVersion: 'authorization.k8s.io/v1' } });
    expect((await raw(sb, 'GET', '/apis/authorization.k8s.io')).json()).toMatchObject({ kind: 'APIGroup', name: 'authorization.k8s.io' });
    const list = (await raw(sb, 'GET', '/apis/authorization.k8s.io/v1')).json();
    expect(list.resources.map((r: any) => [r.name, r.kind, r.verbs])).toEqual([
      ['selfsubjectaccessreviews', 'SelfSubjectAccessReview', ['create']],
      ['selfsubjectrulesreviews', 'SelfSubjectRulesReview', ['create']],
    ]);
    expect((await raw(sb, 'GET', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews')).status).toBe(405);
    expect((await raw(sb, 'POST', '/apis/authorization.k8s.io/v1/subjectaccessreviews', { body: {} })).status).toBe(404);
  });
});

describe('kubeConfigFor (tests) keeps the admin', () => {
  it('is the admin context only', () => {
    expect(kubeConfigFor(sb).getContexts().map((c) => c.name)).toEqual(['sandbox']);
  });
});
