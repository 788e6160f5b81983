import { describe, expect, it } from 'vitest';
import objects from './testdata/cluster-objects.json';
import pods from './testdata/opengauss-pods.json';
import { reasonWords } from './reason';
import { regroupAbstract, tagPods, type PodTag } from './tag';

const fn = (body: string) => `function GetWorkloadTypeAndName(m)\n${body}\nend`;
const plugin = (source: string, name = 'p') => ({ name, source });
const pod = (name: string, owner?: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  ({ metadata: { name, namespace: 'db', uid: `u-${name}`, ...(owner ? { ownerReferences: [owner] } : {}), ...extra } });
const owned = (kind: string, uid: string, apiVersion = '', name = 'o') => pod(`p-${uid || 'none'}`, { apiVersion, kind, uid, name });
const reasonOf = (p: unknown, apiResources?: { name: string; group?: string }[]) => tagPods({ pods: [p], plugins: [], objects, apiResources }).pods[0].reason;
const detailOf = (p: unknown, apiResources?: { name: string; group?: string }[]) => reasonOf(p, apiResources)?.detail;

describe('unsynchronized reasons (§6.2)', () => {
  it('no owner: text, detail and owner', () => {
    expect(reasonOf(pod('bare'))).toEqual({ code: 'no-owner', text: 'no owner', detail: 'no ownerReferences', owner: null });
    expect(reasonOf(owned('Deployment', '', 'apps/v1', 'web'))).toEqual({
      code: 'no-owner', text: 'no owner', detail: 'first owner uid is empty', owner: { kind: 'Deployment', name: 'web', apiVersion: 'apps/v1', uid: '' },
    });
  });
  it('unsupported kinds say what the kind means', () => {
    expect(reasonOf(owned('Node', 'n', 'v1', 'master-1'))).toMatchObject({ code: 'unsupported-kind', text: 'unsupported owner kind Node', detail: 'static pod (owner Node)' });
    expect(reasonOf(owned('Job', 'j', 'batch/v1'))).toMatchObject({ text: 'unsupported owner kind Job', detail: 'Job pods: only a plugin with an accepted type can map them' });
    expect(reasonOf(owned('TaskRun', 't', 'tekton.dev/v1'))).toMatchObject({ text: 'unsupported owner kind TaskRun', detail: 'TaskRun' });
  });
  it.each([
    ['RS with replicas 0', owned('ReplicaSet', 'rs-web-old', 'apps/v1'), undefined, 'inactive ReplicaSet'],
    ['bare RS', owned('ReplicaSet', 'rs-bare', 'apps/v1'), undefined, 'ReplicaSet without owner'],
    ['RS missing from the objects', owned('ReplicaSet', 'rs-gone', 'apps/v1'), undefined, 'ReplicaSet not found'],
    ['replicasets disabled', owned('ReplicaSet', 'rs-web', 'apps/v1'), [{ name: 'replicasets', disabled: true }], 'replicasets not in api_resources'],
    ['CloneSet unwatched', owned('CloneSet', 'cs-1', 'apps.kruise.io/v1alpha1'), undefined, 'clonesets not in api_resources'],
    ['CloneSet unwatched, object absent', owned('CloneSet', 'cs-gone', 'apps.kruise.io/v1alpha1'), undefined, 'clonesets not in api_resources'],
    ['OpenGaussCluster unwatched', owned('OpenGaussCluster', 'o-1', 'opengauss.cmbc.com.cn/v1'), undefined, 'opengaussclusters not in api_resources'],
    ['Advanced StatefulSet unwatched', owned('StatefulSet', 'sts-kruise', 'apps.kruise.io/v1beta1'), undefined, 'statefulsets (apps.kruise.io) not in api_resources'],
    ['native StatefulSet when only kruise is listed', owned('StatefulSet', 'sts-redis', 'apps/v1'), [{ name: 'statefulsets', group: 'apps.kruise.io' }], 'statefulsets not in api_resources'],
    ['StatefulSetPlus unwatched', owned('StatefulSetPlus', 'ssp-1', 'platform.stke/v1alpha1'), undefined, 'statefulsets (platform.stke) not in api_resources'],
    ['watched owner missing', owned('Deployment', 'dep-gone', 'apps/v1', 'api'), undefined, 'owner Deployment api not found'],
    ['watched CloneSet missing', owned('CloneSet', 'cs-gone', 'apps.kruise.io/v1alpha1', 'cat'), [{ name: 'clonesets' }], 'owner CloneSet cat not found'],
  ])('owner not watched: %s', (_, p, apiResources, detail) => {
    expect(reasonOf(p, apiResources)).toMatchObject({ code: 'owner-not-watched', text: 'owner not watched', detail });
  });
  it('one phrase for the UI', () => {
    expect(reasonWords(reasonOf(owned('CloneSet', 'cs-1', 'apps.kruise.io/v1alpha1'))!)).toBe('owner not watched (clonesets not in api_resources)');
    expect(reasonWords(reasonOf(owned('TaskRun', 't', 'tekton.dev/v1'))!)).toBe('unsupported owner kind TaskRun');
    expect(reasonWords(reasonOf(pod('bare'))!)).toBe('no owner (no ownerReferences)');
  });
  it('synchronized pods have no reason; the reason stays when a plugin rescues the pod', () => {
    expect(reasonOf(owned('ReplicaSet', 'rs-web', 'apps/v1'))).toBeNull();
    const t = tagPods({ pods: [pods[0]], plugins: [plugin(fn('return "StatefulSet", "og"'))], objects }).pods[0];
    expect(t).toMatchObject({ accepted: true, unmatched: false, reason: { code: 'owner-not-watched', detail: 'opengaussclusters not in api_resources' } });
  });
});

describe('PodTag fields', () => {
  const web = owned('ReplicaSet', 'rs-web', 'apps/v1');
  it('labels the final workload as DeepFlow does', () => {
    const out = tagPods({ pods: [web, owned('InPlaceSet', 'ips-1', 'apps.cafe.cloud.alipay.com/v1alpha1', 'order'), owned('ReplicaSet', 'rs-argo', 'apps/v1'), pod('none')], plugins: [], objects }).pods;
    expect(out.map((t) => [t.label, t.unmatched, t.groupKey])).toEqual([
      ['deployment:db:web', false, null], ['inplaceset:db:order', false, null], ['replicasetcontroller:db:canary', false, null], [null, true, null],
    ]);
  });
  it('a plugin result: matched plugin, group key, lower-cased returned type in the label, owner override', () => {
    const out = tagPods({ pods: [web, pod('none')], plugins: [plugin(fn('return "", ""'), 'first'), plugin(fn('return "dEpLoYmEnT", "grp"'), 'second')], objects }).pods;
    expect(out[0]).toMatchObject({ accepted: true, overridesOwner: true, matchedPlugin: { index: 1, name: 'second' }, groupKey: 'db/grp', label: 'deployment:db:grp', workload: { type: 'Deployment', name: 'grp', source: 'plugin' } });
    expect(out[1]).toMatchObject({ overridesOwner: false, unmatched: false, reason: { code: 'no-owner' } });
  });
  it('ReplicaSet returned: group type ReplicaSetController, label keeps the returned word', () => {
    const t = tagPods({ pods: [pod('none')], plugins: [plugin(fn('return "ReplicaSet", "r"'))] }).pods[0];
    expect(t).toMatchObject({ workload: { type: 'ReplicaSetController', name: 'r' }, label: 'replicaset:db:r' });
  });
  it('a rejected type: recorded, not matched, the owner logic decides', () => {
    const out = tagPods({ pods: [web, pod('none')], plugins: [plugin(fn('return "Job", "x"'))], objects }).pods;
    expect(out[0]).toMatchObject({ accepted: false, rejectedType: 'Job', matchedPlugin: null, overridesOwner: false, label: 'deployment:db:web', unmatched: false, groupKey: null });
    expect(out[1]).toMatchObject({ rejectedType: 'Job', unmatched: true, label: null });
  });
  it('an error or an empty pair is neither matched nor rejected', () => {
    const [t] = tagPods({ pods: [pod('none')], plugins: [plugin('error("x")')] }).pods;
    expect(t).toMatchObject({ matchedPlugin: null, rejectedType: null, unmatched: true });
  });
  it('detects the platform', () => {
    const out = tagPods({ pods: [pods[0], owned('CloneSet', 'cs-1', 'apps.kruise.io/v1alpha1'), web], plugins: [], objects }).pods;
    expect(out.map((t) => t.platform)).toEqual(['opengauss', 'openkruise', null]);
  });
  it('pods DeepFlow skips (no metadata) have no reason and are not counted as unmatched', () => {
    const [t] = tagPods({ pods: [{ metadata: { name: 'x', namespace: 'db' } }], plugins: [] }).pods;
    expect(t).toMatchObject({ reason: null, unmatched: false, workload: null });
  });
});

describe('DeepFlow versions (§5)', () => {
  const vk = (clusterType: string, workloadType?: string) => pod('vk', undefined, {
    labels: { 'virtual-kubelet.io/provider-cluster-type': clusterType, 'virtual-kubelet.io/provider-resource-name': 'api-7f9c', ...(workloadType ? { 'virtual-kubelet.io/provider-workload-type': workloadType } : {}) },
  });
  const run = (p: unknown, deepflowVersion: Parameters<typeof tagPods>[0]['deepflowVersion'], plugins: { name: string; source: string }[] = []) =>
    tagPods({ pods: [p], plugins, deepflowVersion }).pods[0];
  it('v6.6–v7.1.5 apply the rule without any plugin; v7.1.6 and main do not', () => {
    for (const v of ['v6.6', 'v7.0', 'v7.1.4', 'v7.1.5'] as const) {
      expect(run(vk('serverless'), v)).toMatchObject({ accepted: true, unmatched: false, workload: { type: 'Deployment', name: 'api', source: 'builtin-rule' }, matchedPlugin: null, groupKey: 'db/api', label: 'deployment:db:api' });
    }
    for (const v of ['v7.1.6', 'main', undefined] as const) expect(run(vk('serverless'), v)).toMatchObject({ accepted: false, unmatched: true, workload: null });
    expect(run(vk('serverless'), 'v7.1.6', [plugin(fn('return "", ""'))])).toMatchObject({ accepted: true, workload: { source: 'builtin-rule' } });
  });
  it('up to v7.1.4 the cluster type is matched case-sensitively', () => {
    expect(run(vk('Serverless'), 'v7.1.4').accepted).toBe(false);
    expect(run(vk('Serverless'), 'v7.0').accepted).toBe(false);
    expect(run(vk('Serverless'), 'v7.1.5').accepted).toBe(true);
    expect(run(vk('PROPRIETARY'), 'main', [plugin(fn('return "", ""'))]).accepted).toBe(true);
  });
  it('a rule result of type Job is rejected like a plugin\'s', () => {
    expect(run(vk('serverless', 'Job'), 'v7.1.5')).toMatchObject({ accepted: false, rejectedType: 'Job', unmatched: true, plugin: { type: 'Job', name: 'api' } });
  });
  it('the Go release of the argument follows the version unless deepflowRelease is given', () => {
    const p = pod('esc', undefined, { labels: { x: 'a\bb' } });
    const echo = plugin(fn('return "Deployment", m'));
    const arg = (v: Parameters<typeof tagPods>[0]['deepflowVersion'], release?: 'main') => tagPods({ pods: [p], plugins: [echo], deepflowVersion: v, deepflowRelease: release }).pods[0].plugin.name;
    expect(arg('v6.6')).toContain('"a\\u0008b"');
    expect(arg('v7.1.6')).toContain('"a\\bb"');
    expect(arg('v6.6', 'main')).toContain('"a\\bb"');
  });
});

describe('regroupAbstract', () => {
  const namer = fn('local n = m:match(\'"name":"([^"]+)"\')\n if n == "a" then return "StatefulSet", "grp" end\n return "deployment", "grp"');
  const batch = (...names: string[]) => tagPods({ pods: names.map((n) => pod(n)), plugins: [plugin(namer)] }).pods;
  it('re-applies the first pod\'s type across batches', () => {
    const separate = [...batch('b'), ...batch('a')];
    expect(separate.map((t) => t.workload?.type)).toEqual(['Deployment', 'StatefulSet']);
    const merged = regroupAbstract(separate);
    expect(merged.map((t) => [t.workload?.type, t.label])).toEqual([['Deployment', 'deployment:db:grp'], ['Deployment', 'deployment:db:grp']]);
    expect(merged[0]).toBe(separate[0]);
  });
  it('the given order decides, whatever a batch made of its lead', () => {
    const [a, b] = batch('a', 'b');
    expect(b.workload?.type).toBe('StatefulSet');
    const merged = regroupAbstract([b, a] as PodTag[]);
    expect(merged.map((t) => [t.workload?.type, t.label])).toEqual([['Deployment', 'deployment:db:grp'], ['Deployment', 'deployment:db:grp']]);
  });
  it('leaves owner workloads and other namespaces alone', () => {
    const t = tagPods({ pods: [owned('ReplicaSet', 'rs-web', 'apps/v1')], plugins: [], objects }).pods;
    expect(regroupAbstract(t)).toEqual(t);
  });
});

describe('pluginLoadFailures', () => {
  it('runs every chunk once, in order, in one scratch state, and lists those that fail', async () => {
    const { pluginLoadFailures } = await import('./chain');
    const plugins = [
      plugin('PREFIX = "x"\n' + fn('return "", ""'), 'a'),
      plugin('local p = PREFIX .. "y"\n' + fn('return "", ""'), 'uses-a'),
      plugin('function x(', 'syntax'),
      plugin('local j = require("dkjson")', 'no-path'),
      plugin('package.path = package.path .. ";/bin/?.lua"\nlocal j = require("dkjson")\nprint("quiet")', 'ok-require'),
      // As in DeepFlow: require's cache is per state, so after ok-require this one loads.
      plugin('local j = require("dkjson")', 'no-path-after-require'),
      plugin('error({})', 'table-error'),
    ];
    const failures = pluginLoadFailures(plugins);
    expect(failures.map((f) => [f.index, f.name])).toEqual([[2, 'syntax'], [3, 'no-path'], [6, 'table-error']]);
    expect(failures[0]).toMatchObject({ error: expect.stringMatching(/^lua script loading error: \(/), production: 'lua script loading error: (<string> at EOF:   syntax error\n)' });
    expect(failures[1].error).toMatch(/^lua script loading error: \(<string>:1: module dkjson not found:/);
    expect(pluginLoadFailures([])).toEqual([]);
  });
});
