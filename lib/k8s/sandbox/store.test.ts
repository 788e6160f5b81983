import { describe, expect, it } from 'vitest';
import { SandboxStore, type K8sObject } from './store';

const cm = (name: string, data: Record<string, string> = {}, namespace = 'n'): K8sObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data });
const ro = (name: string): K8sObject => ({ apiVersion: 'rollouts.kruise.io/v1alpha1', kind: 'Rollout', metadata: { name, namespace: 'n' }, spec: { a: 1 }, status: { phase: 'Healthy' } });

describe('SandboxStore', () => {
  it('assigns identity and a global, increasing resourceVersion', () => {
    const s = new SandboxStore();
    const a = s.create(cm('a'));
    const b = s.create(ro('b'));
    expect(a.metadata.uid).not.toBe(b.metadata.uid);
    expect(Number(b.metadata.resourceVersion)).toBeGreaterThan(Number(a.metadata.resourceVersion));
    expect(s.resourceVersion).toBe(b.metadata.resourceVersion);
    expect(a.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('keeps seed identity (uid, creationTimestamp) but not the seed resourceVersion', () => {
    const s = new SandboxStore();
    s.load([{ ...cm('a'), metadata: { name: 'a', namespace: 'n', uid: 'u-1', creationTimestamp: '2020-01-01T00:00:00Z', resourceVersion: '777' } }]);
    const a = s.get('configmaps', 'n', 'a')!;
    expect(a.metadata).toMatchObject({ uid: 'u-1', creationTimestamp: '2020-01-01T00:00:00Z' });
    expect(a.metadata.resourceVersion).not.toBe('777');
    expect(s.eventsSince(0)).toBeUndefined();
    expect(s.eventsSince(Number(s.resourceVersion))).toEqual([]);
  });

  it('bumps generation for spec changes only and skips no-op writes', () => {
    const s = new SandboxStore();
    const r = s.create(ro('r'));
    const labelled = s.update({ ...r, metadata: { ...r.metadata, labels: { x: 'y' } } });
    expect(labelled.metadata.generation).toBe(1);
    const status = s.update({ ...labelled, status: { phase: 'Progressing' } }, { subresource: 'status' });
    expect(status.metadata.generation).toBe(1);
    const spec = s.update({ ...status, spec: { a: 2 } });
    expect(spec.metadata.generation).toBe(2);
    const noop = s.update(spec);
    expect(noop.metadata.resourceVersion).toBe(spec.metadata.resourceVersion);
  });

  it('logs events for replay and compacts to the configured window', () => {
    const s = new SandboxStore({ eventWindow: 2 });
    const start = Number(s.resourceVersion);
    s.create(cm('a'));
    s.create(cm('b'));
    expect(s.eventsSince(start)!.map((e) => e.object.metadata.name)).toEqual(['a', 'b']);
    s.delete('configmaps', 'n', 'a');
    expect(s.eventsSince(start)).toBeUndefined();
    expect(s.eventsSince(start + 1)!.map((e) => e.type)).toEqual(['ADDED', 'DELETED']);
  });

  it('resolves kinds by key, plural, short name or object identity, and rejects ambiguity', () => {
    const s = new SandboxStore();
    expect(s.resolveKind('cm').plural).toBe('configmaps');
    expect(s.resolveKind('rollouts.rollouts.kruise.io').kind).toBe('Rollout');
    expect(s.resolveKind({ apiVersion: 'apps.kruise.io/v1beta1', kind: 'StatefulSet' }).key).toBe('statefulsets.apps.kruise.io');
    expect(() => s.resolveKind('statefulsets')).toThrow(/ambiguous/);
  });

  it('pages lists with continue tokens', () => {
    const s = new SandboxStore();
    for (const n of ['c', 'a', 'b']) s.create(cm(n));
    const first = s.list('configmaps', { limit: 2 });
    expect(first.items.map((o) => o.metadata.name)).toEqual(['a', 'b']);
    const second = s.list('configmaps', { limit: 2, continue: first.continue });
    expect(second.items.map((o) => o.metadata.name)).toEqual(['c']);
    expect(second.continue).toBeUndefined();
    expect(second.resourceVersion).toBe(first.resourceVersion);
  });

  it('returns copies, never live objects', () => {
    const s = new SandboxStore();
    const a = s.create(cm('a', { k: 'v' }));
    (a.data as Record<string, string>).k = 'mutated';
    s.get('configmaps', 'n', 'a')!.metadata.name = 'x';
    expect(s.get('configmaps', 'n', 'a')!.data).toEqual({ k: 'v' });
  });
});
