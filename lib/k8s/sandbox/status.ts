// Kubernetes `Status` error bodies. Clients (client-go, @kubernetes/client-node, the studio) branch on
// `reason` and `code`, so these mirror the API server's wording closely.
import type { KindDef } from '../kinds';

export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'BadRequest'
  | 'Forbidden'
  | 'Unauthorized'
  | 'Gone'
  | 'Expired'
  | 'MethodNotAllowed'
  | 'NotAcceptable'
  | 'UnsupportedMediaType'
  | 'InternalError';

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: { reason?: string; message: string; field?: string }[];
}

export interface StatusBody {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never> | { resourceVersion?: string };
  status: 'Failure' | 'Success';
  message?: string;
  reason?: StatusReason;
  details?: StatusDetails;
  code: number;
}

export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: StatusReason,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toStatus(): StatusBody {
    return statusBody(this.code, this.reason, this.message, this.details);
  }
}

export function statusBody(code: number, reason: StatusReason, message: string, details?: StatusDetails): StatusBody {
  const body: StatusBody = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details && Object.keys(details).length) body.details = details;
  return body;
}

export function successStatus(details: StatusDetails): StatusBody {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details, code: 200 };
}

/** `pods`, `rollouts.rollouts.kruise.io`: the "group resource" string the API server puts in messages. */
export function groupResource(k: Pick<KindDef, 'group' | 'plural'>): string {
  return k.group ? `${k.plural}.${k.group}` : k.plural;
}

function resourceDetails(k: Pick<KindDef, 'group' | 'plural'>, name?: string): StatusDetails {
  const d: StatusDetails = {};
  if (name !== undefined) d.name = name;
  if (k.group) d.group = k.group;
  d.kind = k.plural;
  return d;
}

export const errors = {
  notFound: (k: Pick<KindDef, 'group' | 'plural'>, name: string) =>
    new ApiError(404, 'NotFound', `${groupResource(k)} "${name}" not found`, resourceDetails(k, name)),
  alreadyExists: (k: Pick<KindDef, 'group' | 'plural'>, name: string) =>
    new ApiError(409, 'AlreadyExists', `${groupResource(k)} "${name}" already exists`, resourceDetails(k, name)),
  conflict: (k: Pick<KindDef, 'group' | 'plural'>, name: string, why = 'the object has been modified; please apply your changes to the latest version and try again') =>
    new ApiError(409, 'Conflict', `Operation cannot be fulfilled on ${groupResource(k)} "${name}": ${why}`, resourceDetails(k, name)),
  invalid: (k: Pick<KindDef, 'group' | 'kind'>, name: string, causes: { field: string; message: string; reason?: string }[]) => {
    // apimachinery NewInvalid: `<Kind>.<group> "<name>" is invalid: <aggregate>`, the aggregate
    // bracketed when it holds more than one error.
    const all = [...new Set(causes.map((c) => `${c.field}: ${c.message}`))];
    const text = all.length === 1 ? all[0] : `[${all.join(', ')}]`;
    const details: StatusDetails = { name, kind: k.kind, causes: causes.map((c) => ({ reason: c.reason ?? 'FieldValueInvalid', message: c.message, field: c.field })) };
    if (k.group) details.group = k.group;
    return new ApiError(422, 'Invalid', `${k.group ? `${k.kind}.${k.group}` : k.kind} "${name}" is invalid: ${text}`, details);
  },
  unprocessable: (message: string) => new ApiError(422, 'Invalid', message),
  badRequest: (message: string) => new ApiError(400, 'BadRequest', message),
  unauthorized: () => new ApiError(401, 'Unauthorized', 'Unauthorized'),
  expired: (message: string) => new ApiError(410, 'Expired', message),
  methodNotAllowed: () => new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource'),
  notAcceptable: (accepted: string) => new ApiError(406, 'NotAcceptable', `only the following media types are accepted: ${accepted}`),
  unsupportedMediaType: (contentType: string) =>
    new ApiError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format (${contentType || 'no Content-Type'}) - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`,
    ),
  pathNotFound: () => new ApiError(404, 'NotFound', 'the server could not find the requested resource'),
};
