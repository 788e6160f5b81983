// A small RBAC model: users (bearer tokens) with allow-only policy rules matched the way the
// API server's RBAC authorizer matches them (rbac/v1 `PolicyRule`, `*`, `*/subresource`,
// resourceNames). A rule may be limited to namespaces, which is what a RoleBinding does.
import type { KindDef } from '../kinds';
import { ApiError, groupResource, type StatusDetails } from './status';

export interface PolicyRule {
  verbs: string[];
  apiGroups?: string[];
  // `pods`, `pods/log`, `rollouts/status`, `*`, or `*/status` (any resource's status).
  resources?: string[];
  resourceNames?: string[];
  /** Non-resource paths (`/version`, `/apis/*`); a rule holds either resources or these. */
  nonResourceURLs?: string[];
  /** Sandbox shorthand for a RoleBinding: the rule applies in these namespaces only. */
  namespaces?: string[];
}

export interface RbacUser {
  name: string;
  token: string;
  rules: PolicyRule[];
  /** Groups the user is in (reported by reviews; `system:authenticated` is added for everyone). */
  groups?: string[];
  /** Who grants the rules, for "RBAC: allowed by …" reasons. */
  grantedBy?: string;
}

export interface ResourceAttributes {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  name?: string;
  namespace?: string;
}

export interface NonResourceAttributes {
  verb: string;
  path: string;
}

export interface Decision {
  allowed: boolean;
  reason: string;
}

/** What every authenticated user of a real cluster has: `system:basic-user` and `system:discovery`. */
export const BASIC_RULES: PolicyRule[] = [
  { verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'] },
  { verbs: ['create'], apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'] },
  {
    verbs: ['get'],
    nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/'],
  },
];

export const ADMIN_RULES: PolicyRule[] = [
  { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
  { verbs: ['*'], nonResourceURLs: ['*'] },
];

/** Like the `view` ClusterRole, but over every resource (including pods/log): read, never write. */
export const VIEWER_RULES: PolicyRule[] = [{ verbs: ['get', 'list', 'watch'], apiGroups: ['*'], resources: ['*'] }];

const has = (list: readonly string[] | undefined, v: string) => !!list && (list.includes('*') || list.includes(v));

function resourceMatches(rule: PolicyRule, a: ResourceAttributes): boolean {
  const combined = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  return (rule.resources ?? []).some((r) => r === '*' || r === combined || (!!a.subresource && r === `*/${a.subresource}`));
}

export function ruleAllows(rule: PolicyRule, a: ResourceAttributes): boolean {
  if (rule.nonResourceURLs?.length && !rule.resources?.length) return false;
  if (rule.namespaces && (!a.namespace || !rule.namespaces.includes(a.namespace))) return false;
  if (!has(rule.verbs, a.verb) || !has(rule.apiGroups, a.group) || !resourceMatches(rule, a)) return false;
  return !rule.resourceNames?.length || (a.name !== undefined && rule.resourceNames.includes(a.name));
}

export function nonResourceRuleAllows(rule: PolicyRule, a: NonResourceAttributes): boolean {
  if (!has(rule.verbs, a.verb)) return false;
  return (rule.nonResourceURLs ?? []).some((u) => u === '*' || u === a.path || (u.endsWith('*') && a.path.startsWith(u.slice(0, -1))));
}

function rulesOf(user: RbacUser): PolicyRule[] {
  return [...BASIC_RULES, ...user.rules];
}

function allowedReason(user: RbacUser): string {
  return `RBAC: allowed by ${user.grantedBy ?? `ClusterRoleBinding "${user.name}" of ClusterRole "${user.name}" to User "${user.name}"`}`;
}

export function authorize(user: RbacUser, a: ResourceAttributes): Decision {
  const allowed = rulesOf(user).some((r) => ruleAllows(r, a));
  // A real RBAC denial carries no reason (the authorizer has "no opinion").
  return { allowed, reason: allowed ? allowedReason(user) : '' };
}

export function authorizeNonResource(user: RbacUser, a: NonResourceAttributes): Decision {
  const allowed = rulesOf(user).some((r) => nonResourceRuleAllows(r, a));
  return { allowed, reason: allowed ? allowedReason(user) : '' };
}

/** The rules that apply in `namespace` (cluster-wide rules plus those bound there), as a rules review lists them. */
export function rulesFor(user: RbacUser, namespace: string): { resourceRules: PolicyRule[]; nonResourceRules: PolicyRule[] } {
  const applies = rulesOf(user).filter((r) => !r.namespaces || r.namespaces.includes(namespace));
  const strip = ({ namespaces: _ns, nonResourceURLs: _n, ...r }: PolicyRule): PolicyRule => r;
  return {
    resourceRules: applies.filter((r) => r.resources?.length).map(strip),
    nonResourceRules: applies.filter((r) => r.nonResourceURLs?.length).map((r) => ({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs })),
  };
}

/** The API server's 403 (apiserver responsewriters `forbiddenMessage` + `NewForbidden`). */
export function forbidden(user: string, a: ResourceAttributes): ApiError {
  const gr = groupResource({ group: a.group, plural: a.resource });
  const subject = a.name !== undefined && a.name !== '' ? `${gr} "${a.name}"` : gr;
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const scope = a.namespace ? `in the namespace "${a.namespace}"` : 'at the cluster scope';
  const details: StatusDetails = {};
  if (a.name) details.name = a.name;
  if (a.group) details.group = a.group;
  details.kind = a.resource;
  return new ApiError(403, 'Forbidden', `${subject} is forbidden: User "${user}" cannot ${a.verb} resource "${resource}" in API group "${a.group}" ${scope}`, details);
}

/**
 * `denyResources` (tests, `--deny`): RBAC has no deny rules, so the grant is spelled out per served
 * resource minus the denied ones, as a cluster admin would write such a role. Denying `pods` keeps
 * `pods/log` (RBAC names subresources apart) but takes `pods/status` along, as it always has.
 */
export function withoutResources(rules: PolicyRule[], kinds: readonly KindDef[], deny: readonly string[]): PolicyRule[] {
  if (!deny.length) return rules;
  const byGroup = new Map<string, string[]>();
  for (const k of kinds) {
    const list = byGroup.get(k.group) ?? [];
    const names = [k.plural];
    if (k.hasStatus) names.push(`${k.plural}/status`, `${k.plural}/scale`);
    if (k.group === '' && k.plural === 'pods') names.push('pods/log');
    for (const n of names) {
      const denied = deny.includes(n) || (n.endsWith('/status') && deny.includes(n.slice(0, -'/status'.length)));
      if (!denied && !list.includes(n)) list.push(n);
    }
    byGroup.set(k.group, list);
  }
  return rules.flatMap((r) => {
    if (!r.resources?.includes('*')) return [r];
    const groups = [...byGroup].filter(([g]) => has(r.apiGroups, g));
    return groups.filter(([, res]) => res.length).map(([g, res]) => ({ ...r, apiGroups: [g], resources: res }));
  });
}

export class Rbac {
  constructor(readonly users: RbacUser[]) {}

  /** The user a bearer token authenticates, compared in constant time per candidate. */
  authenticate(token: string | undefined, equal: (a: string, b: string) => boolean): RbacUser | undefined {
    if (!token) return undefined;
    return this.users.find((u) => equal(token, u.token));
  }
}
