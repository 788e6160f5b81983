// Impersonation (`kubectl --as=… --as-group=…`, the studio's proxy mode): the authenticated user
// asks to act as another user and groups. As kube-apiserver's impersonation filter does, each
// requested name needs the `impersonate` verb on `users`, `groups` or (for
// `system:serviceaccount:<ns>:<name>`) `serviceaccounts` in that namespace, checked against the
// CALLER's rules; the first refusal is the API server's 403. The impersonated user then gets the
// rules of the sandbox user of that name (if any) and of its groups (`system:masters`: everything).
import type { IncomingHttpHeaders } from 'node:http';
import { ADMIN_RULES, authorize, forbidden, type PolicyRule, type Rbac, type RbacUser, type ResourceAttributes } from './rbac';
import { errors } from './status';

/** Group bindings every cluster has. */
export const GROUP_RULES: Record<string, PolicyRule[]> = { 'system:masters': ADMIN_RULES };

const SERVICE_ACCOUNT = /^system:serviceaccount:([^:]+):([^:]+)$/;

export interface ImpersonationRequest {
  user?: string;
  groups: string[];
  uid?: string;
  extra: string[];
}

/** Node joins repeated headers with ", "; `headersDistinct` keeps one value per header line. */
export function impersonationRequest(headers: IncomingHttpHeaders, distinct?: Record<string, string[] | undefined>): ImpersonationRequest {
  const all = (name: string): string[] => distinct?.[name] ?? (headers[name] === undefined ? [] : ([] as string[]).concat(headers[name] as string | string[]));
  const extra = Object.keys(headers).filter((h) => h.startsWith('impersonate-extra-'));
  return { user: all('impersonate-user')[0], groups: all('impersonate-group'), uid: all('impersonate-uid')[0], extra };
}

export function isImpersonating(r: ImpersonationRequest): boolean {
  return r.user !== undefined || r.groups.length > 0 || r.uid !== undefined || r.extra.length > 0;
}

/** The user a request acts as: `actor` itself, or whom it may impersonate; throws the API server's 400/403. */
export function actAs(actor: RbacUser, r: ImpersonationRequest, rbac: Rbac): RbacUser {
  if (!isImpersonating(r)) return actor;
  if (r.user === undefined || r.user === '') throw errors.badRequest('requested impersonation of groups, a UID or extra fields without impersonating a user');
  if (r.uid !== undefined || r.extra.length) throw errors.badRequest('the sandbox does not support impersonating a UID or extra fields');
  const check = (a: Omit<ResourceAttributes, 'verb'>) => {
    const attrs = { verb: 'impersonate', ...a };
    if (!authorize(actor, attrs).allowed) throw forbidden(actor.name, attrs);
  };
  const sa = SERVICE_ACCOUNT.exec(r.user);
  if (sa) check({ group: '', resource: 'serviceaccounts', namespace: sa[1], name: sa[2] });
  else check({ group: '', resource: 'users', name: r.user });
  for (const g of r.groups) check({ group: '', resource: 'groups', name: g });

  const groups = [...r.groups];
  if (sa) groups.push('system:serviceaccounts', `system:serviceaccounts:${sa[1]}`);
  if (r.user !== 'system:anonymous' && !groups.includes('system:authenticated')) groups.push('system:authenticated');
  const named = rbac.users.find((u) => u.name === r.user);
  const rules = [...(named?.rules ?? []), ...groups.flatMap((g) => GROUP_RULES[g] ?? [])];
  return { name: r.user, token: '', groups, rules, grantedBy: named?.grantedBy };
}
