import { describe, expect, it } from 'vitest';
import { generateScaleObjects, parseScale, SCALE_NAMESPACES } from './scale';
import { SandboxStore, type K8sObject } from './store';

const pods = (objs: K8sObject[]) => objs.filter((o) => o.kind === 'Pod');
const ownerKind = (p: K8sObject) => p.metadata.ownerReferences?.[0]?.kind ?? null;

describe('parseScale', () => {
  it('reads a pod count and refuses anything else with a message', () => {
    expect(parseScale(undefined)).toBeNull();
    expect(parseScale('')).toBeNull();
    expect(parseScale('0')).toBeNull();
    expect(parseScale('10000')).toEqual({ pods: 10_000 });
    expect(parseScale('10_000')).toEqual({ pods: 10_000 });
    expect(parseScale('lots')).toEqual({ error: expect.stringContaining('STUDIO_SANDBOX_SCALE must be a number') });
    expect(parseScale('5000000')).toEqual({ error: expect.stringContaining('at most 200000') });
  });
});

describe('generateScaleObjects', () => {
  const objects = generateScaleObjects(10_000);
  const all = pods(objects);

  it('makes exactly the requested number of pods across the 20 namespaces (and static pods in kube-system)', () => {
    expect(all).toHaveLength(10_000);
    const namespaces = new Set(all.map((p) => p.metadata.namespace));
    expect(SCALE_NAMESPACES.every((ns) => namespaces.has(ns))).toBe(true);
    expect([...namespaces].filter((ns) => !SCALE_NAMESPACES.includes(ns!))).toEqual(['kube-system']);
    expect(pods(generateScaleObjects(7))).toHaveLength(7);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(generateScaleObjects(500))).toBe(JSON.stringify(generateScaleObjects(500)));
  });

  it('has the owners, platforms and statuses DeepFlow meets', () => {
    const kinds = new Set(all.map(ownerKind));
    for (const k of ['ReplicaSet', 'StatefulSet', 'DaemonSet', 'CloneSet', 'OpenGaussCluster', 'Job', 'Node', null]) expect(kinds, String(k)).toContain(k);
    expect(all.some((p) => p.metadata.labels?.['virtual-kubelet.io/provider-cluster-type'] === 'serverless')).toBe(true);
    const states = all.map((p) => {
      const s = p.status as { phase: string; containerStatuses?: { state: { waiting?: { reason: string }; terminated?: { reason: string } } }[] };
      return s.containerStatuses?.[0]?.state.waiting?.reason ?? s.containerStatuses?.[0]?.state.terminated?.reason ?? s.phase;
    });
    for (const s of ['Running', 'CrashLoopBackOff', 'Pending', 'Completed']) expect(states).toContain(s);
    // Jobs of CronJobs, and the inactive ReplicaSets a Deployment keeps.
    expect(objects.some((o) => o.kind === 'Job' && o.metadata.ownerReferences?.[0]?.kind === 'CronJob')).toBe(true);
    const rsWithPods = new Set(all.filter((p) => ownerKind(p) === 'ReplicaSet').map((p) => p.metadata.ownerReferences![0].uid));
    expect(objects.some((o) => o.kind === 'ReplicaSet' && !rsWithPods.has(o.metadata.uid!))).toBe(true);
  });

  it('every owner reference points at a generated object, and pods carry realistic metadata', () => {
    const uids = new Set(objects.map((o) => o.metadata.uid));
    for (const o of objects) for (const ref of o.metadata.ownerReferences ?? []) expect(uids.has(ref.uid)).toBe(true);
    const avg = all.reduce((s, p) => s + JSON.stringify(p.metadata).length, 0) / all.length;
    expect(avg).toBeGreaterThan(700);
  });

  it('loads into the sandbox store without clashes (unique names per kind and namespace)', () => {
    const store = new SandboxStore();
    store.load(objects);
    expect(store.list('pods').items).toHaveLength(10_000);
    expect(store.list('pods', { namespace: SCALE_NAMESPACES[0] }).items.length).toBeGreaterThan(100);
  });
});
