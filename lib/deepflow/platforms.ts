// Which platform a pod comes from (owners, labels, annotations) and what fixes DeepFlow's view of
// it (deepflow-tagging.md §5, §6.2, §9.4): an agent-config snippet, a ClusterRole rule, or a plugin.
import { firstOwner, groupOf } from './standard';
import { VK_CLUSTER_TYPE } from './virtual-kubelet';
import { rec, str } from './fields';

export type PlatformId = 'openkruise' | 'opengauss' | 'openshift' | 'statefulsetplus' | 'virtual-kubelet' | 'job' | 'static';

export const PLATFORM_LABELS: Record<PlatformId, string> = {
  openkruise: 'OpenKruise',
  opengauss: 'OpenGauss',
  openshift: 'OpenShift',
  statefulsetplus: 'StatefulSetPlus',
  'virtual-kubelet': 'virtual-kubelet',
  job: 'Job / CronJob',
  static: 'Static pod',
};

export interface Remediation {
  platform: PlatformId;
  title: string;
  explanation: string;
  /** Copyable agent-config snippet (`inputs.resources.kubernetes.api_resources`), or null. */
  apiResourcesYaml: string | null;
  /** Copyable rules the agent's ClusterRole needs to watch the added resources, or null. */
  clusterRoleYaml: string | null;
  /** false when no agent config fixes it: only a plugin returning an accepted type can. */
  agentConfigCanHelp: boolean;
  /** Owner kind the "Write a plugin" template targets (null: pods without an owner). */
  pluginKind: string | null;
}

const OPENGAUSS_GROUPS = ['opengauss.sig', 'opengauss.cmbc.com.cn'];
const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

/** The platform a pod's first owner, labels and annotations point to; null for plain Kubernetes. */
export function detectPlatform(pod: unknown): PlatformId | null {
  const meta = rec(rec(pod)?.metadata);
  const owner = firstOwner(pod);
  if (owner) {
    const kind = str(owner.kind);
    const group = groupOf(str(owner.apiVersion));
    if (kind === 'Node') return 'static';
    if (group === 'apps.kruise.io') return 'openkruise';
    if (OPENGAUSS_GROUPS.includes(group) || kind === 'OpenGaussCluster') return 'opengauss';
    if (group === 'apps.openshift.io' || kind === 'DeploymentConfig') return 'openshift';
    if (group === 'platform.stke' || kind === 'StatefulSetPlus') return 'statefulsetplus';
    if (kind === 'Job' || kind === 'CronJob') return 'job';
  }
  const labels = rec(meta?.labels);
  if (labels && str(labels[VK_CLUSTER_TYPE]) !== '') return 'virtual-kubelet';
  const annotations = rec(meta?.annotations);
  if (annotations) {
    if (Object.prototype.hasOwnProperty.call(annotations, MIRROR_ANNOTATION)) return 'static';
    if (Object.keys(annotations).some((k) => k.startsWith('openshift.io/'))) return 'openshift';
  }
  return null;
}

const snippet = (entries: string) => `inputs:\n  resources:\n    kubernetes:\n      api_resources:\n${entries}`;
const rule = (group: string, resources: string[]) =>
  `- apiGroups: ["${group}"]\n  resources: [${resources.map((r) => `"${r}"`).join(', ')}]\n  verbs: ["get", "list", "watch"]\n`;

const REMEDIATIONS: Record<PlatformId, Remediation> = {
  openkruise: {
    platform: 'openkruise',
    title: 'Watch OpenKruise workloads',
    explanation: 'DeepFlow\'s agent watches CloneSets (apps.kruise.io/v1alpha1) and Advanced StatefulSets (apps.kruise.io/v1beta1) only when api_resources lists them. '
      + 'statefulsets exists in both apps and apps.kruise.io: a configured entry replaces the default, so list group apps as well to keep native StatefulSets. '
      + 'The agent\'s ClusterRole must allow reading them too.',
    apiResourcesYaml: snippet('      - name: clonesets\n        group: apps.kruise.io\n      - name: statefulsets\n        group: apps\n      - name: statefulsets\n        group: apps.kruise.io\n'),
    clusterRoleYaml: rule('apps.kruise.io', ['clonesets', 'statefulsets']),
    agentConfigCanHelp: true,
    pluginKind: 'CloneSet',
  },
  opengauss: {
    platform: 'opengauss',
    title: 'Watch OpenGauss clusters',
    explanation: 'Pods owned by an OpenGaussCluster are synchronized once the agent watches opengaussclusters. '
      + 'The DeepFlow docs give the API group as opengauss.sig while the agent code uses opengauss.cmbc.com.cn; the ClusterRole below allows both. '
      + 'Alternatively a plugin can map them to a StatefulSet named after the cluster.',
    apiResourcesYaml: snippet('      - name: opengaussclusters\n'),
    clusterRoleYaml: OPENGAUSS_GROUPS.map((g) => rule(g, ['opengaussclusters'])).join(''),
    agentConfigCanHelp: true,
    pluginKind: 'OpenGaussCluster',
  },
  openshift: {
    platform: 'openshift',
    title: 'OpenShift: routes and DeploymentConfigs',
    explanation: 'On OpenShift the agent should watch Routes instead of Ingresses (the snippet below). '
      + 'Pods of a DeploymentConfig are not fixed by api_resources: DeepFlow does not support the DeploymentConfig owner kind, so a plugin is needed to map them to an accepted type.',
    apiResourcesYaml: snippet('      - name: ingresses\n        disabled: true\n      - name: routes\n'),
    clusterRoleYaml: rule('route.openshift.io', ['routes']),
    agentConfigCanHelp: false,
    pluginKind: 'DeploymentConfig',
  },
  statefulsetplus: {
    platform: 'statefulsetplus',
    title: 'Watch StatefulSetPlus (platform.stke)',
    explanation: 'StatefulSetPlus arrives as a statefulsets group/version (platform.stke/v1alpha1). '
      + 'A configured statefulsets entry replaces the default, so list group apps as well to keep native StatefulSets.',
    apiResourcesYaml: snippet('      - name: statefulsets\n        group: apps\n      - name: statefulsets\n        group: platform.stke\n'),
    clusterRoleYaml: rule('platform.stke', ['statefulsets']),
    agentConfigCanHelp: true,
    pluginKind: 'StatefulSetPlus',
  },
  'virtual-kubelet': {
    platform: 'virtual-kubelet',
    title: 'virtual-kubelet pods',
    explanation: 'DeepFlow maps pods labelled virtual-kubelet.io/provider-cluster-type serverless or proprietary with a built-in rule (type from provider-workload-type, name from provider-resource-name). '
      + 'DeepFlow v6.6 to v7.1.5 apply it even without any Lua plugin (up to v7.1.4 the cluster type must be lower-case); '
      + 'from v7.1.6 (and on main) the rule runs only when at least one Lua plugin exists, so uploading any plugin rescues these pods. '
      + 'The rule\'s type must still be one DeepFlow accepts (Job is not); when the rule applies no Lua plugin runs for the pod, '
      + 'so a rejected type is fixed only by changing the pod\'s provider-workload-type label.',
    apiResourcesYaml: null,
    clusterRoleYaml: null,
    agentConfigCanHelp: false,
    pluginKind: null,
  },
  job: {
    platform: 'job',
    title: 'Job and CronJob pods',
    explanation: 'DeepFlow does not support Job owners (deepflow issue #9491) and no api_resources entry adds them. '
      + 'Only a plugin returning one of the accepted types (for example Deployment, named after the Job or CronJob) can map these pods.',
    apiResourcesYaml: null,
    clusterRoleYaml: null,
    agentConfigCanHelp: false,
    pluginKind: 'Job',
  },
  static: {
    platform: 'static',
    title: 'Static (mirror) pods',
    explanation: 'Static pods are owned by their Node, a kind DeepFlow does not support, and no agent config changes that. '
      + 'Only a plugin returning an accepted type (for example DaemonSet, named after the component) can map them.',
    apiResourcesYaml: null,
    clusterRoleYaml: null,
    agentConfigCanHelp: false,
    pluginKind: 'Node',
  },
};

export function remediationFor(platform: PlatformId): Remediation {
  return REMEDIATIONS[platform];
}
