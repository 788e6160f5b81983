// Watch semantics through @kubernetes/client-node's Watch, the way the studio's SSE stream uses it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreV1Api, PatchStrategy, Watch, setHeaderOptions, type V1Pod } from '@kubernetes/client-node';
import { startSandbox, type Sandbox } from './index';
import { kubeConfigFor, ns, raw, testPod } from './test-support';

let sb: Sandbox;
let core: CoreV1Api;
let watch: Watch;

interface Seen {
  type: string;
  name?: string;
  rv?: string;
  object: any;
}

/** Starts a watch and collects events until stopped; `done` resolves when the server ends it. */
async function collect(path: string, query: Record<string, string | number | boolean | undefined>) {
  const events: Seen[] = [];
  let resolveDone!: (err: unknown) => void;
  const done = new Promise<unknown>((r) => (resolveDone = r));
  const controller = await watch.watch(
    path,
    query,
    (type, object) => events.push({ type, name: object?.metadata?.name, rv: object?.metadata?.resourceVersion, object }),
    (err) => resolveDone(err),
  );
  const until = async (pred: (e: Seen[]) => boolean, ms = 5000) => {
    const start = Date.now();
    while (!pred(events)) {
      if (Date.now() - start > ms) throw new Error(`timed out; saw ${JSON.stringify(events.map((e) => [e.type, e.name]))}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return { events, done, until, stop: () => controller.abort() };
}

const merge = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);

beforeAll(async () => {
  sb = await startSandbox({
    objects: [ns('default'), ns('w'), testPod('a', 'w', { app: 'x' }), testPod('b', 'w', { app: 'y' }), testPod('other', 'default', { app: 'x' })],
    bookmarkIntervalMs: 50,
  });
  const kc = kubeConfigFor(sb);
  core = kc.makeApiClient(CoreV1Api);
  watch = new Watch(kc);
});

afterAll(() => sb.close());

describe('watch', () => {
  it('starts with ADDED for current objects when no resourceVersion is given, then streams live events', async () => {
    const w = await collect('/api/v1/namespaces/w/pods', {});
    await w.until((e) => e.length === 2);
    expect(w.events.map((e) => [e.type, e.name])).toEqual([
      ['ADDED', 'a'],
      ['ADDED', 'b'],
    ]);
    await core.createNamespacedPod({ namespace: 'w', body: testPod('c', 'w') as V1Pod });
    await core.createNamespacedPod({ namespace: 'default', body: testPod('elsewhere') as V1Pod });
    await core.patchNamespacedPod({ name: 'c', namespace: 'w', body: { metadata: { labels: { v: '2' } } } }, merge);
    await core.deleteNamespacedPod({ name: 'c', namespace: 'w' });
    await w.until((e) => e.length === 5);
    w.stop();
    expect(w.events.slice(2).map((e) => [e.type, e.name])).toEqual([
      ['ADDED', 'c'],
      ['MODIFIED', 'c'],
      ['DELETED', 'c'],
    ]);
    const rvs = w.events.slice(2).map((e) => Number(e.rv));
    expect(rvs).toEqual([...rvs].sort((x, y) => x - y));
  });

  it('replays every change after a resourceVersion, in order, cluster-wide', async () => {
    const list = await core.listPodForAllNamespaces();
    const from = list.metadata!.resourceVersion!;
    await core.createNamespacedPod({ namespace: 'w', body: testPod('r1', 'w') as V1Pod });
    await core.patchNamespacedPod({ name: 'r1', namespace: 'w', body: { metadata: { labels: { n: '1' } } } }, merge);
    await core.createNamespacedPod({ namespace: 'default', body: testPod('r2') as V1Pod });
    await core.deleteNamespacedPod({ name: 'r1', namespace: 'w' });
    const w = await collect('/api/v1/pods', { resourceVersion: from });
    await w.until((e) => e.length === 4);
    w.stop();
    expect(w.events.map((e) => [e.type, e.name])).toEqual([
      ['ADDED', 'r1'],
      ['MODIFIED', 'r1'],
      ['ADDED', 'r2'],
      ['DELETED', 'r1'],
    ]);
    expect(w.events[1].object.metadata.labels).toEqual({ n: '1' });
  });

  it('sends an ERROR event with a 410 Expired Status for a compacted resourceVersion', async () => {
    const from = (await core.listNamespacedPod({ namespace: 'w' })).metadata!.resourceVersion!;
    await core.createNamespacedPod({ namespace: 'w', body: testPod('gone-1', 'w') as V1Pod });
    sb.store.compact();
    const w = await collect('/api/v1/namespaces/w/pods', { resourceVersion: from });
    const err = await w.done;
    expect(err).toBeNull();
    expect(w.events).toHaveLength(1);
    expect(w.events[0].type).toBe('ERROR');
    expect(w.events[0].object).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'Expired', code: 410 });
    expect(w.events[0].object.message).toMatch(/^too old resource version: \d+ \(\d+\)$/);
    const list = await raw(sb, 'GET', `/api/v1/namespaces/w/pods?resourceVersion=${from}&resourceVersionMatch=Exact`);
    expect(list.status).toBe(410);
  });

  it('compacts by itself once the event window is exceeded', async () => {
    const small = await startSandbox({ objects: [testPod('p')], eventWindow: 3 });
    try {
      const c = kubeConfigFor(small).makeApiClient(CoreV1Api);
      const from = (await c.listNamespacedPod({ namespace: 'default' })).metadata!.resourceVersion!;
      for (let i = 0; i < 5; i++) await c.patchNamespacedPod({ name: 'p', namespace: 'default', body: { metadata: { labels: { i: String(i) } } } }, merge);
      const res = await raw(small, 'GET', `/api/v1/namespaces/default/pods?watch=true&resourceVersion=${from}`);
      expect(JSON.parse(res.text.trim()).object.code).toBe(410);
      const recent = Number(small.store.resourceVersion) - 2;
      const ok = await raw(small, 'GET', `/api/v1/namespaces/default/pods?watch=true&resourceVersion=${recent}&timeoutSeconds=1`);
      expect(ok.text.trim().split('\n').map((l) => JSON.parse(l).type)).toEqual(['MODIFIED', 'MODIFIED']);
    } finally {
      await small.close();
    }
  });

  it('sends BOOKMARK events when allowed, and honours timeoutSeconds', async () => {
    const w = await collect('/api/v1/namespaces/w/pods', { allowWatchBookmarks: true, timeoutSeconds: 1 });
    const none = await collect('/api/v1/namespaces/w/pods', { timeoutSeconds: 1 });
    await w.until((e) => e.some((x) => x.type === 'BOOKMARK'));
    const bm = w.events.find((e) => e.type === 'BOOKMARK')!;
    expect(bm.object).toEqual({ kind: 'Pod', apiVersion: 'v1', metadata: { resourceVersion: sb.store.resourceVersion } });
    expect(await w.done).toBeNull();
    await none.done;
    expect(none.events.some((e) => e.type === 'BOOKMARK')).toBe(false);
  });

  it('marks the end of initial events with a bookmark when sendInitialEvents=true', async () => {
    const w = await collect('/api/v1/namespaces/w/pods', { sendInitialEvents: true, allowWatchBookmarks: true, resourceVersionMatch: 'NotOlderThan' });
    await w.until((e) => e.some((x) => x.type === 'BOOKMARK'));
    w.stop();
    const i = w.events.findIndex((e) => e.type === 'BOOKMARK');
    expect(w.events.slice(0, i).every((e) => e.type === 'ADDED')).toBe(true);
    expect(w.events[i].object.metadata.annotations).toEqual({ 'k8s.io/initial-events-end': 'true' });
  });

  it('applies label and field selectors to events, turning exits and entries into DELETED and ADDED', async () => {
    const w = await collect('/api/v1/pods', { labelSelector: 'app=x', resourceVersion: sb.store.resourceVersion });
    const f = await collect('/api/v1/pods', { fieldSelector: 'metadata.namespace=default', resourceVersion: sb.store.resourceVersion });
    await core.patchNamespacedPod({ name: 'b', namespace: 'w', body: { metadata: { labels: { app: 'x' } } } }, merge);
    await core.patchNamespacedPod({ name: 'a', namespace: 'w', body: { metadata: { labels: { app: 'z' } } } }, merge);
    await core.patchNamespacedPod({ name: 'other', namespace: 'default', body: { metadata: { labels: { seen: 'yes' } } } }, merge);
    await w.until((e) => e.length === 3);
    await f.until((e) => e.length === 1);
    w.stop();
    f.stop();
    expect(w.events.map((e) => [e.type, e.name])).toEqual([
      ['ADDED', 'b'],
      ['DELETED', 'a'],
      ['MODIFIED', 'other'],
    ]);
    expect(f.events.map((e) => [e.type, e.name])).toEqual([['MODIFIED', 'other']]);
  });

  it('serves the legacy /watch/ paths', async () => {
    const res = await raw(sb, 'GET', '/api/v1/watch/namespaces/w/pods?timeoutSeconds=1');
    const types = res.text.trim().split('\n').map((l) => JSON.parse(l).type);
    expect(types.length).toBeGreaterThan(0);
    expect(new Set(types)).toEqual(new Set(['ADDED']));
  });

  it('ends watches when the sandbox pauses', async () => {
    const w = await collect('/api/v1/namespaces/w/pods', {});
    await w.until((e) => e.length > 0);
    await sb.pause();
    await w.done;
    await sb.resume();
    const again = await collect('/api/v1/namespaces/w/pods', {});
    await again.until((e) => e.length > 0);
    again.stop();
  });
});
