// `authorization.k8s.io/v1`: SelfSubjectAccessReview and SelfSubjectRulesReview answered from the
// RBAC model, and the discovery documents that make `kubectl auth can-i` (and `--list`) work.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeBody, readBodyBytes, sendJson } from './http';
import { authorize, authorizeNonResource, rulesFor, type RbacUser } from './rbac';
import { errors } from './status';
import { createOnlyGroup } from './virtual-group';

export const REVIEW_GROUP = 'authorization.k8s.io';
export const REVIEW_VERSION = 'v1';
const GROUP_VERSION = `${REVIEW_GROUP}/${REVIEW_VERSION}`;
const REVIEWS = {
  selfsubjectaccessreviews: 'SelfSubjectAccessReview',
  selfsubjectrulesreviews: 'SelfSubjectRulesReview',
} as const;
export type ReviewResource = keyof typeof REVIEWS;
const discovery = createOnlyGroup(REVIEW_GROUP, REVIEW_VERSION, REVIEWS);

export const isReviewResource = discovery.is;
export const reviewGroup = discovery.group;
export const reviewGroupDoc = discovery.groupDoc;
export const reviewResourceList = discovery.resourceList;

interface ReviewBody {
  apiVersion?: string;
  kind?: string;
  metadata?: Record<string, unknown>;
  spec?: {
    resourceAttributes?: { namespace?: string; verb?: string; group?: string; version?: string; resource?: string; subresource?: string; name?: string } | null;
    nonResourceAttributes?: { path?: string; verb?: string } | null;
    namespace?: string;
  };
}

/** `value` is already formatted the way apimachinery's field.Invalid prints it. */
function invalid(kind: string, field: string, value: string, detail: string) {
  return errors.invalid({ group: REVIEW_GROUP, kind }, '', [{ field, message: `Invalid value: ${value}: ${detail}` }]);
}

function accessReviewStatus(user: RbacUser, spec: NonNullable<ReviewBody['spec']>) {
  const kind = REVIEWS.selfsubjectaccessreviews;
  const ra = spec.resourceAttributes ?? undefined;
  const nra = spec.nonResourceAttributes ?? undefined;
  if (ra && nra) throw invalid(kind, 'spec.nonResourceAttributes', JSON.stringify(nra), 'cannot be specified in combination with resourceAttributes');
  if (!ra && !nra) throw invalid(kind, 'spec.resourceAttributes', '"null"', 'exactly one of nonResourceAttributes or resourceAttributes must be specified');
  const d = ra
    ? authorize(user, {
        verb: ra.verb ?? '',
        group: ra.group ?? '',
        resource: ra.resource ?? '',
        subresource: ra.subresource || undefined,
        name: ra.name || undefined,
        namespace: ra.namespace || undefined,
      })
    : authorizeNonResource(user, { verb: nra!.verb ?? '', path: nra!.path ?? '' });
  return d.reason ? { allowed: d.allowed, reason: d.reason } : { allowed: d.allowed };
}

function rulesReviewStatus(user: RbacUser, spec: NonNullable<ReviewBody['spec']>) {
  const { resourceRules, nonResourceRules } = rulesFor(user, spec.namespace ?? '');
  return { resourceRules, nonResourceRules, incomplete: false };
}

/** POST only; the review is computed, never stored (as on a real cluster). */
export async function handleReview(req: IncomingMessage, res: ServerResponse, resource: ReviewResource, user: RbacUser): Promise<void> {
  if (req.method !== 'POST') throw errors.methodNotAllowed();
  const kind = REVIEWS[resource];
  const raw = decodeBody(await readBodyBytes(req), req.headers['content-type']); // bytes: kubectl sends protobuf
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw errors.badRequest('the request body must be a JSON object');
  const body = raw as ReviewBody;
  if (body.kind && body.kind !== kind) throw errors.badRequest(`the kind in the data (${body.kind}) does not match the expected kind (${kind})`);
  const spec = body.spec ?? {};
  const status = resource === 'selfsubjectaccessreviews' ? accessReviewStatus(user, spec) : rulesReviewStatus(user, spec);
  sendJson(res, 201, { kind, apiVersion: GROUP_VERSION, metadata: { creationTimestamp: null }, spec, status });
}
