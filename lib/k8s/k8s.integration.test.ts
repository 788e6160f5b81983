// lib/k8s against a sandbox cluster over HTTPS, loaded through KUBECONFIG like a real cluster.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreV1Api } from '@kubernetes/client-node';
import { startSandbox, type Sandbox } from './sandbox';
import { useSandboxKubeconfig } from './testing/sandbox-kubeconfig';
import { kindByKey, type KindDef } from './kinds';
import { parseKindSpec } from './kind-spec';
import { clusterClient, getObject, KubeRequestError, listObjects, patchObject, probeVersion } from './client';
import { watchStream } from './watch-stream';
import { watchResponse } from './watch-response';
import { clusterInfo } from './cluster-info';
import { EventReader } from './testing/event-reader';
import type { WatchEvent } from './types';

const pods = kindByKey('pods')!;
const deployments = kindByKey('deployments.apps')!;
const rollouts = kindByKey('rollouts.rollouts.kruise.io')!;
const configmaps = kindByKey('configmaps')!;

function pod(name: string, namespace = 'shop', labels: Record<string, string> = { app: 'web' }) {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels }, spec: { containers: [{ name: 'c', image: 'nginx' }] }, status: { phase: 'Running' } };
}

let sb: Sandbox;
let cleanup: (() => Promise<void>) | undefined;
const CTX = 'sandbox';
const fast = { backoff: { initialMs: 100, maxMs: 400 }, slowRetryMs: 60_000 };

beforeAll(async () => {
  sb = await startSandbox({
    name: CTX,
    denyResources: ['configmaps'],
    bookmarkIntervalMs: 200,
    objects: [
      pod('web-1'),
      pod('web-2'),
      pod('db-1', 'data', { app: 'db' }),
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' } }, spec: { replicas: 2 } },
      { apiVersion: 'rollouts.kruise.io/v1beta1', kind: 'Rollout', metadata: { name: 'web', namespace: 'shop' }, spec: { workloadRef: { kind: 'Deployment', name: 'web' } } },
    ],
  });
  cleanup = useSandboxKubeconfig(sb, CTX, 'kls-int-');
});

afterAll(async () => {
  await cleanup?.();
});

function open(kinds: KindDef[], namespace = '') {
  const ac = new AbortController();
  const reader = new EventReader(watchStream({ context: CTX, namespace, kinds, signal: ac.signal, ...fast })[Symbol.asyncIterator]());
  return { reader, close: () => ac.abort() };
}

const isSnapshot = (kind: string) => (e: WatchEvent) => e.kind === kind && e.type === 'snapshot';
const isStatus = (kind: string, state: string) => (e: WatchEvent) => e.kind === kind && e.type === 'status' && e.state === state;
const isChange = (type: string, name: string) => (e: WatchEvent) => e.type === type && 'object' in e && e.object.metadata.name === name;

describe('client functions', () => {
  it('lists core, apps and CRD kinds, in one namespace or all, with apiVersion/kind filled in', async () => {
    const all = await listObjects(CTX, pods);
    expect(all.items.map((p) => p.metadata.name).sort()).toEqual(['db-1', 'web-1', 'web-2']);
    expect(all.items[0]).toMatchObject({ apiVersion: 'v1', kind: 'Pod' });
    expect(all.resourceVersion).toMatch(/^\d+$/);
    const shop = await listObjects(CTX, pods, { namespace: 'shop', labelSelector: 'app=web' });
    expect(shop.items).toHaveLength(2);
    expect((await listObjects(CTX, deployments, { namespace: 'shop' })).items[0]).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment' });
    expect((await listObjects(CTX, rollouts)).items[0].metadata.name).toBe('web');
  });

  it('lists a CRD given as a custom group/version/plural spec', async () => {
    const spec = parseKindSpec('rollouts.kruise.io/v1beta1/rollouts');
    expect(spec.ok).toBe(true);
    if (!spec.ok) return;
    const r = await listObjects(CTX, spec.kind, { namespace: 'shop' });
    expect(r.items.map((o) => o.metadata.name)).toEqual(['web']);
  });

  it('gets an object and maps a missing one to 404 with a readable message', async () => {
    const p = await getObject(CTX, pods, 'web-1', 'shop');
    expect(p.metadata.uid).toBeTruthy();
    expect(p.metadata).not.toHaveProperty('managedFields');
    const err = await getObject(CTX, pods, 'nope', 'shop').catch((e) => e);
    expect(err).toBeInstanceOf(KubeRequestError);
    expect(err.error).toMatchObject({ code: 404 });
    expect(err.message).toContain('"nope"');
  });

  it('merge-patches (null removes a key) on core and CRD kinds', async () => {
    const patched = await patchObject(CTX, pods, 'web-2', 'shop', { metadata: { labels: { tier: 'front', app: null } } });
    expect(patched.metadata.labels).toEqual({ tier: 'front' });
    const ro = await patchObject(CTX, rollouts, 'web', 'shop', { spec: { strategy: { canary: { steps: [{ weight: 20 }] } } } });
    expect(ro.spec).toMatchObject({ workloadRef: { name: 'web' }, strategy: { canary: { steps: [{ weight: 20 }] } } });
  });

  it('maps a denied resource to 403 naming the verb and resource', async () => {
    const err = await listObjects(CTX, configmaps, { namespace: 'shop' }).catch((e) => e);
    expect(err.error.code).toBe(403);
    expect(err.message).toMatch(/list configmaps in namespace "shop"/);
  });

  it('probes /version', async () => {
    const probe = await probeVersion(CTX);
    expect(probe.ok).toBe(true);
    expect(probe.version).toMatch(/^v\d+\.\d+/);
  });

  it('reports /api/cluster info for the loaded kubeconfig', async () => {
    const info = await clusterInfo(undefined);
    expect(info.current).toBe(CTX);
    expect(info.contexts.map((c) => c.name)).toEqual([CTX]);
    expect(info.server).toBe(sb.url);
    expect(info.connection.ok).toBe(true);
    expect(info.sandbox).toBe(false); // loaded from KUBECONFIG, not the bootstrap
    expect(info.problems).toEqual([]);
  });
});

describe('watch stream', () => {
  it('lists in pages (limit/continue), sends each page as it comes, and watches from the first page\'s version', async () => {
    const ac = new AbortController();
    const reader = new EventReader(watchStream({ context: CTX, namespace: '', kinds: [deployments, pods], signal: ac.signal, pageSize: 2, ...fast })[Symbol.asyncIterator]());
    try {
      const first = await reader.next(isSnapshot('pods'));
      const second = await reader.next(isSnapshot('pods'));
      if (first.type !== 'snapshot' || second.type !== 'snapshot') throw new Error('not snapshots');
      expect(first).toMatchObject({ more: true });
      expect(first.continued).toBeUndefined();
      expect(second).toMatchObject({ continued: true, resourceVersion: first.resourceVersion });
      const names = [...first.items, ...second.items].map((p) => p.metadata.name);
      expect(names.length).toBeGreaterThanOrEqual(3);
      expect(new Set(names).size).toBe(names.length);
      let last = second;
      while (last.more) {
        const next = await reader.next(isSnapshot('pods'));
        if (next.type !== 'snapshot') throw new Error('not a snapshot');
        last = next;
      }
      expect(last.more).toBeUndefined();
      const core = clusterClient(CTX).kc.makeApiClient(CoreV1Api);
      await core.createNamespacedPod({ namespace: 'data', body: pod('paged-1', 'data') as never });
      await reader.next(isChange('ADDED', 'paged-1'), 2000, 'ADDED paged-1');
      await core.deleteNamespacedPod({ name: 'paged-1', namespace: 'data' });
      await reader.next(isChange('DELETED', 'paged-1'), 2000, 'DELETED paged-1');
    } finally {
      ac.abort();
    }
  });

  it('snapshots, then streams ADDED / MODIFIED / DELETED of objects created through the API', async () => {
    const { reader, close } = open([pods], 'shop');
    try {
      const snap = await reader.next(isSnapshot('pods'));
      expect(snap.type === 'snapshot' && snap.items.map((p) => p.metadata.name).sort()).toEqual(['web-1', 'web-2']);
      await reader.next(isStatus('pods', 'live'));

      const core = clusterClient(CTX).kc.makeApiClient(CoreV1Api);
      const t0 = Date.now();
      await core.createNamespacedPod({ namespace: 'shop', body: pod('web-3') as never });
      const added = await reader.next(isChange('ADDED', 'web-3'), 2000, 'ADDED web-3');
      expect(Date.now() - t0).toBeLessThan(2000);
      expect(added.type === 'ADDED' && added.object.metadata).not.toHaveProperty('managedFields');

      await patchObject(CTX, pods, 'web-3', 'shop', { metadata: { labels: { v: '2' } } });
      await reader.next(isChange('MODIFIED', 'web-3'), 2000, 'MODIFIED web-3');

      await core.deleteNamespacedPod({ namespace: 'shop', name: 'web-3' });
      await reader.next(isChange('DELETED', 'web-3'), 2000, 'DELETED web-3');
      // Objects of other namespaces never reach a namespaced stream.
      await core.createNamespacedPod({ namespace: 'data', body: pod('db-2', 'data') as never });
      await core.createNamespacedPod({ namespace: 'shop', body: pod('web-4') as never });
      await reader.next(isChange('ADDED', 'web-4'));
      expect(reader.seen.some(isChange('ADDED', 'db-2'))).toBe(false);
    } finally {
      close();
    }
  });

  it('reports forbidden for a denied kind and keeps the other kinds live', async () => {
    const { reader, close } = open([configmaps, deployments], 'shop');
    try {
      const [st] = await reader.all([isStatus('configmaps', 'forbidden'), isSnapshot('deployments.apps')]);
      expect(st.type === 'status' && st.reason).toMatch(/list configmaps/);
    } finally {
      close();
    }
  });

  it('reports a kind the cluster does not serve as that kind\'s error (scope kind), the others live', async () => {
    const spec = parseKindSpec('example.com/v1/widgets');
    if (!spec.ok) throw new Error(spec.error);
    const widgets = spec.kind;
    const { reader, close } = open([widgets, deployments], 'shop');
    try {
      const [st] = await reader.all([isStatus(widgets.key, 'error'), isSnapshot('deployments.apps')]);
      expect(st).toMatchObject({ scope: 'kind', reason: expect.stringContaining('is its CRD installed?') });
    } finally {
      close();
    }
  });

  it('reconnects after the server goes away (reconnecting → live) without losing changes', async () => {
    const { reader, close } = open([pods], '');
    try {
      await reader.next(isStatus('pods', 'live'));
      await sb.pause();
      const rec = await reader.next(isStatus('pods', 'reconnecting'), 5000, 'reconnecting');
      expect(rec.type === 'status' && rec.attempt).toBeGreaterThanOrEqual(1);
      expect(rec.type === 'status' && rec.retryInMs).toBeGreaterThan(0);
      // A change while we are disconnected is replayed from the last seen resourceVersion.
      sb.store.create(pod('while-down') as never);
      await sb.resume();
      await reader.next(isStatus('pods', 'live'), 5000, 'live again');
      await reader.next(isChange('ADDED', 'while-down'), 5000, 'replayed ADDED');
    } finally {
      close();
    }
  });

  it('re-lists and sends a fresh snapshot after 410 Gone', async () => {
    const { reader, close } = open([pods], '');
    try {
      await reader.next(isStatus('pods', 'live'));
      await sb.pause();
      await reader.next(isStatus('pods', 'reconnecting'));
      sb.store.create(pod('after-compaction') as never);
      sb.store.compact();
      await sb.resume();
      const snap = await reader.next(isSnapshot('pods'), 5000, 'fresh snapshot');
      expect(snap.type === 'snapshot' && snap.items.map((p) => p.metadata.name)).toContain('after-compaction');
      expect(reader.seen.filter(isSnapshot('pods'))).toHaveLength(2);
    } finally {
      close();
    }
  });

  it('keeps the watch going past quiet periods (bookmarks advance the resourceVersion)', async () => {
    const { reader, close } = open([deployments], 'shop');
    try {
      await reader.next(isStatus('deployments.apps', 'live'));
      await new Promise((r) => setTimeout(r, 700));
      await patchObject(CTX, deployments, 'web', 'shop', { spec: { replicas: 3 } });
      await reader.next(isChange('MODIFIED', 'web'));
      expect(reader.seen.filter((e) => e.type === 'snapshot')).toHaveLength(1);
    } finally {
      close();
    }
  });
});

describe('GET /api/watch handler', () => {
  it('streams SSE for the requested kinds and stops when the client disconnects', async () => {
    const ac = new AbortController();
    const res = watchResponse(new Request(`http://localhost/api/watch?context=${CTX}&namespace=shop&kinds=pods,rollouts.kruise.io/v1beta1/rollouts`, { signal: ac.signal }), { ...fast, heartbeatMs: 100 });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = EventReader.fromResponse(res);
    const [crd] = await reader.all([isSnapshot('rollouts.kruise.io/v1beta1/rollouts'), isSnapshot('pods')]);
    expect(crd.type === 'snapshot' && crd.items[0].metadata.name).toBe('web');
    const core = clusterClient(CTX).kc.makeApiClient(CoreV1Api);
    await core.createNamespacedPod({ namespace: 'shop', body: pod('via-sse') as never });
    await reader.next(isChange("ADDED", "via-sse"), 2000, "ADDED via-sse");
    ac.abort();
    await expect(reader.next(() => false, 3000)).rejects.toThrow(/stream ended/);
  });

  it('rejects bad parameters with 400 and an unknown context with per-kind errors', async () => {
    const bad = watchResponse(new Request('http://localhost/api/watch?context=sandbox&kinds=pods,../../etc'));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/etc/);
    const none = watchResponse(new Request('http://localhost/api/watch?context=sandbox&kinds='));
    expect(none.status).toBe(400);
    const unknown = watchResponse(new Request('http://localhost/api/watch?context=prod&kinds=pods'));
    const e = await EventReader.fromResponse(unknown).next(isStatus('pods', 'error'));
    expect(e.type === 'status' && e.reason).toMatch(/"prod"/);
  });
});
