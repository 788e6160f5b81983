import { describe, expect, it } from 'vitest';
import { tagPods } from '@/lib/deepflow';
import { kindByKey } from '@/lib/k8s/kinds';
import { SUPPORTED_OWNER_KINDS } from '@/lib/deepflow';
import { chainDiagnostics, OWNER_KIND_KEYS, podRow, selectClusterPods, summarize, unmatchedPods } from './tagging';
import { byKind, seedObjects } from './seed-fixture';
import { OPENGAUSS_PLUGIN } from './templates';

const name = (p: unknown) => (p as { metadata: { namespace: string; name: string } }).metadata;

describe('OWNER_KIND_KEYS', () => {
  it('are registry keys of every owner kind DeepFlow reads (but InPlaceSet, which needs no object)', () => {
    const kinds = OWNER_KIND_KEYS.map((k) => kindByKey(k)?.kind);
    expect(kinds.every(Boolean)).toBe(true);
    for (const k of SUPPORTED_OWNER_KINDS.filter((x) => !['InPlaceSet', 'ReplicationController', 'StatefulSetPlus'].includes(x))) expect(kinds).toContain(k);
  });
});

describe('unmatched pods of the seed', () => {
  it('are the pods the owner logic leaves unsynchronized and no built-in rule rescues', async () => {
    const seed = await seedObjects();
    const pods = byKind(seed, 'Pod');
    const objects = seed.filter((o) => o.kind !== 'Pod');
    const unmatched = unmatchedPods(pods, objects);
    expect(unmatched.length).toBeGreaterThan(0);
    expect(unmatched.length).toBeLessThan(pods.length);
    // what tagPods without plugins says: no workload, and not a virtual-kubelet pod
    const tags = tagPods({ pods, objects, plugins: [] }).pods;
    const expected = tags.filter((t, i) => t.workload === null && !(pods[i] as { metadata: { labels?: Record<string, string> } }).metadata.labels?.['virtual-kubelet.io/provider-cluster-type']);
    expect(unmatched.map((p) => `${name(p).namespace}/${name(p).name}`).sort()).toEqual(expected.map((t) => `${t.namespace}/${t.name}`).sort());
  });

  it('selects a namespace or picked pods', async () => {
    const seed = await seedObjects();
    const pods = byKind(seed, 'Pod');
    const inDb = selectClusterPods({ scope: 'namespace', namespace: 'db', selection: [] }, pods, []);
    expect(inDb.length).toBeGreaterThan(0);
    expect(inDb.every((p) => name(p).namespace === 'db')).toBe(true);
    const first = `${name(pods[0]).namespace}/${name(pods[0]).name}`;
    expect(selectClusterPods({ scope: 'selection', namespace: '', selection: [first] }, pods, [])).toEqual([pods[0]]);
  });
});

describe('podRow', () => {
  const pod = (n: string, labels: Record<string, string> = {}) => ({ metadata: { name: n, namespace: 'ns', uid: `u-${n}`, labels } });
  const plugin = `function GetWorkloadTypeAndName(m)
  if string.find(m, "boom") then error("kaput") end
  if string.find(m, "weird") then return "Job", "x" end
  if string.find(m, "half") then return "Deployment", "" end
  if string.find(m, "good") then return "statefulset", "good" end
  return "", ""
end`;

  it('says for every pod what happened and why', () => {
    const tags = tagPods({ pods: [pod('good-1'), pod('weird-1'), pod('half-1'), pod('boom-1'), pod('other'), pod('boom-2')], plugins: [{ name: 'p', source: plugin }] }).pods;
    const rows = tags.map(podRow);
    expect(rows.map((r) => r.verdict)).toEqual(['accepted', 'rejected', 'rejected', 'error', 'not-handled', 'error']);
    expect(rows[0]).toMatchObject({ result: 'statefulset / good', workload: 'StatefulSet good', reason: 'DeepFlow groups the pod as StatefulSet good' });
    expect(rows[1].reason).toContain('abstract workload type (Job) not support');
    expect(rows[2].reason).toContain('abstract not found pod group type (Deployment) or name ()');
    expect(rows[3]).toMatchObject({ errorLine: 2 });
    expect(rows[3].error).toContain('kaput');
    expect(rows[4].reason).toBe('no plugin result; unsynchronized: no owner (no ownerReferences)');
    expect(rows[1].reason).toBe('pod (weird-1) abstract workload type (Job) not support; unsynchronized: no owner (no ownerReferences)');
    expect(summarize(rows)).toEqual({ pods: 6, matched: 1, rejected: 2, errors: 2, unmatched: 5 });
    expect(chainDiagnostics(rows)).toEqual([{ plugin: 0, line: 2, message: expect.stringMatching(/kaput.*\(2 pods\)$/), error: expect.stringMatching(/kaput/), count: 2 }]);
  });

  it('puts each runtime error on the plugin that raised it', () => {
    const pass = 'function GetWorkloadTypeAndName(m)\n  return "", ""\nend';
    const second = 'function GetWorkloadTypeAndName(m)\n  local x\n  if string.find(m, "boom") then return x.y end\n  if string.find(m, "bad") then error("bad pod") end\n  return "", ""\nend';
    const tags = tagPods({ pods: [pod('boom-1'), pod('bad-1'), pod('boom-2'), pod('other')], plugins: [{ name: 'a', source: pass }, { name: 'b', source: second }] }).pods;
    const rows = tags.map(podRow);
    expect(rows.map((r) => r.errorPlugin)).toEqual([1, 1, 1, null]);
    expect(rows[0].error).toMatch(/^lua script execution error: \(<string>:3: attempt to index/);
    expect(chainDiagnostics(rows)).toEqual([
      { plugin: 1, line: 3, message: expect.stringMatching(/^lua script execution error: \(<string>:3: .*\(2 pods\)$/), error: expect.stringMatching(/^lua script execution error: \(<string>:3: /), count: 2 },
      { plugin: 1, line: 4, message: 'lua script execution error: (<string>:4: bad pod)', error: 'lua script execution error: (<string>:4: bad pod)', count: 1 },
    ]);
    // the first plugin failing instead: its editor, not the second's
    const first = tagPods({ pods: [pod('boom-1')], plugins: [{ name: 'b', source: second }, { name: 'a', source: pass }] }).pods.map(podRow);
    expect(chainDiagnostics(first)).toEqual([{ plugin: 0, line: 3, message: expect.stringContaining('<string>:3:'), error: expect.stringContaining('<string>:3:'), count: 1 }]);
  });

  it('words the owner logic\'s reason as the pods page does (seed pods, no plugin match)', async () => {
    const seed = await seedObjects();
    const pods = byKind(seed, 'Pod');
    const objects = seed.filter((o) => o.kind !== 'Pod');
    const rows = new Map(tagPods({ pods, objects, plugins: [{ name: 'none', source: 'function GetWorkloadTypeAndName(m) return "", "" end' }] }).pods.map((t) => [`${t.namespace}/${t.name}`, podRow(t)]));
    expect(rows.get('shop/catalog-hbqbc')?.reason).toBe('no plugin result; unsynchronized: owner not watched (clonesets not in api_resources)');
    expect(rows.get('payments/payment-api-5b6c7d8f9b-ptkw5')?.reason).toBe('no plugin result; unsynchronized: owner not watched (inactive ReplicaSet)');
    expect(rows.get('kube-system/etcd-master-1')?.reason).toBe('no plugin result; unsynchronized: unsupported owner kind Node (static pod (owner Node))');
    expect(rows.get('shop/redis-0')).toMatchObject({ verdict: 'owner', reason: 'no plugin result; owner reference: StatefulSet redis' });
  });

  it('names the built-in virtual-kubelet rule', () => {
    const vk = pod('vk', { 'virtual-kubelet.io/provider-cluster-type': 'serverless', 'virtual-kubelet.io/provider-resource-name': 'api-7f' });
    const [row] = tagPods({ pods: [vk], plugins: [{ name: 'og', source: OPENGAUSS_PLUGIN }] }).pods.map(podRow);
    expect(row).toMatchObject({ verdict: 'accepted', workload: 'Deployment api', reason: expect.stringContaining('virtual-kubelet') });
  });
});
