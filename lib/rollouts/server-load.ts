import 'server-only';
// Reads for the Rollout actions: the Rollout (in the version it is stored in), its customNetworkRefs
// objects (in the version each ref names), the Kruise ConfigMap, and the Rollouts/TrafficRoutings
// that are Progressing on the same objects.
import { getObject, KubeRequestError, listObjects } from '@/lib/k8s/client';
import { kindByKey, kindForObject, type KindDef } from '@/lib/k8s/kinds';
import type { KubeObject } from '@/lib/k8s/types';
import { textAndMsg } from '@/lib/i18n/english';
import type { Msg } from '@/lib/i18n/message';
import { customNetworkRefs, refKey, rolloutSummary, type GatewayRefKey, type RolloutSummary } from '@/lib/kruise';
import { KRUISE_CONFIGMAP, kruiseNamespace } from './server-env';
import { progressingOn, type ProgressingConflict } from './plan-checks';

const ROLLOUTS = kindByKey('rollouts.rollouts.kruise.io')!;
const TRAFFIC_ROUTINGS = kindByKey('trafficroutings.rollouts.kruise.io')!;
const CONFIGMAPS = kindByKey('configmaps')!;
const SERVICES = kindByKey('services')!;
const READ = { timeoutMs: 10_000 };

export { CONFIGMAPS, ROLLOUTS };

export interface LoadedRollout {
  object: KubeObject;
  /** the version the object was read in (and is written back in) */
  version: string;
  summary: RolloutSummary;
}

/** The v1alpha1-only `spec.objectRef` on an object served as v1beta1: a store without conversion. */
function looksV1alpha1(o: KubeObject): boolean {
  const spec = o.spec as Record<string, unknown> | undefined;
  return !!spec && 'objectRef' in spec && !('workloadRef' in spec);
}

/**
 * A real API server converts a v1alpha1 Rollout when it is read as v1beta1 (conversion webhook).
 * The sandbox stores one body and only relabels it, so a v1alpha1-shaped body is read again as
 * v1alpha1, letting the rest see it as the controller would. On a real cluster this never triggers.
 */
export async function loadRollout(context: string, namespace: string, name: string): Promise<LoadedRollout> {
  let object = await getObject(context, ROLLOUTS, name, namespace, READ);
  let version = ROLLOUTS.versions[0];
  if (looksV1alpha1(object)) {
    version = 'v1alpha1';
    object = await getObject(context, ROLLOUTS, name, namespace, { ...READ, version });
  }
  return { object, version, summary: rolloutSummary(object) };
}

export interface LoadedRef {
  ref: GatewayRefKey;
  key: string;
  namespace: string;
  kind: KindDef | null;
  /** the ref's own version (Kruise reads the object by the ref's apiVersion) */
  version: string;
  /** null: not found, or not readable (then `error` says why) */
  live: KubeObject | null;
  /** a failure that is not NotFound (unknown kind, 403, network): the plan cannot be computed */
  error: string | null;
  /** `error` for the page when it is the studio's own sentence (not the API server's) */
  errorMsg?: Msg;
}

export function refsOf(rollout: KubeObject): GatewayRefKey[] {
  return customNetworkRefs(rollout);
}

export async function loadRefs(context: string, namespace: string, refs: GatewayRefKey[]): Promise<LoadedRef[]> {
  return Promise.all(
    refs.map(async (ref): Promise<LoadedRef> => {
      const key = refKey(ref);
      const kind = kindForObject(ref.apiVersion, ref.kind) ?? null;
      const version = ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[1] : ref.apiVersion;
      const base = { ref, key, namespace, kind, version };
      if (!kind) {
        const unknown = textAndMsg('rollouts.planError.unknownKind', { label: `${ref.kind}(${namespace}/${ref.name})`, kind: ref.kind, apiVersion: ref.apiVersion });
        return { ...base, live: null, error: unknown.text, errorMsg: unknown.msg };
      }
      try {
        return { ...base, live: await getObject(context, kind, ref.name, namespace, { ...READ, version }), error: null };
      } catch (err) {
        if (err instanceof KubeRequestError && err.error.code === 404 && err.error.reason === 'NotFound') return { ...base, live: null, error: null };
        return { ...base, live: null, error: `${ref.kind}(${namespace}/${ref.name}): ${(err as Error).message}` };
      }
    }),
  );
}

export interface LoadedConfigMap {
  namespace: string;
  name: string;
  object: KubeObject | null;
  /** set when the ConfigMap could not be read for another reason than NotFound */
  warning: string | null;
  /** `warning` for the page, the API server's words verbatim inside */
  warningMsg?: Msg;
}

export async function loadKruiseConfigMap(context: string): Promise<LoadedConfigMap> {
  const namespace = kruiseNamespace();
  const base = { namespace, name: KRUISE_CONFIGMAP };
  try {
    return { ...base, object: await getObject(context, CONFIGMAPS, KRUISE_CONFIGMAP, namespace, READ), warning: null };
  } catch (err) {
    if (err instanceof KubeRequestError && err.error.code === 404) return { ...base, object: null, warning: null };
    const unreadable = textAndMsg('rollouts.refusal.configMapUnreadable', { configMap: `${namespace}/${KRUISE_CONFIGMAP}`, error: (err as Error).message });
    return { ...base, object: null, warning: unreadable.text, warningMsg: unreadable.msg };
  }
}

/** Names of the Services in the namespace, for the missing-canary-Service lint; undefined when unknown. */
export async function serviceNames(context: string, namespace: string): Promise<string[] | undefined> {
  try {
    return (await listObjects(context, SERVICES, { namespace, ...READ })).items.map((s) => s.metadata.name);
  } catch {
    return undefined;
  }
}

/**
 * "Rollout shop/frontend is Progressing on …" for the objects about to be written, from every
 * Rollout and TrafficRouting in the namespace; null when none. Unreadable lists are skipped (the
 * TrafficRouting CRD is optional).
 */
export async function progressingConflict(context: string, namespace: string, refs: GatewayRefKey[]): Promise<ProgressingConflict | null> {
  if (!refs.length) return null;
  const owners: KubeObject[] = [];
  for (const kind of [ROLLOUTS, TRAFFIC_ROUTINGS]) {
    try {
      owners.push(...(await listObjects(context, kind, { namespace, ...READ })).items);
    } catch {
      /* not served or not readable */
    }
  }
  return progressingOn(owners, refs);
}
