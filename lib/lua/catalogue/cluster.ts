// The studio's read-only, luakube-shaped `kube` module for cluster scripts (issue 6 §3). This is the
// studio's own module with luakube's API, not luakube.
import { fn, table, type CatalogueItem } from './types';

const READ_ONLY = 'Writes (`create`, `update`, `patch`, `delete`, …) raise "read-only in the studio".';

const verbs: CatalogueItem[] = [
  fn('list', 'resource:list([query]) -> table', 'Lists objects as a Lua table (`items`, `metadata`), like `kubectl get -o json`. `query` may hold `labelSelector`, `fieldSelector`, `limit`.'),
  fn('get', 'resource:get(name) -> table', 'One object by name.'),
  fn('status', 'resource:status(name) -> table', 'The `status` of one object.'),
  fn('logs', 'pods:logs(name [, { tailLines = n, container = "c", sinceSeconds = s }]) -> string', 'Pod logs as one string (pods only).'),
  ...['create', 'update', 'patch', 'delete'].map((v) => fn(v, `resource:${v}(...)`, `Refused: raises "read-only in the studio". ${READ_ONLY}`)),
];

const resource = (name: string, namespaced: boolean): CatalogueItem =>
  ({ name, kind: 'method', signature: namespaced ? `group:${name}([namespace]) -> resource` : `group:${name}() -> resource`, doc: `The ${name} resource client${namespaced ? ' (all namespaces when `namespace` is nil)' : ''}. ${READ_ONLY}`, members: verbs });

const group = (name: string, doc: string, resources: CatalogueItem[]): CatalogueItem => ({ name, kind: 'method', signature: `client:${name}() -> group`, doc, members: resources });

export const KUBE_CONFIG: CatalogueItem = table('kube.config', '`local config = require "kube.config"`', [
  fn('from_kube_config', 'config.from_kube_config([path]) -> conf', 'In the studio: the studio\'s current context (no file is read).'),
  fn('in_cluster_config', 'config.in_cluster_config() -> conf', 'In the studio: the studio\'s current context.'),
]);

export const CLIENT_METHODS: CatalogueItem[] = [
  group('corev1', 'Core API group (`v1`).', [
    resource('pods', true), resource('services', true), resource('configmaps', true), resource('secrets', true), resource('events', true),
    resource('serviceaccounts', true), resource('persistentvolumeclaims', true), resource('endpoints', true),
    resource('namespaces', false), resource('nodes', false), resource('persistentvolumes', false),
  ]),
  group('appsv1', '`apps/v1`.', [resource('deployments', true), resource('statefulsets', true), resource('daemonsets', true), resource('replicasets', true)]),
  group('batchv1', '`batch/v1`.', [resource('jobs', true), resource('cronjobs', true)]),
  group('networkingv1', '`networking.k8s.io/v1`.', [resource('ingresses', true), resource('networkpolicies', true)]),
  { name: 'custom', kind: 'method', signature: 'client:custom(group, version, plural [, namespace]) -> resource', doc: `A custom resource by group/version/plural (kinds in the registry or added CRDs). ${READ_ONLY}`, members: verbs },
];

export const KUBE_API: CatalogueItem = table('kube.api', '`local api = require "kube.api"`', [
  table('Client', 'The API client class.', [{ name: 'new', kind: 'method', signature: 'api.Client:new(conf) -> client', doc: 'A client for `conf` (from `config.from_kube_config()`).', members: CLIENT_METHODS }]),
]);

export const CLUSTER_MODULES: Record<string, CatalogueItem> = { 'kube.config': KUBE_CONFIG, 'kube.api': KUBE_API };
