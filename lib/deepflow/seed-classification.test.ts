// The sandbox's default seed through DeepFlow's logic: the reasons and platforms the pods page shows,
// and what each "Write a plugin" template makes of the seed's pods.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED_DIR, loadSeed } from '@/lib/k8s/sandbox/seed';
import { parseAgentConfig } from './agent-config';
import { pluginTemplateFor } from './plugin-templates';
import { remediationFor } from './platforms';
import { tagPods, type PodTag } from './tag';

let pods: unknown[] = [];
let objects: unknown[] = [];
beforeAll(async () => {
  const all = (await loadSeed(DEFAULT_SEED_DIR)) as { kind?: string }[];
  pods = all.filter((o) => o.kind === 'Pod');
  objects = all.filter((o) => o.kind !== 'Pod');
});

const key = (t: PodTag) => `${t.namespace}/${t.name}`;
const byKey = (tags: PodTag[]) => new Map(tags.map((t) => [key(t), t]));

describe('seed pods without plugins (DeepFlow v7.1.6, default api_resources)', () => {
  it('says why each unsynchronized pod is unmatched, and where it comes from', () => {
    const tags = tagPods({ pods, plugins: [], objects }).pods;
    const unmatched = tags.filter((t) => t.unmatched).map((t) => [key(t), t.reason?.text, t.reason?.detail, t.platform]);
    expect(unmatched).toEqual([
      ['batch/nightly-report-29275680-9tnhp', 'unsupported owner kind Job', 'Job pods: only a plugin with an accepted type can map them', 'job'],
      ['batch/nightly-report-29277120-vkt2h', 'unsupported owner kind Job', 'Job pods: only a plugin with an accepted type can map them', 'job'],
      ['batch/data-import-ftrwh', 'unsupported owner kind Job', 'Job pods: only a plugin with an accepted type can map them', 'job'],
      ['batch/data-import-dlmsj', 'unsupported owner kind Job', 'Job pods: only a plugin with an accepted type can map them', 'job'],
      ['db/ogtest-0', 'owner not watched', 'opengaussclusters not in api_resources', 'opengauss'],
      ['db/ogtest-1', 'owner not watched', 'opengaussclusters not in api_resources', 'opengauss'],
      ['db/ogtest-2', 'owner not watched', 'opengaussclusters not in api_resources', 'opengauss'],
      ['default/debug-shell', 'no owner', 'no ownerReferences', null],
      ['default/escape-test', 'no owner', 'no ownerReferences', null],
      ['default/nginx-test', 'no owner', 'no ownerReferences', null],
      ['default/legacy-web-7c9f8d5b6f-tc6st', 'owner not watched', 'ReplicaSet without owner', null],
      ['default/legacy-web-7c9f8d5b6f-vtjrd', 'owner not watched', 'ReplicaSet without owner', null],
      ['kube-system/kube-apiserver-master-1', 'unsupported owner kind Node', 'static pod (owner Node)', 'static'],
      ['kube-system/etcd-master-1', 'unsupported owner kind Node', 'static pod (owner Node)', 'static'],
      ['kube-system/kube-controller-manager-master-1', 'unsupported owner kind Node', 'static pod (owner Node)', 'static'],
      ['kube-system/kube-scheduler-master-1', 'unsupported owner kind Node', 'static pod (owner Node)', 'static'],
      ['payments/payment-api-5b6c7d8f9b-ptkw5', 'owner not watched', 'inactive ReplicaSet', null],
      ['payments/payment-api-5b6c7d8f9b-7tngs', 'owner not watched', 'inactive ReplicaSet', null],
      ['payments/ledger-0', 'owner not watched', 'statefulsets (apps.kruise.io) not in api_resources', 'openkruise'],
      ['payments/ledger-1', 'owner not watched', 'statefulsets (apps.kruise.io) not in api_resources', 'openkruise'],
      ['payments/ledger-2', 'owner not watched', 'statefulsets (apps.kruise.io) not in api_resources', 'openkruise'],
      ['serverless/vk-task-x7k2p', 'no owner', 'no ownerReferences', 'virtual-kubelet'],
      ['shop/catalog-hbqbc', 'owner not watched', 'clonesets not in api_resources', 'openkruise'],
      ['shop/catalog-jksks', 'owner not watched', 'clonesets not in api_resources', 'openkruise'],
      ['shop/catalog-gltgm', 'owner not watched', 'clonesets not in api_resources', 'openkruise'],
    ]);
    const m = byKey(tags);
    expect(m.get('serverless/thumbnailer-9c6d8b7f4d-gdzng')).toMatchObject({ unmatched: false, platform: 'virtual-kubelet', label: 'deployment:serverless:thumbnailer', reason: null });
    expect(m.get('payments/order-service-7d4b9-mph5p')).toMatchObject({ unmatched: false, label: 'inplaceset:payments:order-service-7d4b9' });
    expect(m.get('shop/catalog-hbqbc')!.reason!.owner).toEqual({ kind: 'CloneSet', name: 'catalog', apiVersion: 'apps.kruise.io/v1alpha1', uid: 'e9e26c49-507a-4eb7-8f7f-f4f0df1da0d0' });
  });
  it('the OpenKruise and OpenGauss remediations synchronize those pods', () => {
    for (const platform of ['openkruise', 'opengauss'] as const) {
      const config = parseAgentConfig(remediationFor(platform).apiResourcesYaml!);
      if (!config.ok) throw new Error(config.error.message);
      const tags = tagPods({ pods, plugins: [], objects, apiResources: config.entries }).pods;
      expect(tags.filter((t) => t.platform === platform).every((t) => !t.unmatched), platform).toBe(true);
      // Native StatefulSets stay watched.
      expect(byKey(tags).get('shop/redis-0')?.label).toBe('statefulset:shop:redis');
    }
  });
  it('the virtual-kubelet rule: v7.1.5 rescues vk pods without plugins, v7.1.6 needs one; a Job type is rejected', () => {
    const v715 = byKey(tagPods({ pods, plugins: [], objects, deepflowVersion: 'v7.1.5' }).pods);
    expect(v715.get('serverless/thumbnailer-9c6d8b7f4d-gdzng')).toMatchObject({ overridesOwner: true, workload: { source: 'builtin-rule', name: 'thumbnailer-9c6d8b7f4d-gdzng' }, groupKey: 'serverless/thumbnailer-9c6d8b7f4d-gdzng' });
    expect(v715.get('serverless/vk-task-x7k2p')).toMatchObject({ rejectedType: 'Job', unmatched: true });
    const v716 = byKey(tagPods({ pods, plugins: [], objects }).pods);
    expect(v716.get('serverless/thumbnailer-9c6d8b7f4d-gdzng')?.workload?.source).toBe('owner');
  });
});

describe('"Write a plugin" templates on the seed', () => {
  const accepted = (kind: string | null, owners: string[] = []) => {
    const template = pluginTemplateFor(kind, owners);
    const tags = tagPods({ pods, plugins: [{ name: template.name, source: template.source }], objects }).pods;
    for (const t of tags) expect(t.plugin.error, `${key(t)}: ${t.plugin.error}`).toBeNull();
    // Everything the template does not handle gets "", "" (or the virtual-kubelet rule, which runs first).
    const lua = tags.filter((t) => t.workload?.source !== 'builtin-rule' && t.rejectedType === null);
    return lua.filter((t) => t.plugin.type !== '' || t.plugin.name !== '').map((t) => [key(t), t.plugin.type, t.plugin.name, t.accepted]);
  };
  it('OpenGaussCluster → StatefulSet named after the cluster', () => {
    expect(pluginTemplateFor('OpenGaussCluster').name).toBe('opengausscluster-statefulset');
    expect(accepted('OpenGaussCluster')).toEqual([
      ['db/ogtest-0', 'StatefulSet', 'ogtest', true], ['db/ogtest-1', 'StatefulSet', 'ogtest', true], ['db/ogtest-2', 'StatefulSet', 'ogtest', true],
    ]);
  });
  it('Job (and CronJob) → Deployment named without the CronJob run suffix', () => {
    const expected = [
      ['batch/nightly-report-29275680-9tnhp', 'Deployment', 'nightly-report', true], ['batch/nightly-report-29277120-vkt2h', 'Deployment', 'nightly-report', true],
      ['batch/data-import-ftrwh', 'Deployment', 'data-import', true], ['batch/data-import-dlmsj', 'Deployment', 'data-import', true],
    ];
    expect(accepted('Job')).toEqual(expected);
    expect(accepted('CronJob')).toEqual(expected);
    expect(pluginTemplateFor('Job').name).toBe('job-deployment');
  });
  it('Node (static pods) → DaemonSet named after the manifest', () => {
    expect(pluginTemplateFor('Node').name).toBe('static-pod-daemonset');
    expect(accepted('Node').map((r) => r[2])).toEqual(['kube-apiserver', 'etcd', 'kube-controller-manager', 'kube-scheduler']);
  });
  it('no owner → Deployment named after the app label', () => {
    for (const k of [null, '']) {
      expect(pluginTemplateFor(k).name).toBe('no-owner-deployment');
      expect(accepted(k)).toEqual([
        ['default/debug-shell', 'Deployment', 'debug-shell', true], ['default/escape-test', 'Deployment', 'escape-test', true], ['default/nginx-test', 'Deployment', 'nginx-test', true],
      ]);
    }
  });
  it('CloneSet, Advanced StatefulSet and bare ReplicaSet owners', () => {
    expect(accepted('CloneSet').map((r) => r.slice(1))).toEqual([['CloneSet', 'catalog', true], ['CloneSet', 'catalog', true], ['CloneSet', 'catalog', true]]);
    expect(accepted('StatefulSet').map((r) => r[2])).toEqual(['mysql', 'mysql', 'ledger', 'ledger', 'ledger', 'redis', 'redis', 'redis']);
    expect(new Set(accepted('ReplicaSet').filter((r) => String(r[0]).startsWith('default/')).map((r) => r[2]))).toEqual(new Set(['legacy-web']));
  });
  it('owner names narrow a template to the owners of the picked pods', () => {
    expect(accepted('ReplicaSet', ['legacy-web-7c9f8d5b6f', 'payment-api-5b6c7d8f9b'])).toEqual([
      ['default/legacy-web-7c9f8d5b6f-tc6st', 'Deployment', 'legacy-web', true], ['default/legacy-web-7c9f8d5b6f-vtjrd', 'Deployment', 'legacy-web', true],
      ['payments/payment-api-5b6c7d8f9b-ptkw5', 'Deployment', 'payment-api', true], ['payments/payment-api-5b6c7d8f9b-7tngs', 'Deployment', 'payment-api', true],
    ]);
    expect(accepted('StatefulSet', ['ledger', 'a"]]b']).map((r) => r[0])).toEqual(['payments/ledger-0', 'payments/ledger-1', 'payments/ledger-2']);
  });
  it('an unknown or hostile kind still gives a valid plugin that matches nothing in the seed', () => {
    for (const kind of ['DeploymentConfig', 'Rollout', 'a"b\\c\nd]]--', '日本']) {
      const t = pluginTemplateFor(kind);
      expect(t.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(accepted(kind)).toEqual([]);
    }
  });
});
