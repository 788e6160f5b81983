import { describe, expect, it } from 'vitest';
import objects from './testdata/cluster-objects.json';
import { mergeApiResources, resolveApiResources } from './api-resources';
import { buildWorkloadIndex, classifyStandard, replicaSetControllerName } from './standard';

const pod = (owner?: Record<string, unknown>) => ({ metadata: { name: 'p', namespace: 'db', uid: 'pu', ...(owner ? { ownerReferences: [owner] } : {}) } });
const owned = (kind: string, uid: string) => pod({ kind, uid, name: 'o' });

describe('api_resources merge (§9)', () => {
  it('defaults to the 11 entries', () => {
    const { resources, warnings } = mergeApiResources();
    expect(resources.map((r) => r.name)).toEqual(['namespaces', 'nodes', 'pods', 'replicationcontrollers', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'ingresses', 'configmaps']);
    expect(warnings).toEqual([]);
    expect(resolveApiResources(resources).watched.find((w) => w.name === 'statefulsets')?.groupVersion).toEqual({ group: 'apps', version: 'v1' });
  });
  it('OpenShift: disable ingresses, add routes', () => {
    const { resources } = mergeApiResources([{ name: 'ingresses', disabled: true }, { name: 'routes' }]);
    expect(resources.map((r) => r.name)).not.toContain('ingresses');
    expect(resources.find((r) => r.name === 'routes')?.groupVersions).toEqual([{ group: 'route.openshift.io', version: 'v1' }]);
  });
  it('OpenKruise: clonesets + both statefulsets groups', () => {
    const { resources } = mergeApiResources([{ name: 'clonesets', group: 'apps.kruise.io' }, { name: 'statefulsets', group: 'apps' }, { name: 'statefulsets', group: 'apps.kruise.io' }]);
    const sts = resources.filter((r) => r.name === 'statefulsets').map((r) => r.groupVersions);
    expect(sts).toEqual([[{ group: 'apps', version: 'v1' }], [{ group: 'apps.kruise.io', version: 'v1beta1' }]]);
    expect(resources.some((r) => r.name === 'clonesets')).toBe(true);
  });
  it('a configured entry replaces the default of its name (kruise group only loses apps/v1)', () => {
    const { resources } = mergeApiResources([{ name: 'statefulsets', group: 'apps.kruise.io', version: 'v1beta1' }]);
    const sts = resources.filter((r) => r.name === 'statefulsets');
    expect(sts).toHaveLength(1);
    expect(sts[0]).toMatchObject({ specified: true, groupVersions: [{ group: 'apps.kruise.io', version: 'v1beta1' }] });
  });
  it('warns on unknown names and groups, keeps disabled+enabled pairs, copies field_selector', () => {
    const { resources, warnings } = mergeApiResources([
      { name: 'jobs' }, { name: 'clonesets', group: 'apps' }, { name: 'deployments', group: 'apps', version: 'v2' },
      { name: 'services', disabled: true }, { name: 'services', field_selector: 'metadata.name!=x' },
    ]);
    expect(warnings).toEqual(['resource jobs not supported', 'resource clonesets in group apps not supported', 'resource deployments in group apps version v2 not supported']);
    expect(resources.some((r) => r.name === 'deployments')).toBe(false);
    expect(resources.find((r) => r.name === 'services')).toMatchObject({ fieldSelector: 'metadata.name!=x', fromDefault: false });
  });
  it('discovery falls back to the first candidate with a warning', () => {
    const { resources } = mergeApiResources([{ name: 'statefulsets' }]);
    const sts = resources.filter((r) => r.name === 'statefulsets');
    expect(resolveApiResources(sts, ['apps.kruise.io/v1beta1']).watched[0].groupVersion.group).toBe('apps.kruise.io');
    const fallback = resolveApiResources(sts, ['v1']);
    expect(fallback.warnings).toEqual(['resource statefulsets not found, use defaults']);
    expect(fallback.watched[0].groupVersion).toEqual({ group: 'apps', version: 'v1' });
  });
});

describe('standard extraction and classification (§6)', () => {
  const index = buildWorkloadIndex(objects, [], undefined);
  it('names ReplicaSetController groups', () => {
    expect(replicaSetControllerName('web-7d4b9c8f6')).toBe('web');
    expect(replicaSetControllerName('plain')).toBe('plain');
  });
  it.each([
    ['no owners', pod(), { unsynchronized: 'no-owner' }],
    ['empty owner uid', owned('Deployment', ''), { unsynchronized: 'no-owner' }],
    ['Job owner', owned('Job', 'j'), { unsynchronized: 'unsupported-kind: Job' }],
    ['Node owner (static pod)', owned('Node', 'n'), { unsynchronized: 'unsupported-kind: Node' }],
    ['RS owned by a Deployment', owned('ReplicaSet', 'rs-web'), { type: 'Deployment', name: 'web' }],
    ['RS with replicas 0', owned('ReplicaSet', 'rs-web-old'), { unsynchronized: 'owner-not-watched' }],
    ['bare RS', owned('ReplicaSet', 'rs-bare'), { unsynchronized: 'owner-not-watched' }],
    ['RS owned by an unknown kind', owned('ReplicaSet', 'rs-argo'), { type: 'ReplicaSetController', name: 'canary' }],
    ['apps/v1 StatefulSet', owned('StatefulSet', 'sts-redis'), { type: 'StatefulSet', name: 'redis' }],
    ['kruise StatefulSet unwatched by default', owned('StatefulSet', 'sts-kruise'), { unsynchronized: 'owner-not-watched' }],
    ['CloneSet unwatched by default', owned('CloneSet', 'cs-1'), { unsynchronized: 'owner-not-watched' }],
    ['DaemonSet', owned('DaemonSet', 'ds-agent'), { type: 'DaemonSet', name: 'agent' }],
    ['ReplicationController', owned('ReplicationController', 'rc-1'), { type: 'ReplicationController', name: 'legacy' }],
    ['OpenGaussCluster unwatched by default', owned('OpenGaussCluster', 'o-1'), { unsynchronized: 'owner-not-watched' }],
    ['matching is by uid, kind only whitelists', owned('StatefulSet', 'ds-agent'), { type: 'DaemonSet', name: 'agent' }],
  ])('%s', (_, p, expected) => {
    expect(classifyStandard(p, index)).toEqual(expected);
  });
  it('only the first owner counts', () => {
    const p = { metadata: { name: 'p', namespace: 'db', uid: 'x', ownerReferences: [{ kind: 'Job', uid: 'j' }, { kind: 'DaemonSet', uid: 'ds-agent' }] } };
    expect(classifyStandard(p, index)).toEqual({ unsynchronized: 'unsupported-kind: Job' });
  });
  it('InPlaceSet owners become an abstract Deployment', () => {
    const p = owned('InPlaceSet', 'ips-1');
    expect(classifyStandard(p, buildWorkloadIndex([], [p], undefined))).toEqual({ type: 'Deployment', name: 'o' });
  });
  it('OpenKruise scenario watches CloneSets and Advanced StatefulSets while keeping native ones', () => {
    const kruise = buildWorkloadIndex(objects, [], [{ name: 'clonesets', group: 'apps.kruise.io' }, { name: 'statefulsets', group: 'apps' }, { name: 'statefulsets', group: 'apps.kruise.io' }]);
    expect(classifyStandard(owned('CloneSet', 'cs-1'), kruise)).toEqual({ type: 'CloneSet', name: 'cs' });
    expect(classifyStandard(owned('StatefulSet', 'sts-kruise'), kruise)).toEqual({ type: 'StatefulSet', name: 'kredis' });
    expect(classifyStandard(owned('StatefulSet', 'sts-redis'), kruise)).toEqual({ type: 'StatefulSet', name: 'redis' });
    const kruiseOnly = buildWorkloadIndex(objects, [], [{ name: 'statefulsets', group: 'apps.kruise.io' }]);
    expect(classifyStandard(owned('StatefulSet', 'sts-redis'), kruiseOnly)).toEqual({ unsynchronized: 'owner-not-watched' });
  });
  it('OpenGauss scenario makes OpenGaussCluster pods StatefulSets', () => {
    const og = buildWorkloadIndex(objects, [], [{ name: 'opengaussclusters' }]);
    expect(classifyStandard(owned('OpenGaussCluster', 'o-1'), og)).toEqual({ type: 'StatefulSet', name: 'ogtest' });
  });
  it('OpenShift scenario leaves workloads as they are', () => {
    const os = buildWorkloadIndex(objects, [], [{ name: 'ingresses', disabled: true }, { name: 'routes' }]);
    expect(classifyStandard(owned('ReplicaSet', 'rs-web'), os)).toEqual({ type: 'Deployment', name: 'web' });
  });
  it('an RS whose Deployment is not watched becomes a ReplicaSetController', () => {
    const noDeploy = buildWorkloadIndex(objects, [], [{ name: 'deployments', disabled: true }]);
    expect(classifyStandard(owned('ReplicaSet', 'rs-web'), noDeploy)).toEqual({ type: 'ReplicaSetController', name: 'web' });
  });
});
