// The gateway's original (§7.1) and decoding of the encoded Lua result into Kruise's `Data` (§5.2).
import { msg, type Msg } from '@/lib/i18n/message';
import { pushWarning, type Warnings } from '@/lib/i18n/warnings';
import { ORIGINAL_SPEC_ANNOTATION } from './input';

export interface KruiseData {
  spec?: unknown;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): v is Obj => isObj(v) && Object.keys(v).length > 0;

/**
 * The original spec/labels/annotations: from the annotation when present, else the live object. A
 * malformed annotation adds a warning to `warnings` when given.
 */
export function originalData(gateway: unknown, warnings?: Warnings): KruiseData {
  const meta = isObj(gateway) && isObj(gateway.metadata) ? gateway.metadata : {};
  const annotations = isObj(meta.annotations) ? meta.annotations : {};
  const stored = annotations[ORIGINAL_SPEC_ANNOTATION];
  if (typeof stored === 'string' && stored !== '') {
    const parsed = parseOriginalAnnotation(stored);
    if (parsed.malformed && warnings) pushWarning(warnings, parsed.malformed, parsed.malformedMsg!);
    return parsed.data;
  }
  const own: Obj = { ...annotations };
  delete own[ORIGINAL_SPEC_ANNOTATION];
  return pickData({ spec: isObj(gateway) ? gateway.spec : undefined, labels: meta.labels, annotations: own });
}

/**
 * The annotation's value as Kruise reads it: `json.Unmarshal` into `Data` with the error ignored, so a
 * value that is not JSON gives an empty `Data` (§7.1, inference) and `malformed` says so.
 */
export function parseOriginalAnnotation(stored: string): { data: KruiseData; malformed?: string; malformedMsg?: Msg } {
  try {
    return { data: pickData(JSON.parse(stored)) };
  } catch {
    return {
      data: {},
      malformed: `${ORIGINAL_SPEC_ANNOTATION} is not valid JSON; Kruise ignores the parse error and uses an empty original (obj.data.spec is nil)`,
      malformedMsg: msg('rollouts.warning.originalMalformed', { annotation: ORIGINAL_SPEC_ANNOTATION }),
    };
  }
}

function pickData(v: unknown): KruiseData {
  const out: KruiseData = {};
  if (!isObj(v)) return out;
  if (v.spec !== undefined && v.spec !== null) out.spec = v.spec;
  if (nonEmpty(v.labels)) out.labels = v.labels as Record<string, string>;
  if (nonEmpty(v.annotations)) {
    const a = { ...(v.annotations as Record<string, string>) };
    delete a[ORIGINAL_SPEC_ANNOTATION];
    if (Object.keys(a).length) out.annotations = a;
  }
  return out;
}

function goTypeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  return typeof v === 'object' ? 'object' : (typeof v as string);
}

/** json.Unmarshal(encoded, &Data{}) with Go's error texts; null/empty members are omitted. */
export function decodeData(json: string): { ok: true; data: KruiseData } | { ok: false; error: string } {
  const v: unknown = JSON.parse(json);
  if (v === null) return { ok: true, data: {} };
  if (!isObj(v)) return { ok: false, error: `json: cannot unmarshal ${goTypeName(v)} into Go value of type custom.Data` };
  const data: KruiseData = {};
  let firstError: string | null = null;
  // encoder output has sorted keys; Go reports the first type error in document order
  for (const key of Object.keys(v).sort()) {
    const value = v[key];
    if (key === 'spec') {
      if (value !== null) data.spec = value;
    } else if (key === 'labels' || key === 'annotations') {
      if (value === null) continue;
      if (!isObj(value)) {
        firstError ??= `json: cannot unmarshal ${goTypeName(value)} into Go struct field Data.${key} of type map[string]string`;
        continue;
      }
      const map: Record<string, string> = {};
      for (const [k, item] of Object.entries(value)) {
        if (typeof item === 'string') map[k] = item;
        else if (item === null) map[k] = ''; // Go leaves the zero value
        else firstError ??= `json: cannot unmarshal ${goTypeName(item)} into Go struct field Data.${key} of type string`;
      }
      if (Object.keys(map).length) data[key] = map;
    }
  }
  if (firstError) return { ok: false, error: firstError };
  return { ok: true, data };
}
