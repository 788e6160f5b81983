// What a Kruise testdata `expected` object is compared on, and how (kruise-testdata/README.md §5).
// Separate from testcase.ts so the browser can compare without pulling in the engine.
import type { KruiseData } from './data';

type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function expectedData(o: unknown): KruiseData {
  const out: KruiseData = {};
  if (!isObj(o)) return out;
  if (o.spec !== undefined && o.spec !== null) out.spec = o.spec;
  const meta = isObj(o.metadata) ? o.metadata : {};
  if (isObj(meta.labels) && Object.keys(meta.labels).length) out.labels = meta.labels as Record<string, string>;
  if (isObj(meta.annotations) && Object.keys(meta.annotations).length) out.annotations = meta.annotations as Record<string, string>;
  return out;
}

/** Compact JSON with sorted keys (the upstream comparison). */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return '[' + v.map(canonicalJson).join(',') + ']';
  if (isObj(v)) return '{' + Object.keys(v).sort().filter((k) => v[k] !== undefined).map((k) => JSON.stringify(k) + ':' + canonicalJson(v[k])).join(',') + '}';
  return JSON.stringify(v);
}
