import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containerLogLines, LOG_LINE_INTERVAL_MS, podLog } from './logs';
import { ApiError } from './status';
import { startSandbox, type Sandbox } from './index';
import { raw, testPod } from './test-support';
import type { K8sObject } from './store';

const twoContainers = testPod('web-1', 'demo', {}, { spec: { containers: [{ name: 'app', image: 'a' }, { name: 'proxy', image: 'p' }], initContainers: [{ name: 'init', image: 'i' }] } }) as K8sObject;
const single = testPod('one', 'demo') as K8sObject;
const now = Date.parse('2026-12-01T12:00:07Z');

function apiError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('sandbox pod logs', () => {
  it('are seeded: the same lines for a pod/container every time, different per container', () => {
    const a = containerLogLines('demo', 'web-1', 'app');
    expect(containerLogLines('demo', 'web-1', 'app')).toEqual(a);
    expect(containerLogLines('demo', 'web-1', 'proxy')).not.toEqual(a);
    expect(a[0]).toBe('INFO  starting app in pod demo/web-1');
    expect(a.length).toBeGreaterThanOrEqual(12);
    expect(podLog(single, {}, now)).toBe(containerLogLines('demo', 'one', 'app').map((l) => l + '\n').join(''));
  });

  it('tailLines, sinceSeconds, timestamps and limitBytes cut and stamp the lines as the API server does', () => {
    const lines = containerLogLines('demo', 'one', 'app');
    expect(podLog(single, { tailLines: 2 }, now)).toBe(lines.slice(-2).join('\n') + '\n');
    expect(podLog(single, { tailLines: 0 }, now)).toBe('');
    // lines are 15 s apart, the last at 12:00:00: 20 s before 12:00:07 (11:59:47) keeps one, 23 s (11:59:44) two
    expect(podLog(single, { sinceSeconds: 20 }, now)).toBe(lines.slice(-1).join('\n') + '\n');
    expect(podLog(single, { sinceSeconds: 23 }, now).split('\n').filter(Boolean)).toHaveLength(2);
    expect(podLog(single, { tailLines: 1, timestamps: true }, now)).toBe(`2026-12-01T12:00:00.000000000Z ${lines.at(-1)}\n`);
    expect(podLog(single, { tailLines: 2, timestamps: true }, now)).toMatch(/^2026-12-01T11:59:45\.000000000Z /);
    expect(LOG_LINE_INTERVAL_MS).toBe(15_000);
    expect(podLog(single, { limitBytes: 5 }, now)).toBe('INFO ');
  });

  it('a multi-container pod needs a container name, as Kubernetes answers', () => {
    const e = apiError(() => podLog(twoContainers, {}, now));
    expect(e.code).toBe(400);
    expect(e.message).toBe('a container name must be specified for pod web-1, choose one of: [app proxy] or one of the init containers: [init]');
    expect(podLog(twoContainers, { container: 'proxy', tailLines: 1 }, now)).toBe(containerLogLines('demo', 'web-1', 'proxy').at(-1) + '\n');
    expect(apiError(() => podLog(twoContainers, { container: 'nope' }, now)).message).toBe('container nope is not valid for pod web-1');
  });

  it('validates options (422) and answers 400 for waiting containers and a missing previous instance', () => {
    const bad = apiError(() => podLog(single, { tailLines: -1 }, now));
    expect([bad.code, bad.message]).toEqual([422, 'PodLogOptions "one" is invalid: tailLines: Invalid value: -1: must be greater than or equal to 0']);
    expect(apiError(() => podLog(single, { sinceSeconds: 0 }, now)).code).toBe(422);
    const pending = { ...single, status: { phase: 'Pending', containerStatuses: [{ name: 'app', state: { waiting: { reason: 'ImagePullBackOff' } } }] } } as K8sObject;
    expect(apiError(() => podLog(pending, {}, now)).message).toBe('container "app" in pod "one" is waiting to start: ImagePullBackOff');
    expect(apiError(() => podLog(single, { previous: true }, now)).message).toBe('previous terminated container "app" in pod "one" not found');
    const restarted = { ...single, status: { phase: 'Running', containerStatuses: [{ name: 'app', restartCount: 3, state: { running: {} } }] } } as K8sObject;
    expect(podLog(restarted, { previous: true, tailLines: 1 }, now)).toBe('ERROR fatal: out of memory, exiting\n');
  });
});

describe('GET pods/{name}/log over HTTP', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ objects: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'demo' } }, twoContainers, single], denyResources: [] });
  });
  afterAll(() => sb?.close());

  it('serves text/plain, 400 and 404 Status bodies, and refuses writes', async () => {
    const ok = await raw(sb, 'GET', '/api/v1/namespaces/demo/pods/web-1/log?container=app&tailLines=3');
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toBe('text/plain');
    expect(ok.text).toBe(containerLogLines('demo', 'web-1', 'app').slice(-3).join('\n') + '\n');
    const choose = await raw(sb, 'GET', '/api/v1/namespaces/demo/pods/web-1/log');
    expect(choose.status).toBe(400);
    expect(choose.json()).toMatchObject({ kind: 'Status', code: 400, reason: 'BadRequest', message: expect.stringContaining('a container name must be specified for pod web-1') });
    const missing = await raw(sb, 'GET', '/api/v1/namespaces/demo/pods/nope/log');
    expect(missing.status).toBe(404);
    expect(missing.json()).toMatchObject({ reason: 'NotFound', message: 'pods "nope" not found' });
    expect((await raw(sb, 'GET', '/api/v1/namespaces/demo/pods/one/log?tailLines=x')).status).toBe(400);
    expect((await raw(sb, 'POST', '/api/v1/namespaces/demo/pods/one/log', { body: {} })).status).toBe(405);
    expect((await raw(sb, 'GET', '/api/v1/namespaces/demo/configmaps/x/log')).status).toBe(404);
  });

  it('RBAC-like denial names pods/log', async () => {
    const denied = await startSandbox({ objects: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'demo' } }, single], denyResources: ['pods/log'] });
    try {
      const r = await raw(denied, 'GET', '/api/v1/namespaces/demo/pods/one/log');
      expect(r.status).toBe(403);
      expect(r.json().message).toMatch(/cannot get resource "pods\/log" in API group "" in the namespace "demo"/);
      expect((await raw(denied, 'GET', '/api/v1/namespaces/demo/pods/one')).status).toBe(200);
    } finally {
      await denied.close();
    }
  });
});
