// THE list of every Kubernetes permission the studio uses, each with its reason. deploy/'s roles are
// generated from it (rbac-manifests.ts, `npm run generate:rbac`; a test fails when they drift), and
// permissions-coverage.test.ts fails when the code makes a typed cluster call this list does not
// grant. Pure data: no Node, no server-only.
import { BUILTIN_KINDS, type KindDef } from '@/lib/k8s/kinds';
import { REF_RESOURCE, REQUIRED_PERMISSIONS, type RequiredPermission } from '@/lib/rollouts/required-permissions';
import { KRUISE_CONFIGMAP } from '@/lib/kruise/script';
import { PLUGIN_CONFIGMAP_PREFIX, SETTINGS_CONFIGMAP, SYNC_CONFIGMAP } from '@/lib/plugins/cluster-names';

export type Scope =
  /** every namespace (a ClusterRole): the studio browses all of them */
  | 'cluster'
  /** `STUDIO_NAMESPACE` (the plugin store) */
  | 'studio-namespace'
  /** `STUDIO_KRUISE_NAMESPACE` (kruise-rollout-configuration) */
  | 'kruise-namespace';

export interface Permission {
  group: string;
  /** plural, with `/subresource` when it has one (`pods/log`, `rollouts/status`) */
  resource: string;
  verbs: readonly string[];
  resourceNames?: readonly string[];
  scope: Scope;
  /**
   * read: get/list/watch only; write: changes objects; review: creates that change nothing (access
   * and token reviews); the read-only overlay keeps `read` alone.
   */
  use: 'read' | 'write' | 'review';
  /**
   * Whose credentials make the call: `viewer` = the person (their token, or impersonated; the service
   * account itself only with STUDIO_AUTH=none); `studio` = always the service account.
   */
  as: 'viewer' | 'studio';
  /** granted only in that overlay */
  only?: 'proxy';
  why: string;
}

export const READ_VERBS = ['get', 'list', 'watch'] as const;

/**
 * Kinds a Rollout's `customNetworkRefs` may name and the studio may write (Apply step / Restore):
 * the registry kinds with a routing script under `lua/` (a test keeps the two in step).
 */
export const GATEWAY_KIND_KEYS = ['virtualservices.networking.istio.io', 'destinationrules.networking.istio.io', 'httpproxies.projectcontour.io'] as const;

function kind(key: string): KindDef {
  const k = BUILTIN_KINDS.find((x) => x.key === key);
  if (!k) throw new Error(`${key} is not in the kind registry`);
  return k;
}

const gatewayKinds = (): KindDef[] => GATEWAY_KIND_KEYS.map(kind);

function registryReads(): Permission[] {
  return BUILTIN_KINDS.map((k) => ({
    group: k.group,
    resource: k.plural,
    verbs: READ_VERBS,
    scope: 'cluster',
    use: 'read',
    as: 'viewer',
    why: `${k.kind}: the resource pages and their live watch stream, detail views, cluster scripts' kube.get/kube.list`,
  }));
}

function scopeOf(p: RequiredPermission): Scope {
  // Rollouts (and their gateway objects) live in any namespace.
  return p.scope === 'kruise-namespace' ? 'kruise-namespace' : 'cluster';
}

/** REQUIRED_PERMISSIONS (the Rollout actions), with `*refs*` spelled out per gateway kind. */
function rolloutPermissions(): Permission[] {
  return REQUIRED_PERMISSIONS.flatMap((p): Permission[] => {
    const targets = p.resource === REF_RESOURCE ? gatewayKinds().map((k) => ({ group: k.group, plural: k.plural })) : [{ group: p.group, plural: p.resource }];
    const use = p.action === 'read' ? 'read' : 'write';
    const why = p.action === 'read' ? `Rollouts: ${p.why}` : `Rollout action ${p.why}`;
    return targets.flatMap((t) => {
      const resource = p.subresource ? `${t.plural}/${p.subresource}` : t.plural;
      const base = { group: t.group, resource, scope: scopeOf(p), use, as: 'viewer', why } as const;
      // The one ConfigMap Kruise reads: get/update may name it; create cannot (RBAC has no name before creation).
      if (p.action === 'saveScript' && t.plural === 'configmaps') {
        const named = p.verbs.filter((v) => v !== 'create');
        return [
          { ...base, verbs: named, resourceNames: [KRUISE_CONFIGMAP] },
          ...(p.verbs.includes('create') ? [{ ...base, verbs: ['create'] }] : []),
        ];
      }
      return [{ ...base, verbs: p.verbs }];
    });
  });
}

const PLUGIN_STORE = `plugins (STUDIO_PLUGIN_STORE=cluster): one ConfigMap per plugin (${PLUGIN_CONFIGMAP_PREFIX}*), ${SETTINGS_CONFIGMAP}, ${SYNC_CONFIGMAP}`;

function otherPermissions(): Permission[] {
  return [
    { group: '', resource: 'pods/log', verbs: ['get'], scope: 'cluster', use: 'read', as: 'viewer', why: 'Pod logs drawer and cluster scripts\' kube.log' },
    { group: '', resource: 'configmaps', verbs: ['get', 'list'], scope: 'studio-namespace', use: 'read', as: 'viewer', why: `Read the ${PLUGIN_STORE}` },
    { group: '', resource: 'configmaps', verbs: ['create', 'update', 'delete'], scope: 'studio-namespace', use: 'write', as: 'viewer', why: `Save, rename, reorder, enable and delete ${PLUGIN_STORE}` },
    { group: 'authorization.k8s.io', resource: 'selfsubjectaccessreviews', verbs: ['create'], scope: 'cluster', use: 'review', as: 'viewer', why: 'Check before every write (and to enable the buttons) that the acting identity may do it' },
    { group: 'authentication.k8s.io', resource: 'selfsubjectreviews', verbs: ['create'], scope: 'cluster', use: 'review', as: 'viewer', why: 'STUDIO_AUTH=token: learn the user name of a token (kubectl auth whoami) when TokenReview is not allowed' },
    { group: 'authentication.k8s.io', resource: 'tokenreviews', verbs: ['create'], scope: 'cluster', use: 'review', as: 'studio', why: 'STUDIO_AUTH=token: validate a signed-in bearer token and learn its user name' },
    { group: '', resource: 'events', verbs: ['create'], scope: 'cluster', use: 'write', as: 'studio', why: 'Audit: one Event on the target object (in its namespace) per write attempt' },
    { group: '', resource: 'users', verbs: ['impersonate'], scope: 'cluster', use: 'write', as: 'studio', only: 'proxy', why: 'STUDIO_AUTH=proxy: act as the user the trusted proxy names (Impersonate-User)' },
    { group: '', resource: 'groups', verbs: ['impersonate'], scope: 'cluster', use: 'write', as: 'studio', only: 'proxy', why: 'STUDIO_AUTH=proxy: act with the groups the trusted proxy names (Impersonate-Group)' },
  ];
}

/** Every permission, in a stable order. */
export const PERMISSIONS: readonly Permission[] = [...registryReads(), ...rolloutPermissions(), ...otherPermissions()];

export type Overlay = 'read-only' | 'read-write' | 'proxy';
export const OVERLAYS: readonly Overlay[] = ['read-only', 'read-write', 'proxy'];

/** The permissions an overlay grants: read-only keeps reads alone (no create of any kind). */
export function permissionsFor(overlay: Overlay, all: readonly Permission[] = PERMISSIONS): Permission[] {
  return all.filter((p) => (overlay === 'read-only' ? p.use === 'read' : !p.only || p.only === overlay));
}
