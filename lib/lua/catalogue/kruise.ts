// Kruise's host surface: the `obj` global and the `json` module (kruise-routing.md §2, §4).
import { fn, table, type CatalogueItem } from './types';

export const OBJ = table(
  'obj',
  'What Kruise passes to `trafficRouting.lua`, once per step (a fresh Lua state each time). Return the new `obj.data` (the **last** returned value must be a table). `pairs()` order over it is random in production.',
  'Kruise 在每个步骤传给 `trafficRouting.lua` 的对象（每次都是新的 Lua 状态）。返回新的 `obj.data`（**最后一个**返回值必须是 table）。在生产环境中用 `pairs()` 遍历它的顺序是随机的。',
  [
    table(
      'data',
      'The gateway object **as stored in the annotation `rollouts.kruise.io/original-spec-configuration`** (the original, not the live one). Keys are dropped when empty (`omitempty`).',
      '网关对象，**取自注解 `rollouts.kruise.io/original-spec-configuration` 中保存的内容**（原始对象，不是集群中的当前对象）。为空的键会被省略（`omitempty`）。',
      [
        { name: 'spec', kind: 'field', doc: '`spec` of the original object. Absent when the original `spec` is null.', zh: '原始对象的 `spec`。原始 `spec` 为 null 时不存在。' },
        { name: 'labels', kind: 'field', doc: 'Original `metadata.labels` (string → string). **Absent when empty.**', zh: '原始的 `metadata.labels`（string → string）。**为空时不存在。**' },
        {
          name: 'annotations',
          kind: 'field',
          doc: 'Original `metadata.annotations`, never containing `rollouts.kruise.io/original-spec-configuration`. **Absent when empty.**',
          zh: '原始的 `metadata.annotations`，其中从不包含 `rollouts.kruise.io/original-spec-configuration`。**为空时不存在。**',
        },
      ],
    ),
    {
      name: 'canaryWeight',
      kind: 'field',
      doc: 'Step `traffic` as a number: `"20%"` → 20. **-1 when the step has no `traffic`** (a matches-only step). A value that does not parse as `<int>%` (`"20"`, `"5.5%"`) gives 0. v1alpha1 `weight` is converted first.',
      zh: '步骤的 `traffic` 转成的数字：`"20%"` → 20。**步骤没有 `traffic` 时为 -1**（只有 matches 的步骤）。不能按 `<int>%` 解析的值（`"20"`、`"5.5%"`）得到 0。v1alpha1 的 `weight` 会先被转换。',
    },
    { name: 'stableWeight', kind: 'field', doc: '`100 - canaryWeight`: 80 for `"20%"`, **101 when the step has no `traffic`**.', zh: '`100 - canaryWeight`：`"20%"` 时为 80，**步骤没有 `traffic` 时为 101**。' },
    {
      name: 'matches',
      kind: 'field',
      doc: 'The step\'s `matches` (list, OR; within one match everything is AND): each `{ path = {type, value}, headers = {{type, name, value}}, queryParams = {...} }`. **nil when the step has none.** `type` is present only on objects read from the API server (CRD defaults: Exact / PathPrefix); TrafficRouting and v1alpha1 pass headers only.',
      zh: '步骤的 `matches`（列表，之间为 OR；同一个 match 内为 AND）：每项为 `{ path = {type, value}, headers = {{type, name, value}}, queryParams = {...} }`。**步骤没有时为 nil。** 只有从 API server 读取的对象才带 `type`（CRD 默认值：Exact / PathPrefix）；TrafficRouting 和 v1alpha1 只传 headers。',
    },
    {
      name: 'canaryService',
      kind: 'field',
      doc: '`<stableService>-canary` by default; **equal to `stableService`** with `disableGenerateCanaryService: true` or for a TrafficRouting object (the built-in VirtualService script then routes to the DestinationRule subset `canary`).',
      zh: '默认为 `<stableService>-canary`；设置了 `disableGenerateCanaryService: true` 或对象为 TrafficRouting 时**等于 `stableService`**（此时内置的 VirtualService 脚本路由到 DestinationRule 的 subset `canary`）。',
    },
    {
      name: 'stableService',
      kind: 'field',
      doc: '`trafficRoutings[0].service` of the Rollout (or `objectRef[0].service` of a TrafficRouting).',
      zh: 'Rollout 的 `trafficRoutings[0].service`（或 TrafficRouting 的 `objectRef[0].service`）。',
    },
    {
      name: 'requestHeaderModifier',
      kind: 'field',
      doc: 'The step\'s Gateway API `HTTPHeaderFilter`: `{ set = {{name, value}}, add = {{name, value}}, remove = {"name"} }`, each key only when non-empty. `{}` in the step gives an empty (truthy) table; no field gives nil.',
      zh: '步骤的 Gateway API `HTTPHeaderFilter`：`{ set = {{name, value}}, add = {{name, value}}, remove = {"name"} }`，每个键只在非空时出现。步骤中写 `{}` 得到一个空（为真）的 table；没有该字段则为 nil。',
    },
  ],
);

export const JSON_MODULE = table(
  'json',
  'Kruise\'s JSON module (Go `encoding/json` semantics). Also returned by `require("json")`.',
  'Kruise 的 JSON 模块（Go `encoding/json` 的语义）。`require("json")` 也返回它。',
  [
    fn(
      'encode',
      'json.encode(value) -> string | nil, err',
      'Encodes with the encoder Kruise uses for the result: keys sorted, `json.encode({}) == "null"` (an empty table is null), functions fail with `nil, errmsg`.',
      '用 Kruise 编码结果时所用的编码器编码：键有序，`json.encode({}) == "null"`（空 table 是 null），函数会失败并返回 `nil, errmsg`。',
    ),
    fn(
      'decode',
      'json.decode(s) -> value | nil, err',
      'Decodes JSON: numbers become Lua numbers, `null` members are absent, `null` array items are skipped, `{}` becomes an empty table. Errors return `nil, errmsg` with Go\'s text.',
      '解码 JSON：数字变为 Lua number，值为 `null` 的成员不存在，数组中的 `null` 项被跳过，`{}` 变为空 table。出错时返回 `nil, errmsg`，errmsg 为 Go 的原文。',
    ),
  ],
);

export const KRUISE_HOST: CatalogueItem[] = [OBJ, JSON_MODULE];
