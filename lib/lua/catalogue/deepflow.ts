// DeepFlow's plugin contract and the dkjson module (deepflow-tagging.md §1.3, §2, §3.3, §4.1, §7).
import { fn, table, type CatalogueItem } from './types';

export const WORKLOAD_TYPES = ['Deployment', 'StatefulSet', 'ReplicationController', 'DaemonSet', 'ReplicaSet', 'CloneSet'] as const;

export const GET_WORKLOAD_TYPE_AND_NAME: CatalogueItem = fn(
  'GetWorkloadTypeAndName',
  'function GetWorkloadTypeAndName(metaJsonStr) return type, name end',
  [
    'The function DeepFlow calls for each pod. It must be a **global** function (not `local`).',
    '',
    '**Argument** — one string: the pod\'s `metadata` as compact JSON with keys sorted, HTML characters escaped (`\\u003c`…), and only `annotations`, `creationTimestamp`, `labels`, `name`, `namespace`, `ownerReferences`, `uid`. Decode it with `dkjson.decode(metaJsonStr, 1, nil)`.',
    '',
    `**Return** two strings: the workload type and name. Accepted types (case-insensitive, not trimmed): ${WORKLOAD_TYPES.join(', ')}. Return \`"", ""\` for "not mine" (the next plugin is tried); any other type is rejected and the pod falls back to the standard logic; a non-string result is an error.`,
  ].join('\n'),
  [
    'DeepFlow 对每个 Pod 调用的函数。它必须是**全局**函数（不能是 `local`）。',
    '',
    '**参数**：一个字符串，即 Pod 的 `metadata`，为键有序的紧凑 JSON，HTML 字符已转义（`\\u003c`…），且只含 `annotations`、`creationTimestamp`、`labels`、`name`、`namespace`、`ownerReferences`、`uid`。用 `dkjson.decode(metaJsonStr, 1, nil)` 解码。',
    '',
    `**返回**两个字符串：工作负载的类型和名称。接受的类型（不区分大小写，不去除空白）：${WORKLOAD_TYPES.join(', ')}。返回 \`"", ""\` 表示“不归我处理”（继续尝试下一个插件）；其他类型会被拒绝，该 Pod 回退到标准逻辑；返回非字符串是错误。`,
  ].join('\n'),
);

export const DKJSON: CatalogueItem = table(
  'dkjson',
  'dkjson, loaded with `require("dkjson")` after `package.path = package.path .. ";/bin/?.lua"`.',
  'dkjson，在 `package.path = package.path .. ";/bin/?.lua"` 之后用 `require("dkjson")` 加载。',
  [
    fn(
      'decode',
      'dkjson.decode(s [, pos [, nullval [, objectmeta, arraymeta]]]) -> value, pos | nil, pos, err',
      'Decodes JSON. DeepFlow\'s example uses `dkjson.decode(metaJsonStr, 1, nil)`. JSON `null` becomes `nullval` (nil by default).',
      '解码 JSON。DeepFlow 的示例用的是 `dkjson.decode(metaJsonStr, 1, nil)`。JSON 的 `null` 变为 `nullval`（默认为 nil）。',
    ),
    fn('encode', 'dkjson.encode(value [, state]) -> string', 'Encodes a Lua value as JSON (`state.indent = true` to pretty-print).', '把 Lua 值编码为 JSON（`state.indent = true` 时带缩进）。'),
    { name: 'null', kind: 'constant', doc: 'A sentinel that encodes as JSON `null` (pass it as `nullval` to keep nulls when decoding).', zh: '编码为 JSON `null` 的哨兵值（解码时作为 `nullval` 传入可保留 null）。' },
    fn('quotestring', 'dkjson.quotestring(s) -> string', 'A JSON string literal for `s`.', '`s` 的 JSON 字符串字面量。'),
    { name: 'version', kind: 'constant', doc: 'dkjson\'s version string.', zh: 'dkjson 的版本字符串。' },
  ],
);
