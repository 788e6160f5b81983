// The plugin argument (deepflow-tagging.md §1.3): the pod's metadata trimmed to what the agent sends.
import { goMarshal } from './go-json';

const METADATA_KEYS = ['annotations', 'creationTimestamp', 'labels', 'name', 'namespace', 'ownerReferences', 'uid'] as const;
const OWNER_KEYS = ['apiVersion', 'blockOwnerDeletion', 'controller', 'kind', 'name', 'uid'] as const;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function pick(src: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // The agent's structs omit absent (None) fields; a JSON null is treated as absent too.
  for (const k of keys) if (src[k] !== undefined && src[k] !== null) out[k] = src[k];
  return out;
}

export function trimPodMetadata(pod: unknown): Record<string, unknown> {
  const meta = isRecord(pod) && isRecord(pod.metadata) ? pod.metadata : {};
  const out = pick(meta, METADATA_KEYS);
  if (Array.isArray(out.ownerReferences)) {
    out.ownerReferences = out.ownerReferences.map((o) => (isRecord(o) ? pick(o, OWNER_KEYS) : o));
  }
  return out;
}

/** Exactly the string `GetWorkloadTypeAndName` receives for this pod. */
export function podMetadataJson(pod: unknown): string {
  return goMarshal(trimPodMetadata(pod));
}
