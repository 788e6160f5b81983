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
);

export const DKJSON: CatalogueItem = table('dkjson', 'dkjson, loaded with `require("dkjson")` after `package.path = package.path .. ";/bin/?.lua"`.', [
  fn('decode', 'dkjson.decode(s [, pos [, nullval [, objectmeta, arraymeta]]]) -> value, pos | nil, pos, err', 'Decodes JSON. DeepFlow\'s example uses `dkjson.decode(metaJsonStr, 1, nil)`. JSON `null` becomes `nullval` (nil by default).'),
  fn('encode', 'dkjson.encode(value [, state]) -> string', 'Encodes a Lua value as JSON (`state.indent = true` to pretty-print).'),
  { name: 'null', kind: 'constant', doc: 'A sentinel that encodes as JSON `null` (pass it as `nullval` to keep nulls when decoding).' },
  fn('quotestring', 'dkjson.quotestring(s) -> string', 'A JSON string literal for `s`.'),
  { name: 'version', kind: 'constant', doc: 'dkjson\'s version string.' },
]);
