// A pod created through the API gets the status a real API server gives it (phase Pending, QoS
// class), so `kubectl get pod` and the studio say Pending, not Unknown.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreV1Api, type V1Pod } from '@kubernetes/client-node';
import { sandboxKubeconfig, startSandbox, type K8sObject, type Sandbox } from './index';
import { podQosClass, prepareForCreate, quantityValue } from './pod-create';
import { kubeConfigFor, ns, raw } from './test-support';

const pod = (name: string, containers: object[] = [{ name: 'app', image: 'nginx' }], extra: object = {}): K8sObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers, ...extra } });
const res = (requests?: object, limits?: object) => ({ name: 'c', image: 'x', resources: { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) } });

describe('quantityValue', () => {
  it.each([['100m', 0.1], ['1', 1], ['0.5', 0.5], ['128Mi', 128 * 2 ** 20], ['1G', 1e9], ['1e3', 1000]])('%s', (q, v) => expect(quantityValue(q)).toBeCloseTo(v));
  it('is NaN for garbage', () => expect(quantityValue('lots')).toBeNaN());
});

describe('podQosClass', () => {
  it.each([
    ['no resources', [{ name: 'c' }], 'BestEffort'],
    ['requests only', [res({ cpu: '100m' })], 'Burstable'],
    ['limits equal requests for cpu and memory', [res({ cpu: '1', memory: '1Gi' }, { cpu: '1000m', memory: '1024Mi' })], 'Guaranteed'],
    ['limits only (requests default to them)', [res(undefined, { cpu: '1', memory: '1Gi' })], 'Guaranteed'],
    ['limits above requests', [res({ cpu: '500m', memory: '1Gi' }, { cpu: '1', memory: '1Gi' })], 'Burstable'],
    ['one container without memory limit', [res(undefined, { cpu: '1', memory: '1Gi' }), res(undefined, { cpu: '1' })], 'Burstable'],
    ['zero quantities count as none', [res({ cpu: '0' })], 'BestEffort'],
  ])('%s → %s', (_name, containers, qos) => {
    expect(podQosClass(pod('p', containers))).toBe(qos);
  });
});

describe('prepareForCreate', () => {
  it('replaces the client status of a pod, leaves other kinds alone', () => {
    const created = prepareForCreate({ group: '', kind: 'Pod' }, { ...pod('p'), status: { phase: 'Running', podIP: '1.2.3.4' } });
    expect(created.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, status: { x: 1 } };
    expect(prepareForCreate({ group: '', kind: 'ConfigMap' }, cm)).toBe(cm);
  });

  it('adds the SchedulingGated condition for gated pods', () => {
    const created = prepareForCreate({ group: '', kind: 'Pod' }, pod('p', undefined, { schedulingGates: [{ name: 'example.com/wait' }] }));
    expect(created.status).toMatchObject({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] });
  });
});

describe('creating pods through the sandbox API', () => {
  let sb: Sandbox;
  let core: CoreV1Api;
  beforeAll(async () => {
    sb = await startSandbox({ objects: [ns('default')] });
    core = kubeConfigFor(sb).makeApiClient(CoreV1Api);
  });
  afterAll(() => sb.close());

  it('POST gives phase Pending and the QoS class, dropping the status the client sent', async () => {
    const body = { ...pod('fresh', [res({ cpu: '100m' })]), status: { phase: 'Running' } };
    const created = await core.createNamespacedPod({ namespace: 'default', body: body as unknown as V1Pod });
    expect(created.status).toEqual({ phase: 'Pending', qosClass: 'Burstable' });
    expect(sb.store.get('pods', 'default', 'fresh')?.status).toEqual({ phase: 'Pending', qosClass: 'Burstable' });
  });

  it('has no logs yet, as on a cluster: its container is still being created', async () => {
    const r = await raw(sb, 'GET', '/api/v1/namespaces/default/pods/fresh/log');
    expect(r.status).toBe(400);
    expect(r.json().message).toBe('container "c" in pod "fresh" is waiting to start: ContainerCreating');
  });

  it('server-side apply that creates does the same', async () => {
    const r = await raw(sb, 'PATCH', '/api/v1/namespaces/default/pods/applied?fieldManager=test', {
      body: JSON.stringify(pod('applied')),
      contentType: 'application/apply-patch+yaml',
    });
    expect(r.status).toBe(201);
    expect(r.json().status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  const kubectl = (process.env.PATH ?? '').split(delimiter).map((d) => join(d, 'kubectl')).find((p) => existsSync(p));
  it.skipIf(!kubectl)('kubectl get pod shows Pending', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sandbox-pod-create-'));
    try {
      const kubeconfig = join(dir, 'kubeconfig');
      await writeFile(kubeconfig, sandboxKubeconfig([{ name: 'sandbox', sandbox: sb, namespace: 'default' }], 'sandbox'));
      await writeFile(join(dir, 'pod.json'), JSON.stringify(pod('via-kubectl')));
      const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: dir, KUBECONFIG: kubeconfig, NODE_ENV: 'test' };
      const run = (args: string[]) => new Promise<string>((resolve, reject) => execFile(kubectl!, args, { env }, (err: Error | null, stdout: string, stderr: string) => (err ? reject(new Error(stderr || String(err))) : resolve(stdout))));
      await run(['create', '-f', join(dir, 'pod.json')]);
      expect(await run(['get', 'pod', 'via-kubectl'])).toMatch(/\nvia-kubectl\s+0\/1\s+Pending\s+0\s+/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
