// The everyday kubectl verbs against the sandbox, with the real kubectl (1.32 sends built-in kinds
// as protobuf). Each verb is checked by the state it leaves in the sandbox, not by its exit code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from './index';
import { KUBECTL, kubectlSession, waitFor, type KubectlSession } from './kubectl-support';
import { containerLogLines } from './logs';
import type { K8sObject } from './store';

if (!KUBECTL) console.warn('kubectl-verbs.test.ts: skipped because `kubectl` is not on PATH');

let sb: Sandbox;
let k: KubectlSession;

const get = (plural: string, name: string, namespace: string | undefined = 'default') => sb.store.get(plural, namespace, name) as (K8sObject & Record<string, any>) | undefined;

/**
 * What kubectl itself would send as JSON for the same generator (`--dry-run=client -o json`), less
 * Go's `"creationTimestamp": null` for the zero time (the protobuf form carries nothing there).
 */
async function clientJson(args: string[]): Promise<Record<string, any>> {
  const [verb, what, ...rest] = args;
  const text = await k.ok([verb, what, '--dry-run=client', '-o', 'json', ...rest]);
  return JSON.parse(text, (key, v) => (key === 'creationTimestamp' && v === null ? undefined : v));
}

/** The sandbox has no kubelet: mark a pod's containers as started so it has logs. */
function startPod(namespace: string, name: string): void {
  const pod = get('pods', name, namespace)!;
  const containers = (pod.spec.containers as { name: string }[]).map((c) => ({ name: c.name, ready: true, restartCount: 0, state: { running: { startedAt: new Date().toISOString() } } }));
  sb.store.update({ ...pod, status: { phase: 'Running', containerStatuses: containers } }, { subresource: 'status' });
}

describe.skipIf(!KUBECTL)('kubectl verbs against the sandbox', () => {
  beforeAll(async () => {
    sb = await startSandbox({ name: 'sandbox' });
    k = await kubectlSession(sb);
  });

  afterAll(async () => {
    await sb?.close();
    await k?.close();
  });

  it('create namespace (protobuf body): a cluster-scoped Namespace, no empty fields', async () => {
    expect(await k.ok(['create', 'namespace', 'verbs'])).toBe('namespace/verbs created\n');
    const ns = get('namespaces', 'verbs', undefined)!;
    expect(ns.metadata).toMatchObject({ name: 'verbs', uid: expect.stringMatching(/^[0-9a-f-]{36}$/), resourceVersion: expect.stringMatching(/^\d+$/), creationTimestamp: expect.any(String) });
    // Go's protobuf writes every non-pointer field; none of those empty strings may reach the object
    expect(Object.entries(ns.metadata).filter(([key, v]) => v === '' || key === 'namespace')).toEqual([]);
    expect(ns.spec).toEqual({});
    expect((await k.run(['create', 'namespace', 'verbs'])).stderr).toContain('Error from server (AlreadyExists): namespaces "verbs" already exists');
  });

  it('create configmap --from-literal and --from-file (binaryData)', async () => {
    const blob = await k.file('blob.bin', Buffer.from([0, 255, 254, 1]));
    const text = await k.file('greeting.txt', 'hello\n');
    expect(await k.ok(['create', 'configmap', 'settings', '--from-literal=a=1', '--from-literal=b=two', `--from-file=${text}`, `--from-file=${blob}`])).toBe('configmap/settings created\n');
    const cm = get('configmaps', 'settings')!;
    expect(cm.data).toEqual({ a: '1', b: 'two', 'greeting.txt': 'hello\n' });
    expect(cm.binaryData).toEqual({ 'blob.bin': Buffer.from([0, 255, 254, 1]).toString('base64') });
    expect(cm.metadata.namespace).toBe('default');
  });

  it.each([
    ['deployment', ['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2', '--port=8080'], 'deployments'],
    ['deployment with 0 replicas', ['create', 'deployment', 'idle', '--image=nginx:1.27', '--replicas=0'], 'deployments'],
    ['service', ['create', 'service', 'clusterip', 'web', '--tcp=80:8080', '--tcp=443:https'], 'services'],
    ['job', ['create', 'job', 'once', '--image=busybox', '--', 'echo', 'hi'], 'jobs'],
    ['cronjob', ['create', 'cronjob', 'nightly', '--image=busybox', '--schedule=0 3 * * *', '--', 'date'], 'cronjobs'],
  ])('create %s: the stored spec is what kubectl would have sent as JSON', async (_, args, plural) => {
    const expected = await clientJson(args);
    await k.ok(args);
    const name = expected.metadata.name;
    const stored = get(plural, name)!;
    expect(stored.spec).toEqual(expected.spec);
    expect(stored.metadata.labels).toEqual(expected.metadata.labels);
    expect(stored.metadata.generation).toBe(1);
  });

  it('run: a Pod with image, labels, env, port and args; Pending until a kubelet would start it', async () => {
    const args = ['run', 'runner', '--image=busybox:1.36', '--labels=app=runner,tier=batch', '--env=MODE=test', '--port=8080', '--', 'sleep', '3600'];
    const expected = await clientJson(args);
    expect(await k.ok(args)).toBe('pod/runner created\n');
    const pod = get('pods', 'runner')!;
    expect(pod.spec).toEqual(expected.spec);
    expect(pod.spec.containers[0]).toMatchObject({ name: 'runner', image: 'busybox:1.36', args: ['sleep', '3600'], env: [{ name: 'MODE', value: 'test' }], ports: [{ containerPort: 8080 }] });
    expect(pod.metadata.labels).toEqual({ app: 'runner', tier: 'batch' });
    expect(pod.status.phase).toBe('Pending');
  });

  it('label and annotate: add, overwrite, remove', async () => {
    await k.ok(['create', 'configmap', 'tagged', '--from-literal=k=v']);
    expect(await k.ok(['label', 'configmap', 'tagged', 'team=shop', 'tier=web'])).toBe('configmap/tagged labeled\n');
    expect(get('configmaps', 'tagged')!.metadata.labels).toEqual({ team: 'shop', tier: 'web' });
    const clash = await k.run(['label', 'configmap', 'tagged', 'team=ads']);
    expect(clash.code).not.toBe(0);
    expect(clash.stderr).toContain("'team' already has a value (shop), and --overwrite is false");
    await k.ok(['label', 'configmap', 'tagged', 'team=ads', '--overwrite']);
    await k.ok(['label', 'configmap', 'tagged', 'tier-']);
    expect(get('configmaps', 'tagged')!.metadata.labels).toEqual({ team: 'ads' });

    expect(await k.ok(['annotate', 'configmap', 'tagged', 'owner=alice', 'note=first draft'])).toBe('configmap/tagged annotated\n');
    expect(get('configmaps', 'tagged')!.metadata.annotations).toEqual({ owner: 'alice', note: 'first draft' });
    await k.ok(['annotate', 'configmap', 'tagged', 'owner=bob', '--overwrite']);
    await k.ok(['annotate', 'configmap', 'tagged', 'note-']);
    expect(get('configmaps', 'tagged')!.metadata.annotations).toEqual({ owner: 'bob' });
    // label on a selection: every matching object
    await k.ok(['create', 'configmap', 'tagged-2', '--from-literal=k=v']);
    await k.ok(['label', 'configmap', 'tagged-2', 'team=ads']);
    expect(await k.ok(['label', 'configmap', '-l', 'team=ads', 'reviewed=yes'])).toBe('configmap/tagged labeled\nconfigmap/tagged-2 labeled\n');
    expect(get('configmaps', 'tagged-2')!.metadata.labels).toEqual({ team: 'ads', reviewed: 'yes' });
  });

  it('scale: deployments, statefulsets and replicasets through the scale subresource', async () => {
    await k.ok(['create', 'deployment', 'scaled', '--image=nginx', '--replicas=1']);
    expect(await k.ok(['scale', 'deployment', 'scaled', '--replicas=4'])).toBe('deployment.apps/scaled scaled\n');
    let d = get('deployments', 'scaled')!;
    expect(d.spec.replicas).toBe(4);
    expect(d.metadata.generation).toBe(2);
    // --current-replicas: GET the Scale, then PUT it with its resourceVersion
    await k.ok(['scale', 'deployment', 'scaled', '--current-replicas=4', '--replicas=0']);
    expect(get('deployments', 'scaled')!.spec.replicas).toBe(0);
    const stale = await k.run(['scale', 'deployment', 'scaled', '--current-replicas=3', '--replicas=1']);
    expect(stale.code).not.toBe(0);
    expect(stale.stderr).toContain('Expected replicas to be 3, was 0');
    expect(get('deployments', 'scaled')!.spec.replicas).toBe(0);

    const scale = JSON.parse(await k.ok(['get', '--raw', '/apis/apps/v1/namespaces/default/deployments/scaled/scale']));
    d = get('deployments', 'scaled')!;
    expect(scale).toEqual({
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      metadata: { name: 'scaled', namespace: 'default', uid: d.metadata.uid, resourceVersion: d.metadata.resourceVersion, creationTimestamp: d.metadata.creationTimestamp },
      spec: {},
      status: { replicas: 0, selector: 'app=scaled' },
    });

    sb.store.create({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db', namespace: 'default' }, spec: { replicas: 1, selector: { matchLabels: { app: 'db' } } } });
    sb.store.create({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'rs', namespace: 'default' }, spec: { replicas: 1, selector: { matchLabels: { app: 'rs' } } } });
    expect(await k.ok(['scale', 'statefulset/db', 'replicaset/rs', '--replicas=3'])).toBe('statefulset.apps/db scaled\nreplicaset.apps/rs scaled\n');
    expect([get('statefulsets.apps', 'db')!.spec.replicas, get('replicasets', 'rs')!.spec.replicas]).toEqual([3, 3]);
    const negative = await k.run(['scale', 'deployment', 'scaled', '--replicas=-1']);
    expect(negative.code).not.toBe(0);
    expect(get('deployments', 'scaled')!.spec.replicas).toBe(0);
  });

  it('apply: creates, configures (three-way merge removes what the file dropped), keeps last-applied', async () => {
    const p = await k.file('apply.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\n  labels: {app: shop}\ndata:\n  a: "1"\n  b: "2"\n');
    expect(await k.ok(['apply', '-f', p])).toBe('configmap/applied created\n');
    let cm = get('configmaps', 'applied')!;
    expect(cm.data).toEqual({ a: '1', b: '2' });
    expect(JSON.parse(cm.metadata.annotations!['kubectl.kubernetes.io/last-applied-configuration']).data).toEqual({ a: '1', b: '2' });
    await k.file('apply.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\n  labels: {app: shop}\ndata:\n  a: "10"\n');
    expect(await k.ok(['apply', '-f', p])).toBe('configmap/applied configured\n');
    cm = get('configmaps', 'applied')!;
    expect(cm.data).toEqual({ a: '10' });
    expect(cm.metadata.labels).toEqual({ app: 'shop' });
    expect(await k.ok(['apply', '-f', p])).toBe('configmap/applied unchanged\n');

    const dep = (image: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: applied-web\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: applied-web}}\n  template:\n    metadata: {labels: {app: applied-web}}\n    spec:\n      containers: [{name: app, image: "${image}"}]\n`;
    const d = await k.file('dep.yaml', dep('nginx:1.26'));
    await k.ok(['apply', '-f', d]);
    await k.file('dep.yaml', dep('nginx:1.27'));
    expect(await k.ok(['apply', '-f', d])).toBe('deployment.apps/applied-web configured\n');
    const web = get('deployments', 'applied-web')!;
    expect(web.spec.template.spec.containers).toEqual([{ name: 'app', image: 'nginx:1.27' }]);
    expect(web.metadata.generation).toBe(2);
  });

  it('apply --server-side: creates and updates', async () => {
    const p = await k.file('ssa.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\ndata:\n  mode: one\n');
    expect(await k.ok(['apply', '--server-side', '-f', p])).toBe('configmap/ssa serverside-applied\n');
    expect(get('configmaps', 'ssa')!.data).toEqual({ mode: 'one' });
    await k.file('ssa.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\n  labels: {owner: ssa}\ndata:\n  mode: two\n');
    expect(await k.ok(['apply', '--server-side', '--field-manager=studio', '-f', p])).toBe('configmap/ssa serverside-applied\n');
    const cm = get('configmaps', 'ssa')!;
    expect(cm.data).toEqual({ mode: 'two' });
    expect(cm.metadata.labels).toEqual({ owner: 'ssa' });
  });

  it('replace: a full update; a stale resourceVersion is a Conflict; --force recreates', async () => {
    await k.ok(['create', 'configmap', 'replaced', '--from-literal=k=v1']);
    const yaml = await k.ok(['get', 'configmap', 'replaced', '-o', 'yaml']);
    const p = await k.file('replace.yaml', yaml.replace('k: v1', 'k: v2'));
    expect(await k.ok(['replace', '-f', p])).toBe('configmap/replaced replaced\n');
    const cm = get('configmaps', 'replaced')!;
    expect(cm.data).toEqual({ k: 'v2' });
    // the file still carries the old resourceVersion
    const stale = await k.run(['replace', '-f', p]);
    expect(stale.code).not.toBe(0);
    expect(stale.stderr).toContain('Error from server (Conflict): error when replacing');
    expect(stale.stderr).toContain('Operation cannot be fulfilled on configmaps "replaced": the object has been modified; please apply your changes to the latest version and try again');
    expect(get('configmaps', 'replaced')!.data).toEqual({ k: 'v2' });
    const forced = await k.file('force.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: replaced\ndata:\n  k: v3\n');
    await k.ok(['replace', '--force', '-f', forced]);
    const recreated = get('configmaps', 'replaced')!;
    expect(recreated.data).toEqual({ k: 'v3' });
    expect(recreated.metadata.uid).not.toBe(cm.metadata.uid);
  });

  it('delete: by name, by file, by label, and a namespace with what it holds', async () => {
    await k.ok(['create', 'configmap', 'gone-1', '--from-literal=k=v']);
    expect(await k.ok(['delete', 'configmap', 'gone-1'])).toBe('configmap "gone-1" deleted\n');
    expect(get('configmaps', 'gone-1')).toBeUndefined();

    const p = await k.file('gone.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: gone-2\ndata: {k: v}\n');
    await k.ok(['create', '-f', p]);
    expect(await k.ok(['delete', '-f', p])).toBe('configmap "gone-2" deleted\n');
    expect(get('configmaps', 'gone-2')).toBeUndefined();

    for (const n of ['sweep-a', 'sweep-b', 'keep']) await k.ok(['create', 'configmap', n, '--from-literal=k=v']);
    await k.ok(['label', 'configmap', 'sweep-a', 'sweep-b', 'sweep=yes']);
    expect(await k.ok(['delete', 'configmap', '-l', 'sweep=yes'])).toBe('configmap "sweep-a" deleted\nconfigmap "sweep-b" deleted\n');
    expect([get('configmaps', 'sweep-a'), get('configmaps', 'sweep-b')]).toEqual([undefined, undefined]);
    expect(get('configmaps', 'keep')).toBeDefined();

    await k.ok(['create', 'deployment', 'doomed', '--image=nginx']);
    expect(await k.ok(['delete', 'deployment', 'doomed', '--cascade=foreground'])).toBe('deployment.apps "doomed" deleted\n');
    expect(get('deployments', 'doomed')).toBeUndefined();

    await k.ok(['create', 'namespace', 'temp']);
    await k.ok(['create', 'configmap', 'inside', '-n', 'temp', '--from-literal=k=v']);
    expect(await k.ok(['delete', 'namespace', 'temp'])).toBe('namespace "temp" deleted\n');
    expect([get('namespaces', 'temp', undefined), get('configmaps', 'inside', 'temp')]).toEqual([undefined, undefined]);
    const missing = await k.run(['delete', 'configmap', 'never-was']);
    expect(missing.stderr).toContain('Error from server (NotFound): configmaps "never-was" not found');
  });

  it('get -w: prints the object, then each change made by other kubectl verbs', async () => {
    await k.ok(['create', 'configmap', 'watched', '--from-literal=k=v']);
    const before = sb.store.subscriberCount;
    const w = k.watch(['get', 'configmap', 'watched', '--output-watch-events']);
    try {
      await waitFor(() => sb.store.subscriberCount > before);
      await w.until((t) => /ADDED\s+watched\s/.test(t));
      await k.ok(['label', 'configmap', 'watched', 'seen=yes']);
      await w.until((t) => /MODIFIED\s+watched\s/.test(t));
      await k.ok(['delete', 'configmap', 'watched']);
      await w.until((t) => /DELETED\s+watched\s/.test(t));
    } finally {
      await w.stop();
    }
    expect(get('configmaps', 'watched')).toBeUndefined();
  });

  it('logs: a pod by name and a deployment by its pods', async () => {
    await k.ok(['create', 'deployment', 'logged', '--image=nginx']);
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'logged-abc12', labels: { app: 'logged' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } };
    await k.ok(['create', '-f', '-'], JSON.stringify(pod));
    startPod('default', 'logged-abc12');
    const lines = containerLogLines('default', 'logged-abc12', 'nginx');
    expect(await k.ok(['logs', 'logged-abc12'])).toBe(lines.map((l) => `${l}\n`).join(''));
    expect(await k.ok(['logs', 'deployment/logged', '--tail=3'])).toBe(lines.slice(-3).map((l) => `${l}\n`).join(''));
    expect(await k.ok(['logs', '-l', 'app=logged', '--tail=1'])).toBe(`${lines.at(-1)}\n`);
  });

  it('auth can-i (protobuf SelfSubjectAccessReview): the admin may, the read-only context may only read', async () => {
    expect(await k.ok(['auth', 'can-i', 'create', 'deployments'])).toBe('yes\n');
    expect(await k.ok(['auth', 'can-i', 'patch', 'deployments', '--subresource=scale', '-n', 'shop'])).toBe('yes\n');
    const ro = ['--context', 'sandbox-readonly'];
    expect(await k.ok([...ro, 'auth', 'can-i', 'list', 'pods', '-A'])).toBe('yes\n');
    const no = await k.run([...ro, 'auth', 'can-i', 'create', 'configmaps']);
    expect([no.code, no.stdout]).toEqual([1, 'no\n']);
    expect((await k.ok(['auth', 'can-i', '--list'])).split('\n')[0]).toMatch(/^Resources\s+Non-Resource URLs\s+Resource Names\s+Verbs$/);

    // what can-i says is what the verbs get
    await k.ok(['create', 'deployment', 'guarded', '--image=nginx']);
    const denied = await k.run([...ro, 'scale', 'deployment', 'guarded', '--replicas=5']);
    expect(denied.code).not.toBe(0);
    expect(denied.stderr).toContain('cannot patch resource "deployments/scale" in API group "apps" in the namespace "default"');
    const denied2 = await k.run([...ro, 'create', 'namespace', 'nope']);
    expect(denied2.stderr).toContain('Error from server (Forbidden)');
    expect(get('deployments', 'guarded')!.spec.replicas).toBe(1);
    expect(get('namespaces', 'nope', undefined)).toBeUndefined();
    expect(JSON.parse(await k.ok([...ro, 'get', 'deployment', 'guarded', '-o', 'json'])).spec.replicas).toBe(1);
  });
});
