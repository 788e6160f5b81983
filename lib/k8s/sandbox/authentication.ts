// `authentication.k8s.io/v1`: TokenReview (is this bearer token valid, and whose is it?) and
// SelfSubjectReview (`kubectl auth whoami`), answered from the sandbox's users, plus their
// discovery documents. Like the access reviews, they are computed and never stored.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeBody, readBodyBytes, sendJson } from './http';
import type { Rbac, RbacUser } from './rbac';
import { errors } from './status';
import { createOnlyGroup } from './virtual-group';

export const AUTHN_GROUP = 'authentication.k8s.io';
export const AUTHN_VERSION = 'v1';
const GROUP_VERSION = `${AUTHN_GROUP}/${AUTHN_VERSION}`;
const RESOURCES = {
  tokenreviews: 'TokenReview',
  selfsubjectreviews: 'SelfSubjectReview',
} as const;
export type AuthnResource = keyof typeof RESOURCES;
const discovery = createOnlyGroup(AUTHN_GROUP, AUTHN_VERSION, RESOURCES);

export const isAuthnResource = discovery.is;
export const authnGroup = discovery.group;
export const authnGroupDoc = discovery.groupDoc;
export const authnResourceList = discovery.resourceList;

/** What the API server reports about a user: every authenticated user is in `system:authenticated`. */
export function userInfo(user: Pick<RbacUser, 'name' | 'groups'>): { username: string; groups: string[] } {
  const groups = [...(user.groups ?? [])];
  if (!groups.includes('system:authenticated')) groups.push('system:authenticated');
  return { username: user.name, groups };
}

interface TokenReviewBody {
  kind?: string;
  spec?: { token?: string; audiences?: string[] };
}

/** POST only. `user` is the caller (already allowed to create the resource by the server). */
export async function handleAuthn(
  req: IncomingMessage,
  res: ServerResponse,
  resource: AuthnResource,
  user: RbacUser,
  rbac: Rbac,
  equal: (a: string, b: string) => boolean,
): Promise<void> {
  if (req.method !== 'POST') throw errors.methodNotAllowed();
  const kind = RESOURCES[resource];
  const bytes = await readBodyBytes(req);
  const head = { kind, apiVersion: GROUP_VERSION, metadata: { creationTimestamp: null } };
  if (resource === 'selfsubjectreviews') {
    // The request carries nothing but its credentials (kubectl may send it as protobuf: not read).
    return sendJson(res, 201, { ...head, status: { userInfo: userInfo(user) } });
  }
  const raw = decodeBody(bytes, req.headers['content-type']);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw errors.badRequest('the request body must be a JSON object');
  const body = raw as TokenReviewBody;
  if (body.kind && body.kind !== kind) throw errors.badRequest(`the kind in the data (${body.kind}) does not match the expected kind (${kind})`);
  const spec = { token: body.spec?.token ?? '', ...(body.spec?.audiences ? { audiences: body.spec.audiences } : {}) };
  if (!spec.token) throw errors.invalid({ group: AUTHN_GROUP, kind }, '', [{ field: 'spec.token', message: 'Required value: token must be set' }]);
  const found = rbac.authenticate(spec.token, equal);
  // `authenticated` is omitted when false, as Go's omitempty does; the token is not echoed back.
  const status = found ? { authenticated: true, user: userInfo(found), audiences: spec.audiences ?? [] } : { user: {}, error: 'invalid bearer token' };
  sendJson(res, 201, { ...head, spec: { ...spec, token: '' }, status });
}
