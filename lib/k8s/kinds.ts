// The one kind registry: every group/version/plural the studio knows lives here, so URLs are
// derived, never written by hand. Pure data + helpers: safe for server, client and the sandbox.

export interface KindDef {
  /** Stable key used in URLs, query keys and the watch protocol, e.g. `pods`, `rollouts.rollouts.kruise.io`. */
  key: string;
  /** API group; `''` for the core group. */
  group: string;
  /** Served versions, preferred first. */
  versions: string[];
  kind: string;
  listKind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
  /** Custom resources get a `/status` subresource in the sandbox (and on real clusters). */
  hasStatus?: boolean;
  /** CRDs added at run time by the user, not built in. */
  custom?: boolean;
  /** A custom kind given by plural only: `kind` holds the plural until discovery names it (never a guessed singular). */
  kindUnknown?: boolean;
  /**
   * Served by the sandbox only, so `kubectl apply -k deploy/overlays/…` works against it; the studio
   * itself never reads them (not in BUILTIN_KINDS: no page, no watch, no script read, no permission).
   */
  sandboxOnly?: boolean;
}

function def(d: Omit<KindDef, 'key' | 'listKind' | 'singular'> & Partial<Pick<KindDef, 'key' | 'listKind' | 'singular'>>): KindDef {
  return {
    key: d.key ?? (d.group ? `${d.plural}.${d.group}` : d.plural),
    listKind: d.listKind ?? `${d.kind}List`,
    singular: d.singular ?? d.kind.toLowerCase(),
    ...d,
  } as KindDef;
}

export const BUILTIN_KINDS: readonly KindDef[] = [
  def({ group: '', versions: ['v1'], kind: 'Namespace', plural: 'namespaces', namespaced: false, shortNames: ['ns'], hasStatus: true }),
  def({ group: '', versions: ['v1'], kind: 'Node', plural: 'nodes', namespaced: false, shortNames: ['no'], hasStatus: true }),
  def({ group: '', versions: ['v1'], kind: 'Pod', plural: 'pods', namespaced: true, shortNames: ['po'], hasStatus: true }),
  def({ group: '', versions: ['v1'], kind: 'ConfigMap', plural: 'configmaps', namespaced: true, shortNames: ['cm'] }),
  def({ group: '', versions: ['v1'], kind: 'Service', plural: 'services', namespaced: true, shortNames: ['svc'], hasStatus: true }),
  def({ group: 'apps', versions: ['v1'], kind: 'ReplicaSet', plural: 'replicasets', namespaced: true, shortNames: ['rs'], hasStatus: true }),
  def({ group: 'apps', versions: ['v1'], kind: 'Deployment', plural: 'deployments', namespaced: true, shortNames: ['deploy'], hasStatus: true }),
  def({ group: 'apps', versions: ['v1'], kind: 'StatefulSet', plural: 'statefulsets', namespaced: true, shortNames: ['sts'], hasStatus: true }),
  def({ group: 'apps', versions: ['v1'], kind: 'DaemonSet', plural: 'daemonsets', namespaced: true, shortNames: ['ds'], hasStatus: true }),
  def({ group: 'batch', versions: ['v1'], kind: 'Job', plural: 'jobs', namespaced: true, hasStatus: true }),
  def({ group: 'batch', versions: ['v1'], kind: 'CronJob', plural: 'cronjobs', namespaced: true, shortNames: ['cj'], hasStatus: true }),
  def({ group: 'rollouts.kruise.io', versions: ['v1beta1', 'v1alpha1'], kind: 'Rollout', plural: 'rollouts', namespaced: true, shortNames: ['ro'], hasStatus: true }),
  def({ group: 'rollouts.kruise.io', versions: ['v1alpha1'], kind: 'TrafficRouting', plural: 'trafficroutings', namespaced: true, shortNames: ['tr'], hasStatus: true }),
  def({ group: 'apps.kruise.io', versions: ['v1alpha1'], kind: 'CloneSet', plural: 'clonesets', namespaced: true, shortNames: ['clone'], hasStatus: true }),
  def({ key: 'statefulsets.apps.kruise.io', group: 'apps.kruise.io', versions: ['v1beta1'], kind: 'StatefulSet', plural: 'statefulsets', namespaced: true, shortNames: ['asts'], hasStatus: true }),
  def({ group: 'networking.istio.io', versions: ['v1beta1', 'v1alpha3', 'v1'], kind: 'VirtualService', plural: 'virtualservices', namespaced: true, shortNames: ['vs'], hasStatus: true }),
  def({ group: 'networking.istio.io', versions: ['v1beta1', 'v1alpha3', 'v1'], kind: 'DestinationRule', plural: 'destinationrules', namespaced: true, shortNames: ['dr'], hasStatus: true }),
  def({ group: 'projectcontour.io', versions: ['v1'], kind: 'HTTPProxy', plural: 'httpproxies', namespaced: true, shortNames: ['proxy'], hasStatus: true }),
  def({ group: 'opengauss.cmbc.com.cn', versions: ['v1'], kind: 'OpenGaussCluster', plural: 'opengaussclusters', namespaced: true, hasStatus: true }),
];

// The studio's deployment (deploy/) is made of these; nothing in the studio reads them.
export const SANDBOX_ONLY_KINDS: readonly KindDef[] = [
  def({ group: '', versions: ['v1'], kind: 'ServiceAccount', plural: 'serviceaccounts', namespaced: true, shortNames: ['sa'], sandboxOnly: true }),
  def({ group: 'rbac.authorization.k8s.io', versions: ['v1'], kind: 'Role', plural: 'roles', namespaced: true, sandboxOnly: true }),
  def({ group: 'rbac.authorization.k8s.io', versions: ['v1'], kind: 'RoleBinding', plural: 'rolebindings', namespaced: true, sandboxOnly: true }),
  def({ group: 'rbac.authorization.k8s.io', versions: ['v1'], kind: 'ClusterRole', plural: 'clusterroles', namespaced: false, sandboxOnly: true }),
  def({ group: 'rbac.authorization.k8s.io', versions: ['v1'], kind: 'ClusterRoleBinding', plural: 'clusterrolebindings', namespaced: false, sandboxOnly: true }),
];

/** Every kind the sandbox serves. */
export const SANDBOX_KINDS: readonly KindDef[] = [...BUILTIN_KINDS, ...SANDBOX_ONLY_KINDS];

const byKey = new Map(BUILTIN_KINDS.map((k) => [k.key, k]));

export function kindByKey(key: string, extra: readonly KindDef[] = []): KindDef | undefined {
  return byKey.get(key) ?? extra.find((k) => k.key === key);
}

/** `apiVersion` string as it appears in objects: `v1`, `apps/v1`. */
export function apiVersionOf(k: KindDef, version = k.versions[0]): string {
  return k.group ? `${k.group}/${version}` : version;
}

/** Finds the kind for an object's `apiVersion` + `kind` (any served version). */
export function kindForObject(apiVersion: string, kind: string, extra: readonly KindDef[] = []): KindDef | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
  return [...BUILTIN_KINDS, ...extra].find((k) => k.group === group && k.kind === kind && k.versions.includes(version));
}

/** Path of a collection or object, e.g. `/apis/apps/v1/namespaces/x/deployments/y`. */
export function resourcePath(k: KindDef, opts: { namespace?: string; name?: string; version?: string; subresource?: string } = {}): string {
  const version = opts.version ?? k.versions[0];
  let p = k.group ? `/apis/${k.group}/${version}` : `/api/${version}`;
  if (k.namespaced && opts.namespace) p += `/namespaces/${encodeURIComponent(opts.namespace)}`;
  p += `/${k.plural}`;
  if (opts.name) p += `/${encodeURIComponent(opts.name)}`;
  if (opts.subresource) p += `/${opts.subresource}`;
  return p;
}

/** A CRD added by the user: `group/version/plural`, e.g. `projectcontour.io/v1/httpproxies`. */
export function customKind(input: { group: string; version: string; plural: string; kind?: string; singular?: string; namespaced?: boolean }): KindDef {
  const plural = input.plural.trim().toLowerCase();
  const group = input.group.trim().toLowerCase();
  // English plurals do not reverse ("httpproxies" is not "Httpproxie"): without the Kind the
  // plural stands in, and the kind page asks the cluster's discovery for the real name.
  const given = input.kind?.trim();
  const singular = input.singular?.trim() || undefined;
  const k = def({ group, versions: [input.version.trim()], kind: given || plural, plural, namespaced: input.namespaced ?? true, custom: true, hasStatus: true, ...(singular ? { singular } : {}) });
  return given ? k : { ...k, kindUnknown: true };
}
