// DeepFlow's built-in rule for virtual-kubelet pods (customSCIPodGroup, deepflow-tagging.md §5).
// It runs before any Lua plugin; whether it needs a plugin to exist, and whether the cluster type is
// lower-cased first, depends on the release (versions.ts).
import { goToLower } from './go-strings';
import { str } from './fields';

export const VK_CLUSTER_TYPE = 'virtual-kubelet.io/provider-cluster-type';
export const VK_WORKLOAD_TYPE = 'virtual-kubelet.io/provider-workload-type';
export const VK_RESOURCE_NAME = 'virtual-kubelet.io/provider-resource-name';
const STS_POD_NAME = 'statefulset.kubernetes.io/pod-name';

export interface VirtualKubeletOptions {
  /** `provider-cluster-type` is lower-cased before the match (7.1.5 on; the default). */
  caseInsensitive?: boolean;
}

/** The rule's (type, name), or null when it does not apply. */
export function virtualKubeletRule(labels: unknown, options: VirtualKubeletOptions = {}): { type: string; name: string } | null {
  if (typeof labels !== 'object' || labels === null || Array.isArray(labels)) return null;
  const l = labels as Record<string, unknown>;
  const raw = str(l[VK_CLUSTER_TYPE]);
  const clusterType = options.caseInsensitive === false ? raw : goToLower(raw);
  if (clusterType !== 'serverless' && clusterType !== 'proprietary') return null;
  let type = str(l[VK_WORKLOAD_TYPE]);
  if (type === '') type = Object.prototype.hasOwnProperty.call(l, STS_POD_NAME) ? 'StatefulSet' : 'Deployment';
  const resource = str(l[VK_RESOURCE_NAME]);
  if (resource === '') return null;
  const dash = resource.lastIndexOf('-');
  const name = dash < 0 ? resource : resource.slice(0, dash);
  if (type === '' || name === '') return null;
  return { type, name };
}
