// Pods + the evaluator's verdicts → the page's rows. Rows whose pod object and verdict did not
// change keep their identity, so the memoised table rows skip them on a watch event.
import type { PodTag } from '@/lib/deepflow/tag';
import { podStatus } from '@/lib/k8s/pod-status';
import type { PodEntry } from './pod-entry';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const s = (v: unknown) => (typeof v === 'string' ? v : '');

export function podIdentity(pod: unknown): { uid: string; namespace: string; name: string } {
  const m = isObj(pod) && isObj(pod.metadata) ? pod.metadata : {};
  const namespace = s(m.namespace);
  const name = s(m.name);
  return { uid: s(m.uid) || `${namespace}/${name}`, namespace, name };
}

export type EntryCache = WeakMap<object, { tag: PodTag | null; entry: PodEntry }>;

export function buildEntries(pods: readonly unknown[], tags: ReadonlyMap<string, PodTag>, cache: EntryCache): PodEntry[] {
  return pods.map((pod) => {
    const id = podIdentity(pod);
    const tag = tags.get(id.uid) ?? null;
    const key = pod as object;
    const prev = cache.get(key);
    if (prev && prev.tag === tag) return prev.entry;
    const m = isObj(pod) && isObj(pod.metadata) ? pod.metadata : {};
    const owners = Array.isArray(m.ownerReferences) ? m.ownerReferences : [];
    const st = podStatus(pod);
    const entry: PodEntry = {
      uid: id.uid, key: `${id.namespace}/${id.name}`, namespace: id.namespace, name: id.name,
      status: st.status, restarts: st.restarts, createdAt: s(m.creationTimestamp),
      ownerKind: isObj(owners[0]) ? s(owners[0].kind) || null : null,
      tag,
    };
    cache.set(key, { tag, entry });
    return entry;
  });
}
