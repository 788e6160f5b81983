import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { detectPlatform, PLATFORM_LABELS, remediationFor, type PlatformId } from './platforms';

const pod = (owner?: { apiVersion: string; kind: string }, labels?: Record<string, string>, annotations?: Record<string, string>) =>
  ({ metadata: { name: 'p', namespace: 'n', uid: 'u', ...(owner ? { ownerReferences: [{ ...owner, name: 'o', uid: 'o1' }] } : {}), ...(labels ? { labels } : {}), ...(annotations ? { annotations } : {}) } });

describe('detectPlatform', () => {
  it.each([
    ['CloneSet', pod({ apiVersion: 'apps.kruise.io/v1alpha1', kind: 'CloneSet' }), 'openkruise'],
    ['Advanced StatefulSet', pod({ apiVersion: 'apps.kruise.io/v1beta1', kind: 'StatefulSet' }), 'openkruise'],
    ['OpenGauss (agent group)', pod({ apiVersion: 'opengauss.cmbc.com.cn/v1', kind: 'OpenGaussCluster' }), 'opengauss'],
    ['OpenGauss (documented group)', pod({ apiVersion: 'opengauss.sig/v1', kind: 'OpenGaussCluster' }), 'opengauss'],
    ['DeploymentConfig', pod({ apiVersion: 'apps.openshift.io/v1', kind: 'DeploymentConfig' }), 'openshift'],
    ['OpenShift annotations', pod({ apiVersion: 'apps/v1', kind: 'ReplicaSet' }, undefined, { 'openshift.io/scc': 'restricted' }), 'openshift'],
    ['StatefulSetPlus', pod({ apiVersion: 'platform.stke/v1alpha1', kind: 'StatefulSetPlus' }), 'statefulsetplus'],
    ['virtual-kubelet labels', pod(undefined, { 'virtual-kubelet.io/provider-cluster-type': 'serverless' }), 'virtual-kubelet'],
    ['Job', pod({ apiVersion: 'batch/v1', kind: 'Job' }), 'job'],
    ['static pod (Node owner)', pod({ apiVersion: 'v1', kind: 'Node' }), 'static'],
    ['mirror annotation', pod(undefined, undefined, { 'kubernetes.io/config.mirror': 'abc' }), 'static'],
    ['plain Deployment pod', pod({ apiVersion: 'apps/v1', kind: 'ReplicaSet' }, { app: 'x' }), null],
    ['no metadata', {}, null],
    ['not an object', 'pod', null],
  ])('%s', (_, p, expected) => {
    expect(detectPlatform(p)).toBe(expected);
  });
  it('the owner wins over labels (a Job pod on virtual-kubelet is a Job pod)', () => {
    expect(detectPlatform(pod({ apiVersion: 'batch/v1', kind: 'Job' }, { 'virtual-kubelet.io/provider-cluster-type': 'serverless' }))).toBe('job');
  });
});

describe('remediationFor', () => {
  const all = Object.keys(PLATFORM_LABELS) as PlatformId[];
  it('every platform has a label and a remediation about itself; snippets are valid YAML', () => {
    for (const p of all) {
      const r = remediationFor(p);
      expect(r.platform).toBe(p);
      expect(r.title).not.toBe('');
      if (r.apiResourcesYaml) expect(parse(r.apiResourcesYaml).inputs.resources.kubernetes.api_resources.length).toBeGreaterThan(0);
      if (r.clusterRoleYaml) for (const rule of parse(r.clusterRoleYaml)) expect(rule.verbs).toEqual(['get', 'list', 'watch']);
    }
  });
  it('the §9.4 snippets and ClusterRole rules', () => {
    expect(parse(remediationFor('openkruise').apiResourcesYaml!).inputs.resources.kubernetes.api_resources).toEqual([
      { name: 'clonesets', group: 'apps.kruise.io' }, { name: 'statefulsets', group: 'apps' }, { name: 'statefulsets', group: 'apps.kruise.io' },
    ]);
    expect(parse(remediationFor('openkruise').clusterRoleYaml!)).toEqual([{ apiGroups: ['apps.kruise.io'], resources: ['clonesets', 'statefulsets'], verbs: ['get', 'list', 'watch'] }]);
    expect(parse(remediationFor('opengauss').clusterRoleYaml!).map((r: { apiGroups: string[] }) => r.apiGroups[0])).toEqual(['opengauss.sig', 'opengauss.cmbc.com.cn']);
    expect(parse(remediationFor('openshift').apiResourcesYaml!).inputs.resources.kubernetes.api_resources).toEqual([{ name: 'ingresses', disabled: true }, { name: 'routes' }]);
    expect(remediationFor('openshift').explanation).toMatch(/DeploymentConfig.*plugin/);
    expect(parse(remediationFor('statefulsetplus').apiResourcesYaml!).inputs.resources.kubernetes.api_resources).toContainEqual({ name: 'statefulsets', group: 'platform.stke' });
  });
  it('only a plugin helps Job, static and virtual-kubelet pods', () => {
    expect(all.filter((p) => !remediationFor(p).agentConfigCanHelp)).toEqual(['openshift', 'virtual-kubelet', 'job', 'static']);
    expect(remediationFor('job').explanation).toContain('#9491');
    expect(remediationFor('virtual-kubelet').explanation).toMatch(/v7\.1\.6/);
    expect(remediationFor('job').pluginKind).toBe('Job');
    expect(remediationFor('static').pluginKind).toBe('Node');
  });
});
