// The cluster scripts' `kube.api` surface as plain data: the runtime module (lib/runner/kube-lua.ts)
// builds its group clients from it and the editor's catalogue (cluster.ts) documents it, so what a
// script can call and what completion offers are one list. No runtime or fengari import here: the
// catalogue must stay pure data.

export interface KubeResource {
  plural: string;
  /** false for cluster-scoped kinds (a namespace argument is refused). */
  namespaced: boolean;
  /** luakube's short names for the same resource client (`svc`, `cm`, …). */
  aliases: readonly string[];
}

export interface KubeGroupClient {
  /** The client method: `client:corev1()`. */
  client: string;
  /** API group ('' for the core group) and version. */
  group: string;
  version: string;
  resources: readonly KubeResource[];
}

const r = (plural: string, namespaced: boolean, ...aliases: string[]): KubeResource => ({ plural, namespaced, aliases });

export const KUBE_GROUP_CLIENTS: readonly KubeGroupClient[] = [
  {
    client: 'corev1', group: '', version: 'v1', resources: [
      r('nodes', false), r('namespaces', false, 'ns'), r('pods', true), r('podtemplates', true),
      r('services', true, 'svc'), r('configmaps', true, 'cm'), r('secrets', true, 'sec'),
      r('serviceaccounts', true, 'sa'), r('endpoints', true, 'ep'),
      r('persistentvolumeclaims', true, 'pvc'), r('persistentvolumes', false, 'pv'),
      r('replicationcontrollers', true, 'rc'), r('limitranges', true, 'limit'),
      r('resourcequotas', true, 'quota'),
    ],
  },
  {
    client: 'appsv1', group: 'apps', version: 'v1', resources: [
      r('deployments', true, 'deploy'), r('statefulsets', true, 'sts'), r('daemonsets', true, 'ds'), r('replicasets', true, 'rs'),
    ],
  },
  { client: 'batchv1', group: 'batch', version: 'v1', resources: [r('jobs', true), r('cronjobs', true, 'cj')] },
  { client: 'networkingv1', group: 'networking.k8s.io', version: 'v1', resources: [r('ingresses', true, 'ing'), r('ingressclasses', false)] },
];

/** Reads every resource client serves. */
export const KUBE_READ_VERBS = ['list', 'get', 'status'] as const;
/** Reads only the core group's pods client serves. */
export const KUBE_POD_VERBS = ['logs'] as const;
/** luakube's writes: each raises "read-only in the studio: <verb>". */
export const KUBE_WRITE_VERBS = [
  'create', 'update', 'update_status', 'patch', 'patch_status', 'delete', 'delete_collection', 'apply',
  'replace', 'scale', 'finalize', 'evict', 'exec', 'attach', 'portforward', 'proxy', 'ephemeralcontainers',
] as const;
/** luakube's raw request methods, on the client, group and resource clients: refused in the studio. */
export const KUBE_RAW_CALLS = ['call', 'raw_call'] as const;

/** The error text of a refused write (the runtime raises it; the docs quote it). */
export const READ_ONLY = 'read-only in the studio';

/** Whether the resource client for `plural` in `group` is the pods client (it has `logs`). */
export const isPodsClient = (group: string, plural: string): boolean => group === '' && plural === 'pods';
