// The studio's read-only, luakube-shaped `kube` module for cluster scripts (issue 6 §3). This is the
// studio's own module with luakube's API, not luakube.
// Generated from kube-api.ts, the list the runtime module is built from, so completion offers exactly
// what a script can call.
import { isPodsClient, KUBE_GROUP_CLIENTS, KUBE_POD_VERBS, KUBE_RAW_CALLS, KUBE_WRITE_VERBS, READ_ONLY as REFUSED, type KubeGroupClient, type KubeResource } from './kube-api';
import { fn, table, type CatalogueItem } from './types';

const READ_ONLY = `Writes (\`create\`, \`update\`, \`patch\`, \`delete\`, …) raise "${REFUSED}".`;

const method = (name: string, signature: string, doc: string, members?: CatalogueItem[]): CatalogueItem =>
  ({ name, kind: 'method', signature, doc, ...(members ? { members } : {}) });

const rawCalls = (owner: string): CatalogueItem[] => KUBE_RAW_CALLS.map((v) =>
  method(v, `${owner}:${v}(method, path, ...)`, `Refused: \`GET\` raises "call is not available in the studio; use the resource clients", any other method "${REFUSED}: <method>".`));

const RETURNS = 'Returns `value, info, code` like luakube (`info` = `{ method, url }`).';
const readVerbs: CatalogueItem[] = [
  method('list', 'resource:list([query]) -> list, info, code', `The list object (\`items\` as objects, \`metadata\`), like \`kubectl get -o json\`. \`query\` may hold \`labelSelector\`, \`fieldSelector\`, \`limit\`, \`continue\`, \`resourceVersion\`. ${RETURNS}`),
  method('get', 'resource:get(name [, query]) -> object, info, code', `One object by name (needs a namespace on namespaced kinds); \`get()\` / \`get(query)\` give the list's items. ${RETURNS}`),
  method('status', 'resource:status(name) -> table, info, code', `The \`status\` of one object. ${RETURNS}`),
];
const podVerbs: CatalogueItem[] = KUBE_POD_VERBS.map((v) =>
  method(v, 'pods:logs(name [, { tailLines = n, container = "c", sinceSeconds = s, timestamps = b, previous = b, limitBytes = n }]) -> string, info, code', 'Pod logs as one string (pods only, with a namespace).'));
const writeVerbs: CatalogueItem[] = KUBE_WRITE_VERBS.map((v) => method(v, `resource:${v}(...)`, `Refused: raises "${REFUSED}: ${v}". ${READ_ONLY}`));

const verbsOf = (pods: boolean): CatalogueItem[] => [...readVerbs, ...(pods ? podVerbs : []), ...writeVerbs, ...rawCalls('resource')];

const resourceItems = (g: KubeGroupClient, res: KubeResource): CatalogueItem[] => {
  const members = verbsOf(isPodsClient(g.group, res.plural));
  const where = g.group ? `${res.plural}.${g.group}/${g.version}` : `${res.plural} (${g.version})`;
  const doc = res.namespaced
    ? `The ${where} resource client (all namespaces when \`namespace\` is nil). ${READ_ONLY}`
    : `The cluster-scoped ${where} resource client (a namespace is refused). ${READ_ONLY}`;
  const sig = (name: string) => (res.namespaced ? `group:${name}([namespace]) -> resource` : `group:${name}() -> resource`);
  return [
    method(res.plural, sig(res.plural), doc, members),
    ...res.aliases.map((a) => method(a, sig(a), `Short name for \`${res.plural}\`. ${doc}`, members)),
  ];
};

const groupItem = (g: KubeGroupClient): CatalogueItem =>
  method(g.client, `client:${g.client}() -> group`, `The \`${g.group ? `${g.group}/${g.version}` : g.version}\` group client.`, [
    ...g.resources.flatMap((res) => resourceItems(g, res)),
    ...rawCalls('group'),
  ]);

export const KUBE_CONFIG: CatalogueItem = table('kube.config', '`local config = require "kube.config"`', [
  fn('from_kube_config', 'config.from_kube_config([path]) -> conf', 'In the studio: the studio\'s current context (no file is read).'),
  fn('in_cluster_config', 'config.in_cluster_config() -> conf', 'In the studio: the studio\'s current context.'),
  fn('from_token', 'config.from_token(...)', 'Refused: the studio reads with its own credentials; use `config.from_kube_config()`.'),
]);

export const CLIENT_METHODS: CatalogueItem[] = [
  ...KUBE_GROUP_CLIENTS.map(groupItem),
  method('custom', 'client:custom(group, version, plural [, namespace]) -> resource', `A custom resource by group/version/plural (kinds in the registry or added in Settings). ${READ_ONLY}`, verbsOf(false)),
  ...rawCalls('client'),
];

export const KUBE_API: CatalogueItem = table('kube.api', '`local api = require "kube.api"`', [
  table('Client', 'The API client class.', [{ name: 'new', kind: 'method', signature: 'api.Client:new(conf) -> client', doc: 'A client for `conf` (from `config.from_kube_config()`).', members: CLIENT_METHODS }]),
]);

export const CLUSTER_MODULES: Record<string, CatalogueItem> = { 'kube.config': KUBE_CONFIG, 'kube.api': KUBE_API };
