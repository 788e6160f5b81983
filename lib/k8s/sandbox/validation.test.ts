// The metadata rules a real API server applies, with its messages (apimachinery v0.32), through the
// validators, @kubernetes/client-node, seeds and the real kubectl.
import { ApiException, CoreV1Api, CustomObjectsApi, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kindByKey } from '../kinds';
import { SeedError, startSandbox, type Sandbox } from './index';
import { KUBECTL, kubectlSession, type KubectlSession } from './kubectl-support';
import { kubeConfigFor, ns, raw, testPod } from './test-support';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue, validateObjectMeta } from './validation';

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const NAME_PART_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe('validators (apimachinery wording)', () => {
  it('DNS-1123 subdomain, DNS-1123 label, DNS-1035 label', () => {
    expect(isDNS1123Subdomain('web.example.com')).toEqual([]);
    expect(isDNS1123Subdomain('Foo_')).toEqual([SUBDOMAIN_MSG]);
    expect(isDNS1123Subdomain('a'.repeat(254))).toEqual(['must be no more than 253 characters']);
    expect(isDNS1123Label('a.b')).toEqual(['must not contain dots']);
    expect(isDNS1123Label('Shop')[0]).toMatch(/^a lowercase RFC 1123 label must consist of .* \(e\.g\. 'my-name',  or '123-abc', regex used/);
    expect(isDNS1123Label('a'.repeat(64))).toEqual(['must be no more than 63 characters']);
    expect(isDNS1035Label('1web')[0]).toMatch(/^a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character/);
    expect(isDNS1035Label('web-1')).toEqual([]);
  });

  it('qualified names (label keys) with an optional DNS prefix, and label values', () => {
    expect(isQualifiedName('app.kubernetes.io/name')).toEqual([]);
    expect(isQualifiedName('bad key')).toEqual([NAME_PART_MSG]);
    expect(isQualifiedName('/x')).toEqual(['prefix part must be non-empty']);
    expect(isQualifiedName('Example.com/x')).toEqual([`prefix part ${SUBDOMAIN_MSG}`]);
    expect(isQualifiedName(`x/${'a'.repeat(64)}`)).toEqual(['name part must be no more than 63 characters']);
    expect(isQualifiedName('a/b/c')[0]).toMatch(/^a qualified name must consist of .* with an optional DNS subdomain prefix and '\/' \(e\.g\. 'example\.com\/MyName'\)$/);
    expect(isValidLabelValue('')).toEqual([]);
    expect(isValidLabelValue('my_value.1')).toEqual([]);
    expect(isValidLabelValue('a<b>&c')).toEqual([LABEL_VALUE_MSG]);
    expect(isValidLabelValue('a'.repeat(64))).toEqual(['must be no more than 63 characters']);
  });

  it('metadata: names per kind, namespace, labels, annotation keys and total size, finalizers', () => {
    const cm = kindByKey('configmaps')!;
    expect(validateObjectMeta(kindByKey('services')!, { name: '1web' })[0]).toMatchObject({ field: 'metadata.name', message: expect.stringMatching(/^Invalid value: "1web": a DNS-1035 label/) });
    expect(validateObjectMeta(kindByKey('namespaces')!, { name: 'a.b' })).toEqual([{ field: 'metadata.name', reason: 'FieldValueInvalid', message: 'Invalid value: "a.b": must not contain dots' }]);
    expect(validateObjectMeta(cm, { name: 'a.b', namespace: 'Bad_NS' })[0].field).toBe('metadata.namespace');
    expect(validateObjectMeta(cm, { generateName: 'web-', name: 'web-x2f9k' })).toEqual([]);
    expect(validateObjectMeta(cm, {})).toEqual([{ field: 'metadata.name', reason: 'FieldValueRequired', message: 'Required value: name or generateName is required' }]);
    expect(validateObjectMeta(cm, { name: 'c', annotations: { 'Example.COM/Key': 'x' } })).toEqual([]); // case does not matter in annotation keys
    expect(validateObjectMeta(cm, { name: 'c', annotations: { 'bad key': 'x' } })).toEqual([{ field: 'metadata.annotations', reason: 'FieldValueInvalid', message: `Invalid value: "bad key": ${NAME_PART_MSG}` }]);
    const big = { a: 'x'.repeat(200_000), b: 'y'.repeat(62_143) }; // 262,145 bytes with the keys
    expect(validateObjectMeta(cm, { name: 'c', annotations: big })).toEqual([{ field: 'metadata.annotations', reason: 'FieldValueTooLong', message: 'Too long: may not be more than 262144 bytes' }]);
    expect(validateObjectMeta(cm, { name: 'c', annotations: { a: 'x'.repeat(200_000), b: 'y'.repeat(62_142) } })).toEqual([]);
    expect(validateObjectMeta(cm, { name: 'c', annotations: { a: 'é'.repeat(131_072) } })[0]?.reason).toBe('FieldValueTooLong'); // bytes, not characters
    expect(validateObjectMeta(cm, { name: 'c', finalizers: ['example.com/cleanup', 'bad finalizer'] })).toHaveLength(1);
  });
});

let sb: Sandbox;
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
  sb = await startSandbox({ objects: [ns('shop'), testPod('web-1', 'shop', { app: 'web' })] });
});
afterAll(() => sb.close());

describe('writes through the API', () => {
  it('create answers 422 Invalid with the message a cluster gives and details.causes', async () => {
    const core = kubeConfigFor(sb).makeApiClient(CoreV1Api);
    const err = await apiError(core.createNamespacedConfigMap({ namespace: 'shop', body: { metadata: { name: 'Foo_' } } }));
    expect(err.code).toBe(422);
    expect(err.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `ConfigMap "Foo_" is invalid: metadata.name: Invalid value: "Foo_": ${SUBDOMAIN_MSG}`,
      reason: 'Invalid',
      details: { name: 'Foo_', kind: 'ConfigMap', causes: [{ reason: 'FieldValueInvalid', message: `Invalid value: "Foo_": ${SUBDOMAIN_MSG}`, field: 'metadata.name' }] },
      code: 422,
    });
    const two = await apiError(core.createNamespacedConfigMap({ namespace: 'shop', body: { metadata: { name: 'c', labels: { 'bad key': 'a<b' } } } }));
    expect(two.body.message).toBe(`ConfigMap "c" is invalid: [metadata.labels: Invalid value: "bad key": ${NAME_PART_MSG}, metadata.labels: Invalid value: "a<b": ${LABEL_VALUE_MSG}]`);
    expect(two.body.details.causes).toHaveLength(2);
  });

  it('names the group of a custom resource, as NewInvalid does', async () => {
    const custom = kubeConfigFor(sb).makeApiClient(CustomObjectsApi);
    const err = await apiError(
      custom.createNamespacedCustomObject({ group: 'rollouts.kruise.io', version: 'v1beta1', namespace: 'shop', plural: 'rollouts', body: { apiVersion: 'rollouts.kruise.io/v1beta1', kind: 'Rollout', metadata: { name: 'Web' } } }),
    );
    expect(err.body.message).toMatch(/^Rollout\.rollouts\.kruise\.io "Web" is invalid: metadata\.name: Invalid value: "Web": a lowercase RFC 1123 subdomain/);
    expect(err.body.details).toMatchObject({ name: 'Web', group: 'rollouts.kruise.io', kind: 'Rollout' });
  });

  it('update, merge patch and server-side apply are validated too, and a refusal changes nothing', async () => {
    const core = kubeConfigFor(sb).makeApiClient(CoreV1Api);
    const before = await core.readNamespacedPod({ namespace: 'shop', name: 'web-1' });
    const patch = await apiError(
      core.patchNamespacedPod({ namespace: 'shop', name: 'web-1', body: { metadata: { annotations: { big: 'a'.repeat(900 * 1024) } } } }, setHeaderOptions('Content-Type', PatchStrategy.MergePatch)),
    );
    expect([patch.code, patch.body.message]).toEqual([422, 'Pod "web-1" is invalid: metadata.annotations: Too long: may not be more than 262144 bytes']);
    expect(patch.body.details.causes).toEqual([{ reason: 'FieldValueTooLong', message: 'Too long: may not be more than 262144 bytes', field: 'metadata.annotations' }]);
    const put = await apiError(core.replaceNamespacedPod({ namespace: 'shop', name: 'web-1', body: { ...before, metadata: { ...before.metadata, labels: { app: 'not valid!' } } } }));
    expect(put.body.message).toBe(`Pod "web-1" is invalid: metadata.labels: Invalid value: "not valid!": ${LABEL_VALUE_MSG}`);
    const apply = await raw(sb, 'PATCH', '/api/v1/namespaces/shop/configmaps/applied?fieldManager=test', {
      contentType: 'application/apply-patch+yaml',
      body: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\n  labels:\n    tier: "-front"\n',
    });
    expect([apply.status, apply.json().message]).toEqual([422, `ConfigMap "applied" is invalid: metadata.labels: Invalid value: "-front": ${LABEL_VALUE_MSG}`]);
    expect((await core.readNamespacedPod({ namespace: 'shop', name: 'web-1' })).metadata?.resourceVersion).toBe(before.metadata?.resourceVersion);
  });

  it('a status write keeps the stored metadata, so it is not refused for metadata it does not change', async () => {
    const core = kubeConfigFor(sb).makeApiClient(CoreV1Api);
    const r = await core.patchNamespacedPodStatus({ namespace: 'shop', name: 'web-1', body: { metadata: { labels: { x: 'not valid!' } }, status: { phase: 'Running' } } }, setHeaderOptions('Content-Type', PatchStrategy.MergePatch));
    expect([r.status?.phase, r.metadata?.labels]).toEqual(['Running', { app: 'web' }]);
  });
});

describe('seeds', () => {
  it('reports an object a cluster would refuse as a seed error, with the message and a fix', async () => {
    const bad = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'shop', labels: { note: 'a<b>&c' } } };
    const err = await startSandbox({ objects: [ns('shop'), bad] }).then(
      (s) => s.close().then(() => null),
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SeedError);
    expect((err as SeedError).message).toBe(
      `(objects): ConfigMap shop/c cannot be loaded: ConfigMap "c" is invalid: metadata.labels: Invalid value: "a<b>&c": ${LABEL_VALUE_MSG}. Fix the metadata as the message says: a real API server refuses this object too`,
    );
  });
});

describe.skipIf(!KUBECTL)('the real kubectl', () => {
  let k: KubectlSession;
  beforeAll(async () => {
    k = await kubectlSession(sb);
  });
  afterAll(() => k.close());

  it('a 900 KB annotation fails as on a cluster (patch, apply and apply --server-side)', async () => {
    const value = 'a'.repeat(900 * 1024);
    // `kubectl annotate big=<900 KB>` does not fit in one argv entry (Linux: 128 KiB); the same merge patch from a file:
    const patchFile = await k.file('big.json', JSON.stringify({ metadata: { annotations: { big: value } } }));
    const patch = await k.run(['patch', 'pod', 'web-1', '-n', 'shop', '--type', 'merge', '--patch-file', patchFile]);
    expect([patch.code, patch.stderr.trim()]).toEqual([1, 'The Pod "web-1" is invalid: metadata.annotations: Too long: may not be more than 262144 bytes']);
    const yaml = await k.file('big.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\n  namespace: shop\n  annotations:\n    big: ${value}\n`);
    for (const extra of [[], ['--server-side']]) {
      const r = await k.run(['apply', ...extra, '-f', yaml]);
      expect([r.code, r.stderr.trim()]).toEqual([1, 'The ConfigMap "big" is invalid: metadata.annotations: Too long: may not be more than 262144 bytes']);
    }
  });

  it('kubectl label: an invalid key is refused by the server, an invalid value already by kubectl, in the same words', async () => {
    const key = await k.run(['label', 'pod', 'web-1', '-n', 'shop', 'bad key=x']);
    expect([key.code, key.stderr.trim()]).toEqual([1, `The Pod "web-1" is invalid: metadata.labels: Invalid value: "bad key": ${NAME_PART_MSG}`]);
    const value = await k.run(['label', 'pod', 'web-1', '-n', 'shop', 'note=a<b']);
    expect(value.code).toBe(1);
    expect(value.stderr).toContain(LABEL_VALUE_MSG);
    expect((await k.run(['label', 'pod', 'web-1', '-n', 'shop', 'note=fine'])).code).toBe(0);
  });

  it('kubectl create (protobuf bodies): names per kind', async () => {
    const cm = await k.run(['create', 'configmap', 'Foo_', '--from-literal=a=1']);
    expect(cm.stderr.trim()).toBe(`error: failed to create configmap: ConfigMap "Foo_" is invalid: metadata.name: Invalid value: "Foo_": ${SUBDOMAIN_MSG}`);
    const nsDots = await k.run(['create', 'namespace', 'a.b']);
    expect(nsDots.stderr.trim()).toBe('The Namespace "a.b" is invalid: metadata.name: Invalid value: "a.b": must not contain dots');
    const svc = await k.run(['create', 'service', 'clusterip', '1web', '--tcp=80']);
    expect(svc.stderr).toContain('Service "1web" is invalid: metadata.name: Invalid value: "1web": a DNS-1035 label must consist of');
  });
});
