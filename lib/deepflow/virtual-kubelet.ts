// DeepFlow's built-in rule for virtual-kubelet pods (customSCIPodGroup, deepflow-tagging.md §5).
// It runs before any Lua plugin, but only when at least one Lua plugin exists.
import { goToLower } from './go-strings';
import { str } from './fields';

const CLUSTER_TYPE = 'virtual-kubelet.io/provider-cluster-type';
const WORKLOAD_TYPE = 'virtual-kubelet.io/provider-workload-type';
const RESOURCE_NAME = 'virtual-kubelet.io/provider-resource-name';
const STS_POD_NAME = 'statefulset.kubernetes.io/pod-name';

/** The rule's (type, name), or null when it does not apply. */
export function virtualKubeletRule(labels: unknown): { type: string; name: string } | null {
  if (typeof labels !== 'object' || labels === null || Array.isArray(labels)) return null;
  const l = labels as Record<string, unknown>;
  const clusterType = goToLower(str(l[CLUSTER_TYPE]));
  if (clusterType !== 'serverless' && clusterType !== 'proprietary') return null;
  let type = str(l[WORKLOAD_TYPE]);
  if (type === '') type = Object.prototype.hasOwnProperty.call(l, STS_POD_NAME) ? 'StatefulSet' : 'Deployment';
  const resource = str(l[RESOURCE_NAME]);
  if (resource === '') return null;
  const dash = resource.lastIndexOf('-');
  const name = dash < 0 ? resource : resource.slice(0, dash);
  if (type === '' || name === '') return null;
  return { type, name };
}
