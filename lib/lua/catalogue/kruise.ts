// Kruise's host surface: the `obj` global and the `json` module (kruise-routing.md §2, §4).
import { fn, table, type CatalogueItem } from './types';

export const OBJ = table(
  'obj',
  'What Kruise passes to `trafficRouting.lua`, once per step (a fresh Lua state each time). Return the new `obj.data` (the **last** returned value must be a table). `pairs()` order over it is random in production.',
  [
    table('data', 'The gateway object **as stored in the annotation `rollouts.kruise.io/original-spec-configuration`** (the original, not the live one). Keys are dropped when empty (`omitempty`).', [
      { name: 'spec', kind: 'field', doc: '`spec` of the original object. Absent when the original `spec` is null.' },
      { name: 'labels', kind: 'field', doc: 'Original `metadata.labels` (string → string). **Absent when empty.**' },
      { name: 'annotations', kind: 'field', doc: 'Original `metadata.annotations`, never containing `rollouts.kruise.io/original-spec-configuration`. **Absent when empty.**' },
    ]),
    {
      name: 'canaryWeight',
      kind: 'field',
      doc: 'Step `traffic` as a number: `"20%"` → 20. **-1 when the step has no `traffic`** (a matches-only step). A value that does not parse as `<int>%` (`"20"`, `"5.5%"`) gives 0. v1alpha1 `weight` is converted first.',
    },
    { name: 'stableWeight', kind: 'field', doc: '`100 - canaryWeight`: 80 for `"20%"`, **101 when the step has no `traffic`**.' },
    {
      name: 'matches',
      kind: 'field',
      doc: 'The step\'s `matches` (list, OR; within one match everything is AND): each `{ path = {type, value}, headers = {{type, name, value}}, queryParams = {...} }`. **nil when the step has none.** `type` is present only on objects read from the API server (CRD defaults: Exact / PathPrefix); TrafficRouting and v1alpha1 pass headers only.',
    },
    {
      name: 'canaryService',
      kind: 'field',
      doc: '`<stableService>-canary` by default; **equal to `stableService`** with `disableGenerateCanaryService: true` or for a TrafficRouting object (the built-in VirtualService script then routes to the DestinationRule subset `canary`).',
    },
    { name: 'stableService', kind: 'field', doc: '`trafficRoutings[0].service` of the Rollout (or `objectRef[0].service` of a TrafficRouting).' },
    {
      name: 'requestHeaderModifier',
      kind: 'field',
      doc: 'The step\'s Gateway API `HTTPHeaderFilter`: `{ set = {{name, value}}, add = {{name, value}}, remove = {"name"} }`, each key only when non-empty. `{}` in the step gives an empty (truthy) table; no field gives nil.',
    },
  ],
);

export const JSON_MODULE = table('json', 'Kruise\'s JSON module (Go `encoding/json` semantics). Also returned by `require("json")`.', [
  fn('encode', 'json.encode(value) -> string | nil, err', 'Encodes with the encoder Kruise uses for the result: keys sorted, `json.encode({}) == "null"` (an empty table is null), functions fail with `nil, errmsg`.'),
  fn('decode', 'json.decode(s) -> value | nil, err', 'Decodes JSON: numbers become Lua numbers, `null` members are absent, `null` array items are skipped, `{}` becomes an empty table. Errors return `nil, errmsg` with Go\'s text.'),
]);

export const KRUISE_HOST: CatalogueItem[] = [OBJ, JSON_MODULE];
