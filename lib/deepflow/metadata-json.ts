// The plugin argument (deepflow-tagging.md §1.3): the pod's metadata trimmed to what the agent sends.
import { DEEPFLOW_SERVER_GO, goMarshal } from '@/lib/go-json';
import { isRecord } from './fields';

/** DeepFlow server release lines; the Go each is built with decides how `\b` and `\f` are escaped. */
export type DeepflowRelease = keyof typeof DEEPFLOW_SERVER_GO;

const METADATA_KEYS = ['annotations', 'creationTimestamp', 'labels', 'name', 'namespace', 'ownerReferences', 'uid'] as const;
const OWNER_KEYS = ['apiVersion', 'blockOwnerDeletion', 'controller', 'kind', 'name', 'uid'] as const;

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

/** Exactly the string `GetWorkloadTypeAndName` receives for this pod (from DeepFlow `release`, default main). */
export function podMetadataJson(pod: unknown, release: DeepflowRelease = 'main'): string {
  return goMarshal(trimPodMetadata(pod), DEEPFLOW_SERVER_GO[release]);
}
