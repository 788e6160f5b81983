// DeepFlow's owner-reference logic for pods without a plugin result (deepflow-tagging.md §6):
// which cluster objects become pod groups, and the "unsynchronized pod" predicate.
import { msg } from '@/lib/i18n/message';
import { newWarnings, pushWarning, type Warnings } from '@/lib/i18n/warnings';
import { API_RESOURCE_GROUP_VERSIONS, mergeApiResources, resolveApiResources, type ApiResourceEntry, type MergedApiResource } from './api-resources';
import type { PodGroupTypeName } from './validate';
import { rec, str } from './fields';

export type StandardResult =
  | { type: string; name: string }
  | { unsynchronized: 'no-owner' | 'owner-not-watched' | `unsupported-kind: ${string}` };

interface WorkloadKind {
  resource: string;
  type: PodGroupTypeName;
}

/** Object kinds that become pod groups, keyed by kind; the watched resource decides whether DeepFlow sees them. */
const WORKLOAD_KINDS: Record<string, WorkloadKind> = {
  Deployment: { resource: 'deployments', type: 'Deployment' },
  StatefulSet: { resource: 'statefulsets', type: 'StatefulSet' },
  StatefulSetPlus: { resource: 'statefulsets', type: 'StatefulSet' },
  OpenGaussCluster: { resource: 'opengaussclusters', type: 'StatefulSet' },
  DaemonSet: { resource: 'daemonsets', type: 'DaemonSet' },
  CloneSet: { resource: 'clonesets', type: 'CloneSet' },
  ReplicationController: { resource: 'replicationcontrollers', type: 'ReplicationController' },
};

/** Step 2 of the predicate: only these first-owner kinds can be synchronized. */
export const SUPPORTED_OWNER_KINDS: readonly string[] = [
  'CloneSet', 'DaemonSet', 'Deployment', 'InPlaceSet', 'ReplicaSet', 'StatefulSet', 'StatefulSetPlus', 'OpenGaussCluster', 'ReplicationController',
];

export interface PodGroup {
  type: PodGroupTypeName;
  name: string;
  /** The Kubernetes object (or owner reference) it came from. */
  kind: string;
}

export interface WorkloadIndex {
  /** Pod groups by Kubernetes uid (org 1: lcuuid == uid). */
  groups: Map<string, PodGroup>;
  /** Active ReplicaSets by uid → the group their pods join. */
  replicaSets: Map<string, PodGroup>;
  /** Objects that exist but give pods no group, by uid → why (the "owner not watched" detail). */
  skipped: Map<string, string>;
  /** Whether the agent watches `resource` in API group `group` (after the api_resources merge). */
  watches: (resource: string, group: string) => boolean;
  warnings: string[];
  /** `warnings` for the page, index for index */
  warningMsgs: Warnings['warningMsgs'];
}

export function firstOwner(obj: unknown): Record<string, unknown> | null {
  const owners = rec(rec(obj)?.metadata)?.ownerReferences;
  return Array.isArray(owners) && owners.length > 0 ? rec(owners[0]) : null;
}

/** `web-7d4b9c8f6` → `web`: the ReplicaSetController group name (cut before the last `-`). */
export function replicaSetControllerName(rsName: string): string {
  const dash = rsName.lastIndexOf('-');
  return dash < 0 ? rsName : rsName.slice(0, dash);
}

export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

export function buildWorkloadIndex(objects: unknown[], pods: unknown[], apiResources: MergedApiResource[] | ApiResourceEntry[] | undefined): WorkloadIndex {
  const merged: MergedApiResource[] = apiResources && apiResources.length > 0 && 'groupVersions' in (apiResources[0] as object)
    ? (apiResources as MergedApiResource[])
    : mergeApiResources(apiResources as ApiResourceEntry[] | undefined).resources;
  const { watched } = resolveApiResources(merged);
  const warnings = newWarnings();
  const watchedGroups = new Map<string, Set<string>>();
  for (const w of watched) {
    if (!watchedGroups.has(w.name)) watchedGroups.set(w.name, new Set());
    watchedGroups.get(w.name)!.add(w.groupVersion.group);
  }
  const watches = (resource: string, group: string) => watchedGroups.get(resource)?.has(group) ?? false;
  const isWatched = (resource: string, apiVersion: string, fallbackGroup: string) =>
    watches(resource, apiVersion === '' ? fallbackGroup : groupOf(apiVersion));
  const skipped = new Map<string, string>();

  const groups = new Map<string, PodGroup>();
  const rsList: Record<string, unknown>[] = [];
  for (const o of objects) {
    const obj = rec(o);
    const meta = rec(obj?.metadata);
    if (!obj || !meta) continue;
    const kind = str(obj.kind);
    const uid = str(meta.uid);
    const name = str(meta.name);
    if (uid === '' || name === '' || str(meta.namespace) === '') continue;
    if (kind === 'ReplicaSet') {
      if (isWatched('replicasets', str(obj.apiVersion), 'apps')) rsList.push(obj);
      else skipped.set(uid, `${resourceLabel('replicasets', str(obj.apiVersion) === '' ? 'apps' : groupOf(str(obj.apiVersion)))} not in api_resources`);
      continue;
    }
    const wk = WORKLOAD_KINDS[kind];
    if (!wk) {
      pushWarning(
        warnings,
        `object ${kind || '(no kind)'} ${name} is not a DeepFlow workload kind; ignored`,
        kind ? msg('playground.deepflowWarning.notWorkloadKind', { kind, name }) : msg('playground.deepflowWarning.notWorkloadNoKind', { name }),
      );
      continue;
    }
    const group = str(obj.apiVersion) === '' ? API_RESOURCE_GROUP_VERSIONS[wk.resource][0].group : groupOf(str(obj.apiVersion));
    if (!watches(wk.resource, group)) {
      skipped.set(uid, `${resourceLabel(wk.resource, group)} not in api_resources`);
      continue;
    }
    groups.set(uid, { type: wk.type, name, kind });
  }
  // Pod-group stage: InPlaceSet pods get an abstract Deployment keyed by the owner's uid.
  for (const p of pods) {
    const owner = firstOwner(p);
    if (owner && str(owner.kind) === 'InPlaceSet' && str(owner.uid) !== '' && !groups.has(str(owner.uid))) {
      groups.set(str(owner.uid), { type: 'Deployment', name: str(owner.name), kind: 'InPlaceSet' });
    }
  }
  // ReplicaSet stage runs after the pod groups exist.
  const replicaSets = new Map<string, PodGroup>();
  for (const rs of rsList) {
    const meta = rec(rs.metadata)!;
    const replicas = rec(rs.spec)?.replicas;
    if (replicas === 0) { // "is inactive"
      skipped.set(str(meta.uid), 'inactive ReplicaSet');
      continue;
    }
    const ownerUid = str(firstOwner(rs)?.uid);
    if (ownerUid === '') { // "pod group not found": pods of a bare ReplicaSet stay unmatched
      skipped.set(str(meta.uid), 'ReplicaSet without owner');
      continue;
    }
    const owned = groups.get(ownerUid);
    if (owned) {
      replicaSets.set(str(meta.uid), owned);
    } else {
      const rsc: PodGroup = { type: 'ReplicaSetController', name: replicaSetControllerName(str(meta.name)), kind: 'ReplicaSet' };
      groups.set(str(meta.uid), rsc);
      replicaSets.set(str(meta.uid), rsc);
    }
  }
  return { groups, replicaSets, skipped, watches, ...warnings };
}

/** `clonesets`, or `statefulsets (apps.kruise.io)` when the group is not the resource's first choice. */
export function resourceLabel(resource: string, group: string): string {
  const first = API_RESOURCE_GROUP_VERSIONS[resource]?.[0]?.group;
  return first === undefined || first === group ? resource : `${resource} (${group})`;
}

/** The api_resources name that watches a first-owner kind (null: a kind DeepFlow never watches). */
export function ownerResource(kind: string): string | null {
  if (kind === 'ReplicaSet') return 'replicasets';
  return WORKLOAD_KINDS[kind]?.resource ?? null;
}

/** The standard logic's answer for a pod (§6.2 steps 2–5). */
export function classifyStandard(pod: unknown, index: WorkloadIndex): StandardResult {
  const owner = firstOwner(pod);
  const uid = str(owner?.uid);
  if (!owner || uid === '') return { unsynchronized: 'no-owner' };
  const kind = str(owner.kind);
  if (!SUPPORTED_OWNER_KINDS.includes(kind)) return { unsynchronized: `unsupported-kind: ${kind}` };
  const g = index.replicaSets.get(uid) ?? index.groups.get(uid);
  if (!g) return { unsynchronized: 'owner-not-watched' };
  return { type: g.type, name: g.name };
}
