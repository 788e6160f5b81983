import 'server-only';
// "May I?" before a write: one SelfSubjectAccessReview per verb/resource, as `kubectl auth can-i`
// sends it. A server that does not serve authorization.k8s.io (404: an older sandbox) gives
// `unknown`: callers then let the write's own 403 decide.
import * as k8s from '@kubernetes/client-node';
import { callFor, clusterClient, KubeRequestError, requestOptions } from './client';
import { textAndMsg } from '@/lib/i18n/english';
import type { Msg } from '@/lib/i18n/message';

export interface AccessQuery {
  verb: string;
  /** API group; `''` for the core group. */
  group: string;
  /** Plural resource, e.g. `virtualservices`. */
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

export type AccessAnswer =
  | { state: 'allowed' }
  | { state: 'denied'; reason: string; msg: Msg }
  /** The review itself could not be asked; `reason` says why. */
  | { state: 'unknown'; reason: string; msg: Msg };

const apis = new WeakMap<object, k8s.AuthorizationV1Api>();

function api(context: string): { client: ReturnType<typeof clusterClient>; authz: k8s.AuthorizationV1Api } {
  const client = clusterClient(context);
  let authz = apis.get(client);
  if (!authz) {
    authz = client.kc.makeApiClient(k8s.AuthorizationV1Api);
    apis.set(client, authz);
  }
  return { client, authz };
}

/** `update virtualservices.networking.istio.io in shop`, `patch rollouts.rollouts.kruise.io/status in shop`. */
export function describeAccess(q: AccessQuery): string {
  const res = (q.group ? `${q.resource}.${q.group}` : q.resource) + (q.subresource ? `/${q.subresource}` : '');
  return `${q.verb} ${res}${q.name ? ` "${q.name}"` : ''}${q.namespace ? ` in ${q.namespace}` : ' at the cluster scope'}`;
}

/** The answer in words: the English for logs and refusals, and its descriptor (scope decides the key). */
function answer(state: 'denied' | 'unknown', key: string, q: AccessQuery, values: Record<string, string>): AccessAnswer {
  const res = (q.group ? `${q.resource}.${q.group}` : q.resource) + (q.subresource ? `/${q.subresource}` : '') + (q.name ? ` "${q.name}"` : '');
  const r = textAndMsg(`${key}.${q.namespace ? 'namespaced' : 'cluster'}`, { ...values, verb: q.verb, resource: res, namespace: q.namespace ?? '' });
  return { state, reason: r.text, msg: r.msg };
}

export async function selfSubjectAccessReview(context: string, q: AccessQuery, opts: { timeoutMs?: number } = {}): Promise<AccessAnswer> {
  const { client, authz } = api(context);
  const body: k8s.V1SelfSubjectAccessReview = {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SelfSubjectAccessReview',
    spec: {
      resourceAttributes: {
        verb: q.verb,
        group: q.group,
        resource: q.resource,
        ...(q.subresource ? { subresource: q.subresource } : {}),
        ...(q.namespace ? { namespace: q.namespace } : {}),
        ...(q.name ? { name: q.name } : {}),
      },
    },
  };
  try {
    const review = await callFor(client, { verb: 'create', resource: 'selfsubjectaccessreviews.authorization.k8s.io' }, () =>
      authz.createSelfSubjectAccessReview({ body }, requestOptions(client, { timeoutMs: opts.timeoutMs ?? 5_000 })),
    );
    const status = review.status;
    if (status?.allowed) return { state: 'allowed' };
    const why = [status?.reason, status?.evaluationError].filter(Boolean).join('; ');
    return answer('denied', why ? 'shell.access.deniedWhy' : 'shell.access.denied', q, { context, why });
  } catch (err) {
    const e = err instanceof KubeRequestError ? err.error : null;
    if (e?.code === 404) return answer('unknown', 'shell.access.noReviews', q, {});
    return answer('unknown', 'shell.access.askFailed', q, { quote: e?.message ?? (err as Error).message });
  }
}
