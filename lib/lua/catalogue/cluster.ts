// The studio's read-only, luakube-shaped `kube` module for cluster scripts (issue 6 §3). This is the
// studio's own module with luakube's API, not luakube.
// Generated from kube-api.ts, the list the runtime module is built from, so completion offers exactly
// what a script can call. Quoted runtime errors ("read-only in the studio") stay verbatim in both languages.
import { isPodsClient, KUBE_GROUP_CLIENTS, KUBE_POD_VERBS, KUBE_RAW_CALLS, KUBE_WRITE_VERBS, READ_ONLY as REFUSED, type KubeGroupClient, type KubeResource } from './kube-api';
import { fn, table, type CatalogueItem } from './types';

const READ_ONLY = `Writes (\`create\`, \`update\`, \`patch\`, \`delete\`, …) raise "${REFUSED}".`;
const READ_ONLY_ZH = `写操作（\`create\`、\`update\`、\`patch\`、\`delete\`…）会抛出 "${REFUSED}"。`;

const method = (name: string, signature: string, doc: string, zh: string, members?: CatalogueItem[]): CatalogueItem =>
  ({ name, kind: 'method', signature, doc, zh, ...(members ? { members } : {}) });

const rawCalls = (owner: string): CatalogueItem[] => KUBE_RAW_CALLS.map((v) =>
  method(
    v,
    `${owner}:${v}(method, path, ...)`,
    `Refused: \`GET\` raises "call is not available in the studio; use the resource clients", any other method "${REFUSED}: <method>".`,
    `已拒绝：\`GET\` 抛出 "call is not available in the studio; use the resource clients"，其他方法抛出 "${REFUSED}: <method>"。`,
  ));

const RETURNS = 'Returns `value, info, code` like luakube (`info` = `{ method, url }`).';
const RETURNS_ZH = '与 luakube 一样返回 `value, info, code`（`info` = `{ method, url }`）。';
const readVerbs: CatalogueItem[] = [
  method(
    'list',
    'resource:list([query]) -> list, info, code',
    `The list object (\`items\` as objects, \`metadata\`), like \`kubectl get -o json\`. \`query\` may hold \`labelSelector\`, \`fieldSelector\`, \`limit\`, \`continue\`, \`resourceVersion\`. ${RETURNS}`,
    `列表对象（\`items\` 为对象，另有 \`metadata\`），与 \`kubectl get -o json\` 相同。\`query\` 可含 \`labelSelector\`、\`fieldSelector\`、\`limit\`、\`continue\`、\`resourceVersion\`。${RETURNS_ZH}`,
  ),
  method(
    'get',
    'resource:get(name [, query]) -> object, info, code',
    `One object by name (needs a namespace on namespaced kinds); \`get()\` / \`get(query)\` give the list's items. ${RETURNS}`,
    `按名称取一个对象（命名空间级的 kind 需要命名空间）；\`get()\` / \`get(query)\` 返回列表的 items。${RETURNS_ZH}`,
  ),
  method('status', 'resource:status(name) -> table, info, code', `The \`status\` of one object. ${RETURNS}`, `一个对象的 \`status\`。${RETURNS_ZH}`),
];
const podVerbs: CatalogueItem[] = KUBE_POD_VERBS.map((v) =>
  method(
    v,
    'pods:logs(name [, { tailLines = n, container = "c", sinceSeconds = s, timestamps = b, previous = b, limitBytes = n }]) -> string, info, code',
    'Pod logs as one string (pods only, with a namespace).',
    'Pod 日志，作为一个字符串返回（仅限 pods，且需要命名空间）。',
  ));
const writeVerbs: CatalogueItem[] = KUBE_WRITE_VERBS.map((v) =>
  method(v, `resource:${v}(...)`, `Refused: raises "${REFUSED}: ${v}". ${READ_ONLY}`, `已拒绝：抛出 "${REFUSED}: ${v}"。${READ_ONLY_ZH}`));

const verbsOf = (pods: boolean): CatalogueItem[] => [...readVerbs, ...(pods ? podVerbs : []), ...writeVerbs, ...rawCalls('resource')];

const resourceItems = (g: KubeGroupClient, res: KubeResource): CatalogueItem[] => {
  const members = verbsOf(isPodsClient(g.group, res.plural));
  const where = g.group ? `${res.plural}.${g.group}/${g.version}` : `${res.plural} (${g.version})`;
  const doc = res.namespaced
    ? `The ${where} resource client (all namespaces when \`namespace\` is nil). ${READ_ONLY}`
    : `The cluster-scoped ${where} resource client (a namespace is refused). ${READ_ONLY}`;
  const zh = res.namespaced
    ? `${where} 的资源客户端（\`namespace\` 为 nil 时为所有命名空间）。${READ_ONLY_ZH}`
    : `集群级 ${where} 的资源客户端（不接受命名空间）。${READ_ONLY_ZH}`;
  const sig = (name: string) => (res.namespaced ? `group:${name}([namespace]) -> resource` : `group:${name}() -> resource`);
  return [
    method(res.plural, sig(res.plural), doc, zh, members),
    ...res.aliases.map((a) => method(a, sig(a), `Short name for \`${res.plural}\`. ${doc}`, `\`${res.plural}\` 的简称。${zh}`, members)),
  ];
};

const groupItem = (g: KubeGroupClient): CatalogueItem => {
  const gv = g.group ? `${g.group}/${g.version}` : g.version;
  return method(g.client, `client:${g.client}() -> group`, `The \`${gv}\` group client.`, `\`${gv}\` 的组客户端。`, [
    ...g.resources.flatMap((res) => resourceItems(g, res)),
    ...rawCalls('group'),
  ]);
};

export const KUBE_CONFIG: CatalogueItem = table('kube.config', '`local config = require "kube.config"`', '`local config = require "kube.config"`', [
  fn('from_kube_config', 'config.from_kube_config([path]) -> conf', 'In the studio: the studio\'s current context (no file is read).', '在 Studio 中：Studio 的当前上下文（不读取任何文件）。'),
  fn('in_cluster_config', 'config.in_cluster_config() -> conf', 'In the studio: the studio\'s current context.', '在 Studio 中：Studio 的当前上下文。'),
  fn(
    'from_token',
    'config.from_token(...)',
    'Refused: the studio reads with its own credentials; use `config.from_kube_config()`.',
    '已拒绝：Studio 使用自己的凭据读取；请使用 `config.from_kube_config()`。',
  ),
]);

export const CLIENT_METHODS: CatalogueItem[] = [
  ...KUBE_GROUP_CLIENTS.map(groupItem),
  method(
    'custom',
    'client:custom(group, version, plural [, namespace]) -> resource',
    `A custom resource by group/version/plural (kinds in the registry or added in Settings). ${READ_ONLY}`,
    `按 group/version/plural 指定的自定义资源（注册表中的 kind 或在设置中添加的 kind）。${READ_ONLY_ZH}`,
    verbsOf(false),
  ),
  ...rawCalls('client'),
];

export const KUBE_API: CatalogueItem = table('kube.api', '`local api = require "kube.api"`', '`local api = require "kube.api"`', [
  table('Client', 'The API client class.', 'API 客户端类。', [
    { name: 'new', kind: 'method', signature: 'api.Client:new(conf) -> client', doc: 'A client for `conf` (from `config.from_kube_config()`).', zh: '用于 `conf` 的客户端（来自 `config.from_kube_config()`）。', members: CLIENT_METHODS },
  ]),
]);

export const CLUSTER_MODULES: Record<string, CatalogueItem> = { 'kube.config': KUBE_CONFIG, 'kube.api': KUBE_API };
