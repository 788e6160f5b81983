// The agent's `inputs.resources.kubernetes.api_resources` (deepflow-tagging.md §9): which workload
// kinds DeepFlow watches decides whether a pod's owner is "synchronized" (§6).
import { msg } from '@/lib/i18n/message';
import { newWarnings, pushWarning, type Warnings } from '@/lib/i18n/warnings';

export interface ApiResourceEntry {
  name: string;
  group?: string;
  version?: string;
  disabled?: boolean;
  field_selector?: string;
}

export interface GroupVersion {
  /** `''` for the core group. */
  group: string;
  version: string;
}

export interface MergedApiResource {
  name: string;
  /** Candidates in DeepFlow's priority order; discovery keeps the first the API server serves. */
  groupVersions: GroupVersion[];
  /** Both group and version were configured: discovery keeps exactly this one. */
  specified: boolean;
  fieldSelector: string;
  /** Came from the built-in default list rather than the configuration. */
  fromDefault: boolean;
}

const gv = (group: string, version: string): GroupVersion => ({ group, version });

/** Allowed names with their group/versions in priority order (§9.2). */
export const API_RESOURCE_GROUP_VERSIONS: Record<string, GroupVersion[]> = {
  namespaces: [gv('', 'v1')],
  nodes: [gv('', 'v1')],
  pods: [gv('', 'v1')],
  replicationcontrollers: [gv('', 'v1')],
  services: [gv('', 'v1')],
  daemonsets: [gv('apps', 'v1')],
  deployments: [gv('apps', 'v1')],
  replicasets: [gv('apps', 'v1')],
  statefulsets: [gv('apps', 'v1'), gv('apps.kruise.io', 'v1beta1'), gv('platform.stke', 'v1alpha1')],
  ingresses: [gv('networking.k8s.io', 'v1'), gv('networking.k8s.io', 'v1beta1'), gv('extensions', 'v1beta1')],
  configmaps: [gv('', 'v1')],
  routes: [gv('route.openshift.io', 'v1')],
  servicerules: [gv('crd.pingan.org', 'v1alpha1')],
  clonesets: [gv('apps.kruise.io', 'v1alpha1')],
  ippools: [gv('crd.projectcalico.org', 'v1')],
  opengaussclusters: [gv('opengauss.cmbc.com.cn', 'v1')],
};

export const DEFAULT_API_RESOURCES: readonly ApiResourceEntry[] = [
  'namespaces', 'nodes', 'pods', 'replicationcontrollers', 'services', 'daemonsets', 'deployments',
  'replicasets', 'statefulsets', 'ingresses', 'configmaps',
].map((name) => ({ name }));

export interface MergeResult {
  resources: MergedApiResource[];
  /** DeepFlow's log lines for skipped entries (`resource X not supported`, …). */
  warnings: string[];
  /** The same, with the position (0-based) of the configured entry each is about. */
  skipped: { entry: number; message: string }[];
}

export function mergeApiResources(config?: ApiResourceEntry[]): MergeResult {
  const skipped: { entry: number; message: string }[] = [];
  const skip = (entry: number, message: string) => { skipped.push({ entry, message }); };
  const entries = config ?? [];
  const disabled = new Set(entries.filter((e) => e.disabled === true).map((e) => e.name));
  const overridden = new Set(entries.filter((e) => e.disabled !== true).map((e) => e.name));
  const resources: MergedApiResource[] = DEFAULT_API_RESOURCES
    .filter((d) => !disabled.has(d.name) && !overridden.has(d.name))
    .map((d) => ({ name: d.name, groupVersions: API_RESOURCE_GROUP_VERSIONS[d.name], specified: false, fieldSelector: '', fromDefault: true }));
  for (const [i, e] of entries.entries()) {
    if (e.disabled === true) continue;
    const all = Object.prototype.hasOwnProperty.call(API_RESOURCE_GROUP_VERSIONS, e.name) ? API_RESOURCE_GROUP_VERSIONS[e.name] : null;
    if (!all) {
      skip(i, `resource ${e.name} not supported`);
      continue;
    }
    const group = e.group ?? '';
    const version = e.version ?? '';
    let groupVersions: GroupVersion[];
    let specified = false;
    if (group === '' && version === '') {
      groupVersions = all;
    } else if (version === '') {
      groupVersions = all.filter((x) => x.group === group);
      if (groupVersions.length === 0) {
        skip(i, `resource ${e.name} in group ${group} not supported`);
        continue;
      }
    } else {
      groupVersions = all.filter((x) => x.group === group && x.version === version);
      if (groupVersions.length === 0) {
        skip(i, `resource ${e.name} in group ${group} version ${version} not supported`);
        continue;
      }
      specified = true;
    }
    resources.push({ name: e.name, groupVersions, specified, fieldSelector: e.field_selector ?? '', fromDefault: false });
  }
  return { resources, warnings: skipped.map((x) => x.message), skipped };
}

/**
 * Discovery (§9.3 step 5): the group/version each entry ends up watching. `served` lists the
 * group/versions the API server offers (`apps/v1`, `v1` for core); without it every candidate is
 * assumed served, so the first (best priority) wins.
 */
export function resolveApiResources(resources: MergedApiResource[], served?: readonly string[]): { watched: { name: string; groupVersion: GroupVersion; fieldSelector: string }[] } & Warnings {
  const warnings = newWarnings();
  const has = (x: GroupVersion) => !served || served.includes(x.group === '' ? x.version : `${x.group}/${x.version}`);
  const watched = resources.map((r) => {
    let chosen = r.groupVersions.find(has);
    if (!chosen) {
      pushWarning(warnings, `resource ${r.name} not found, use defaults`, msg('playground.deepflowWarning.resourceNotFound', { name: r.name }));
      chosen = r.groupVersions[0];
    }
    return { name: r.name, groupVersion: chosen, fieldSelector: r.fieldSelector };
  });
  return { watched, ...warnings };
}
