// What the API server's pod strategy does on create (PrepareForCreate in pkg/registry/core/pod):
// the client's status is dropped and replaced by `phase: Pending` and the QoS class, plus the
// SchedulingGated condition when the pod has scheduling gates. Nothing else: the sandbox has no
// scheduler or kubelet, so a created pod stays Pending, as it would on a cluster without nodes.
import type { K8sObject } from './store';

type ResourceMap = Record<string, unknown>;
interface ContainerLike { resources?: { requests?: ResourceMap; limits?: ResourceMap } }

const SUFFIX: Record<string, number> = {
  n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

/** A resource.Quantity as a number (NaN when it does not parse). */
export function quantityValue(q: unknown): number {
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]?)$/.exec(String(q ?? '').trim());
  return m ? Number(m[1]) * SUFFIX[m[2]] : NaN;
}

const QOS_RESOURCES = ['cpu', 'memory'];

/**
 * GetPodQOS: BestEffort without any cpu/memory request or limit; Guaranteed when every container
 * limits both and the pod's requests equal its limits (a limit without a request counts as that
 * request, as defaulting does); Burstable otherwise.
 */
export function podQosClass(pod: K8sObject): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const spec = (pod as { spec?: { containers?: ContainerLike[]; initContainers?: ContainerLike[] } }).spec ?? {};
  const requests = new Map<string, number>();
  const limits = new Map<string, number>();
  let guaranteed = true;
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    const lim = c.resources?.limits ?? {};
    const req = { ...lim, ...(c.resources?.requests ?? {}) };
    for (const r of QOS_RESOURCES) {
      const rv = quantityValue(req[r]);
      if (rv > 0) requests.set(r, (requests.get(r) ?? 0) + rv);
      const lv = quantityValue(lim[r]);
      if (lv > 0) limits.set(r, (limits.get(r) ?? 0) + lv);
    }
    if (!QOS_RESOURCES.every((r) => quantityValue(lim[r]) > 0)) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed && requests.size === limits.size && [...requests].every(([r, v]) => limits.get(r) === v)) return 'Guaranteed';
  return 'Burstable';
}

/** Applies the create-time defaults to a pod about to be stored (other kinds pass unchanged). */
export function prepareForCreate<T extends K8sObject>(kind: { group: string; kind: string }, obj: T): T {
  if (kind.group !== '' || kind.kind !== 'Pod') return obj;
  const status: Record<string, unknown> = { phase: 'Pending', qosClass: podQosClass(obj) };
  const gates = (obj as { spec?: { schedulingGates?: unknown[] } }).spec?.schedulingGates;
  if (Array.isArray(gates) && gates.length) {
    status.conditions = [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates', lastProbeTime: null, lastTransitionTime: null }];
  }
  return { ...obj, status };
}
