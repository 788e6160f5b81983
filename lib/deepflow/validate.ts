// What DeepFlow does with a plugin's (type, name) (deepflow-tagging.md §4).
import { goToLower } from './go-strings';
import { UUID_NAMESPACE_OID, uuidV5 } from './uuid';

export type PodGroupTypeName = 'Deployment' | 'StatefulSet' | 'ReplicationController' | 'DaemonSet' | 'ReplicaSetController' | 'CloneSet';

export interface PodGroupType {
  /** Name shown by DeepFlow's querier for the enum value. */
  name: PodGroupTypeName;
  /** POD_GROUP_* constant value. */
  value: 1 | 2 | 3 | 4 | 5 | 6;
  /** Querier / VIF device type. */
  querierEnum: number;
}

const TYPES: Record<string, PodGroupType> = {
  deployment: { name: 'Deployment', value: 1, querierEnum: 130 },
  statefulset: { name: 'StatefulSet', value: 2, querierEnum: 131 },
  replicationcontroller: { name: 'ReplicationController', value: 3, querierEnum: 132 },
  daemonset: { name: 'DaemonSet', value: 4, querierEnum: 133 },
  replicaset: { name: 'ReplicaSetController', value: 5, querierEnum: 134 },
  cloneset: { name: 'CloneSet', value: 6, querierEnum: 135 },
};

export const ALLOWED_PLUGIN_TYPES = Object.keys(TYPES) as readonly string[];

/** `strings.ToLower` (no trimming) then the six-entry lookup; null → "abstract workload type (%s) not support". */
export function lookupPluginType(type: string): PodGroupType | null {
  return Object.prototype.hasOwnProperty.call(TYPES, goToLower(type)) ? TYPES[goToLower(type)] : null;
}

export type ValidationResult =
  | { ok: true; type: PodGroupType; name: string }
  | { ok: false; reason: 'empty' | 'type-not-supported'; log: string };

export function validatePluginResult(podName: string, type: string, name: string): ValidationResult {
  if (type === '' || name === '') {
    return { ok: false, reason: 'empty', log: `pod (${podName}) abstract not found pod group type (${type}) or name (${name})` };
  }
  const t = lookupPluginType(type);
  if (!t) return { ok: false, reason: 'type-not-supported', log: `pod (${podName}) abstract workload type (${type}) not support` };
  return { ok: true, type: t, name };
}

export interface AbstractGroupIdentity {
  uid: string;
  lcuuid: string;
  label: string;
}

/** The type is not part of the key: every pod of a namespace returning the same name joins one group. */
export function abstractGroupIdentity(namespace: string, name: string, lowerType: string, orgId = 1): AbstractGroupIdentity {
  const uid = uuidV5(UUID_NAMESPACE_OID, orgId === 1 ? namespace + name : `${orgId}_${namespace}${name}`);
  const lcuuid = orgId === 1 ? uid : uuidV5(UUID_NAMESPACE_OID, `${orgId}_${uid}`);
  return { uid, lcuuid, label: `${lowerType}:${namespace}:${name}` };
}
