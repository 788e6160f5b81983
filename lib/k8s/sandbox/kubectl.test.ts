// Compatibility with the real kubectl, without extra flags: discovery fallbacks, Table output,
// create/patch/delete and `get -w`. kubectl runs as a child process (never synchronously: the
// sandbox serves from this same event loop).
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED_DIR, startSandbox, type Sandbox } from './index';
import { KUBECTL, kubectlSession, waitFor, type KubectlSession } from './kubectl-support';
import { containerLogLines } from './logs';

if (!KUBECTL) console.warn('kubectl.test.ts: skipped because `kubectl` is not on PATH');

let sb: Sandbox;
let k: KubectlSession;
const kubectl = (args: string[], input?: string) => k.run(args, input);
const ok = (args: string[], input?: string) => k.ok(args, input);
const watchOutput = (args: string[]) => k.watch(args);
const file = (name: string, text: string) => k.file(name, text);

describe.skipIf(!KUBECTL)('kubectl against the sandbox', () => {
  beforeAll(async () => {
    sb = await startSandbox({ seed: DEFAULT_SEED_DIR });
    k = await kubectlSession(sb);
  });

  afterAll(async () => {
    await sb?.close();
    await k?.close();
  });

  it('get pods -A lists the seed pods with the usual columns', async () => {
    const out = await ok(['get', 'pods', '-A']);
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(lines.length - 1).toBe(sb.store.list('pods').items.length);
    expect(out).toMatch(/\ndb\s+ogtest-0\s+1\/1\s+Running\s+0\s+/);
    expect(out).toMatch(/\npayments\s+payment-api-\S+\s+0\/1\s+Terminating/);
    expect(out).toMatch(/\ndb\s+mysql-1\s+0\/1\s+CrashLoopBackOff\s+17/);
  });

  it('get pods -o json returns the stored objects', async () => {
    const list = JSON.parse(await ok(['get', 'pods', '-n', 'shop', '-o', 'json']));
    expect(list.kind).toBe('List');
    expect(list.items.map((p: any) => p.metadata.name).sort()).toEqual(sb.store.list('pods', { namespace: 'shop' }).items.map((p) => p.metadata.name).sort());
    expect(list.items[0].apiVersion).toBe('v1');
  });

  it('resolves short names and custom resources', async () => {
    const out = await ok(['get', 'ro', '-A']);
    expect(out).toMatch(/shop\s+frontend\s+Progressing\s+2\s+StepPaused/);
    expect(await ok(['get', 'clonesets.apps.kruise.io', '-n', 'shop', '-o', 'name'])).toBe('cloneset.apps.kruise.io/catalog\n');
    expect(await ok(['get', 'pods', '-n', 'shop', '-l', 'app=redis', '-o', 'name'])).toBe('pod/redis-0\npod/redis-1\npod/redis-2\n');
  });

  it('create -f, patch --type merge and delete a pod, a configmap and a Rollout', async () => {
    const manifests = await file(
      'objects.yaml',
      [
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: kubectl-pod\n  labels: {app: kubectl}\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n',
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kubectl-cm\ndata:\n  a: "1"\n',
        'apiVersion: rollouts.kruise.io/v1beta1\nkind: Rollout\nmetadata:\n  name: kubectl-ro\nspec:\n  workloadRef: {apiVersion: apps/v1, kind: Deployment, name: x}\n  strategy:\n    canary:\n      steps:\n      - traffic: 10%\n',
      ].join('---\n'),
    );
    const created = await ok(['create', '-f', manifests]);
    expect(created).toBe('pod/kubectl-pod created\nconfigmap/kubectl-cm created\nrollout.rollouts.kruise.io/kubectl-ro created\n');
    expect((await kubectl(['create', '-f', manifests])).stderr).toContain('AlreadyExists');

    expect(await ok(['patch', 'pod', 'kubectl-pod', '--type', 'merge', '-p', '{"metadata":{"labels":{"patched":"yes"}}}'])).toBe('pod/kubectl-pod patched\n');
    expect(await ok(['patch', 'configmap', 'kubectl-cm', '--type', 'merge', '-p', '{"data":{"b":"2"}}'])).toBe('configmap/kubectl-cm patched\n');
    expect(await ok(['patch', 'rollout', 'kubectl-ro', '--type', 'merge', '-p', '{"spec":{"disabled":true}}'])).toBe('rollout.rollouts.kruise.io/kubectl-ro patched\n');
    expect(sb.store.get('pods', 'default', 'kubectl-pod')!.metadata.labels).toEqual({ app: 'kubectl', patched: 'yes' });
    expect(sb.store.get('configmaps', 'default', 'kubectl-cm')!.data).toEqual({ a: '1', b: '2' });
    const ro = sb.store.get('rollouts.rollouts.kruise.io', 'default', 'kubectl-ro')!;
    expect((ro.spec as any).disabled).toBe(true);
    expect(ro.metadata.generation).toBe(2);
    expect(await ok(['patch', 'pod', 'kubectl-pod', '-p', '{"metadata":{"annotations":{"smp":"1"}}}'])).toBe('pod/kubectl-pod patched\n');

    expect(await ok(['delete', 'pod', 'kubectl-pod'])).toBe('pod "kubectl-pod" deleted\n');
    expect(await ok(['delete', 'configmap', 'kubectl-cm'])).toBe('configmap "kubectl-cm" deleted\n');
    expect(await ok(['delete', 'rollout', 'kubectl-ro'])).toBe('rollout.rollouts.kruise.io "kubectl-ro" deleted\n');
    expect(sb.store.get('pods', 'default', 'kubectl-pod')).toBeUndefined();
    const missing = await kubectl(['get', 'pod', 'kubectl-pod']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('Error from server (NotFound): pods "kubectl-pod" not found');
  });

  it('apply -f creates and then updates', async () => {
    const p = await file('apply.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\ndata:\n  k: v1\n');
    expect(await ok(['apply', '-f', p])).toBe('configmap/applied created\n');
    await writeFile(p, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\ndata:\n  k: v2\n');
    expect(await ok(['apply', '-f', p])).toBe('configmap/applied configured\n');
    expect(sb.store.get('configmaps', 'default', 'applied')!.data).toEqual({ k: 'v2' });
  });

  it.each([
    ['pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'watched-pod', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }],
    ['configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'watched-cm', namespace: 'default' }, data: { x: '1' } }],
    ['rollouts', { apiVersion: 'rollouts.kruise.io/v1beta1', kind: 'Rollout', metadata: { name: 'watched-ro', namespace: 'default' }, spec: {} }],
  ])('get %s -w prints objects created while it runs', async (resource, obj) => {
    const before = sb.store.subscriberCount;
    const w = watchOutput(['get', resource]);
    try {
      await waitFor(() => sb.store.subscriberCount > before);
      sb.store.create(obj as any);
      await w.until((t) => new RegExp(`\\n${obj.metadata.name}\\s`).test(t));
    } finally {
      await w.stop();
      sb.store.delete(obj as any, 'default', obj.metadata.name);
    }
  });

  it('logs: seeded lines, --tail, -c, and the API server\'s container-choice error', async () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'two-containers', namespace: 'default' }, spec: { containers: [{ name: 'app', image: 'a' }, { name: 'proxy', image: 'p' }] } };
    await ok(['create', '-f', '-'], JSON.stringify(pod));
    // The API server creates it Pending (no logs yet); the sandbox has no kubelet, so start it here.
    const running = (name: string) => ({ name, ready: true, restartCount: 0, state: { running: { startedAt: new Date().toISOString() } } });
    const created = sb.store.get('pods', 'default', 'two-containers')!;
    sb.store.update({ ...created, status: { phase: 'Running', containerStatuses: [running('app'), running('proxy')] } }, { subresource: 'status' });
    try {
      const all = await ok(['logs', 'two-containers', '-c', 'app']);
      expect(all).toBe(containerLogLines('default', 'two-containers', 'app').map((l) => l + '\n').join(''));
      expect(await ok(['logs', 'two-containers', '-c', 'proxy', '--tail=2'])).toBe(containerLogLines('default', 'two-containers', 'proxy').slice(-2).map((l) => l + '\n').join(''));
      expect(await ok(['logs', 'pod/two-containers', '-c', 'app', '--tail=1', '--timestamps'])).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000000000Z INFO|^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000000000Z (WARN|DEBUG|ERROR)/);
      // kubectl logs picks a default container itself; the raw API call without one gets the server's 400
      const raw400 = await kubectl(['get', '--raw', '/api/v1/namespaces/default/pods/two-containers/log']);
      expect(raw400.code).not.toBe(0);
      expect(raw400.stderr).toContain('a container name must be specified for pod two-containers, choose one of: [app proxy]');
      const missing = await kubectl(['logs', 'nope-pod']);
      expect(missing.code).not.toBe(0);
      expect(missing.stderr).toContain('pods "nope-pod" not found');
      const wrong = await kubectl(['logs', 'two-containers', '-c', 'nope']);
      expect(wrong.code).not.toBe(0);
      expect(wrong.stderr).toContain('container nope is not valid for pod two-containers');
    } finally {
      sb.store.delete(pod as any, 'default', 'two-containers');
    }
  });
});
