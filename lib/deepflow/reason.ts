// Why DeepFlow's standard logic leaves a pod unsynchronized (deepflow-tagging.md §6.2), in words the
// pods page, the plugin pages and the playground share: one wording, decided here.
import { API_RESOURCE_GROUP_VERSIONS } from './api-resources';
import { firstOwner, groupOf, ownerResource, resourceLabel, type StandardResult, type WorkloadIndex } from './standard';
import { str } from './fields';

export type UnsyncCode = 'no-owner' | 'unsupported-kind' | 'owner-not-watched';

export interface UnsyncReason {
  code: UnsyncCode;
  /** 'no owner' | `unsupported owner kind ${Kind}` | 'owner not watched' */
  text: string;
  /** The specific cause: 'inactive ReplicaSet', 'clonesets not in api_resources', 'static pod (owner Node)', … */
  detail: string;
  /** The first owner reference (the only one DeepFlow reads), or null when there is none. */
  owner: { kind: string; name: string; apiVersion: string; uid: string } | null;
}

const JOB_DETAIL = 'Job pods: only a plugin with an accepted type can map them';

function unsupportedDetail(kind: string): string {
  if (kind === 'Node') return 'static pod (owner Node)';
  if (kind === 'Job') return JOB_DETAIL;
  return kind === '' ? 'owner kind is empty' : kind;
}

function notWatchedDetail(owner: NonNullable<UnsyncReason['owner']>, index: WorkloadIndex): string {
  const skipped = index.skipped.get(owner.uid);
  if (skipped !== undefined) return skipped;
  const resource = ownerResource(owner.kind);
  if (resource !== null) {
    const group = owner.apiVersion === '' ? API_RESOURCE_GROUP_VERSIONS[resource][0].group : groupOf(owner.apiVersion);
    if (!index.watches(resource, group)) return `${resourceLabel(resource, group)} not in api_resources`;
  }
  if (owner.kind === 'ReplicaSet') return 'ReplicaSet not found';
  return `owner ${owner.kind} ${owner.name} not found`;
}

/** The reason for a pod the standard logic classified as `standard`; null when it is synchronized. */
export function unsyncReason(pod: unknown, standard: StandardResult, index: WorkloadIndex): UnsyncReason | null {
  if (!('unsynchronized' in standard)) return null;
  const o = firstOwner(pod);
  const owner = o ? { kind: str(o.kind), name: str(o.name), apiVersion: str(o.apiVersion), uid: str(o.uid) } : null;
  if (standard.unsynchronized === 'no-owner') {
    return { code: 'no-owner', text: 'no owner', detail: owner ? 'first owner uid is empty' : 'no ownerReferences', owner };
  }
  if (standard.unsynchronized === 'owner-not-watched') {
    return { code: 'owner-not-watched', text: 'owner not watched', detail: notWatchedDetail(owner!, index), owner };
  }
  const kind = standard.unsynchronized.slice('unsupported-kind: '.length);
  return { code: 'unsupported-kind', text: `unsupported owner kind ${kind}`, detail: unsupportedDetail(kind), owner };
}

/** The reason in one phrase: `owner not watched (clonesets not in api_resources)`. */
export function reasonWords(reason: UnsyncReason): string {
  const kind = reason.owner?.kind ?? '';
  return reason.code === 'unsupported-kind' && reason.detail === kind ? reason.text : `${reason.text} (${reason.detail})`;
}
