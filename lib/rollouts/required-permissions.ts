// The RBAC the Rollout actions need, as data: the permission checks (SelfSubjectAccessReview before
// every write) are built from this list, and role generators (issue #9) can read it too. Pure.
import type { RolloutPermissions } from './action-types';

export type PermissionScope =
  /** the Rollout's namespace (the gateway objects live there too) */
  | 'rollout-namespace'
  /** the Kruise controller's namespace (`STUDIO_KRUISE_NAMESPACE`, default `kruise-rollout`) */
  | 'kruise-namespace';

export interface RequiredPermission {
  action: keyof RolloutPermissions | 'read';
  verbs: string[];
  /** API group; `''` for the core group. `*refs*` = the group of each `customNetworkRefs` entry. */
  group: string;
  /** Plural resource; `*refs*` = the resource of each `customNetworkRefs` entry (e.g. virtualservices). */
  resource: string;
  subresource?: string;
  scope: PermissionScope;
  /** Checked with a SelfSubjectAccessReview before the action writes. */
  checked: boolean;
  why: string;
}

/** Marker for "the kind of each customNetworkRefs entry". */
export const REF_RESOURCE = '*refs*';

export const REQUIRED_PERMISSIONS: readonly RequiredPermission[] = [
  { action: 'read', verbs: ['get', 'list'], group: 'rollouts.kruise.io', resource: 'rollouts', scope: 'rollout-namespace', checked: false, why: 'read the Rollout; find Progressing Rollouts on the same objects' },
  { action: 'read', verbs: ['list'], group: 'rollouts.kruise.io', resource: 'trafficroutings', scope: 'rollout-namespace', checked: false, why: 'find Progressing TrafficRoutings on the same objects (optional)' },
  { action: 'read', verbs: ['list'], group: '', resource: 'services', scope: 'rollout-namespace', checked: false, why: 'lint: does the canary Service exist (optional)' },
  { action: 'read', verbs: ['get'], group: REF_RESOURCE, resource: REF_RESOURCE, scope: 'rollout-namespace', checked: false, why: 'read each gateway object' },
  { action: 'read', verbs: ['get'], group: '', resource: 'configmaps', scope: 'kruise-namespace', checked: false, why: 'read kruise-rollout-configuration (scripts without a built-in)' },
  { action: 'applyStep', verbs: ['update'], group: REF_RESOURCE, resource: REF_RESOURCE, scope: 'rollout-namespace', checked: true, why: '"Apply step N": full Update of each gateway object' },
  { action: 'restore', verbs: ['update'], group: REF_RESOURCE, resource: REF_RESOURCE, scope: 'rollout-namespace', checked: true, why: '"Restore original": full Update of each annotated gateway object' },
  { action: 'approve', verbs: ['patch'], group: 'rollouts.kruise.io', resource: 'rollouts', subresource: 'status', scope: 'rollout-namespace', checked: true, why: '"Approve": merge patch of status.canaryStatus.currentStepState' },
  { action: 'saveScript', verbs: ['get', 'update', 'create'], group: '', resource: 'configmaps', scope: 'kruise-namespace', checked: true, why: '"Save script": create kruise-rollout-configuration or update one key of it' },
];

export interface AccessCheck {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace: string;
  name?: string;
}

export interface CheckContext {
  rolloutNamespace: string;
  rolloutName?: string;
  kruiseNamespace: string;
  /** group + plural of each customNetworkRefs object (already resolved through the kind registry) */
  refs: { group: string; resource: string; name: string }[];
  /** saveScript: the ConfigMap exists (update) or not (create); `get` is always checked */
  configMapExists?: boolean;
  configMapName?: string;
}

/** The SelfSubjectAccessReviews an action needs, from REQUIRED_PERMISSIONS. */
export function accessChecks(action: keyof RolloutPermissions, ctx: CheckContext): AccessCheck[] {
  const out: AccessCheck[] = [];
  for (const p of REQUIRED_PERMISSIONS) {
    if (p.action !== action || !p.checked) continue;
    const namespace = p.scope === 'kruise-namespace' ? ctx.kruiseNamespace : ctx.rolloutNamespace;
    for (const verb of p.verbs) {
      if (action === 'saveScript' && ctx.configMapExists !== undefined && verb === (ctx.configMapExists ? 'create' : 'update')) continue;
      if (p.resource === REF_RESOURCE) {
        for (const r of ctx.refs) out.push({ verb, group: r.group, resource: r.resource, namespace, name: r.name });
      } else {
        const name = p.resource === 'rollouts' ? ctx.rolloutName : p.resource === 'configmaps' && ctx.configMapExists ? ctx.configMapName : undefined;
        out.push({ verb, group: p.group, resource: p.resource, ...(p.subresource ? { subresource: p.subresource } : {}), namespace, ...(name ? { name } : {}) });
      }
    }
  }
  return out;
}
