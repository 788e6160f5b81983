// What the custom network provider writes to a gateway object (kruise-routing.md §7), as pure
// functions of plain JSON: the original-spec annotation (storeObject), the EnsureRoutes replacement
// and compare (compareAndUpdateObject) and Finalise (restoreObject). The server actions write what
// these return; the browser preview shows the same objects.
import { goMarshal, PRODUCTION_GO } from '@/lib/go-json';
import type { Msg } from '@/lib/i18n/message';
import { parseOriginalAnnotation, type KruiseData } from './data';
import { ORIGINAL_SPEC_ANNOTATION } from './input';
import type { GatewayRefKey } from './rollout-status';

export type { GatewayRefKey };

type Obj = Record<string, unknown>;
type StringMap = Record<string, string>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const GO = PRODUCTION_GO.kruise;

function metadataOf(o: unknown): Obj {
  return isObj(o) && isObj(o.metadata) ? o.metadata : {};
}

/**
 * A metadata map as Go's `GetLabels()` / `GetAnnotations()` return it. An API server never returns an
 * empty map (ObjectMeta's fields are omitempty), so an empty map counts as none.
 */
function mapOf(o: unknown, key: 'labels' | 'annotations'): StringMap | null {
  const m = metadataOf(o)[key];
  return isObj(m) && Object.keys(m).length > 0 ? (m as StringMap) : null;
}

/** `Kind(ns/name)`, the way every provider message names an object. */
export function objectLabel(o: unknown, fallback?: { kind?: string; namespace?: string; name?: string }): string {
  const m = metadataOf(o);
  const kind = isObj(o) && typeof o.kind === 'string' ? o.kind : fallback?.kind ?? '';
  const ns = typeof m.namespace === 'string' ? m.namespace : fallback?.namespace ?? '';
  const name = typeof m.name === 'string' ? m.name : fallback?.name ?? '';
  return `${kind}(${ns}/${name})`;
}

export function hasOriginalAnnotation(live: object): boolean {
  const a = metadataOf(live).annotations;
  return isObj(a) && Object.prototype.hasOwnProperty.call(a, ORIGINAL_SPEC_ANNOTATION);
}

export interface StoredOriginal {
  /** the parsed original; null when absent or empty */
  data: KruiseData | null;
  /** the annotation key exists (the controller's presence check) */
  present: boolean;
  /** the controller's error for an empty value */
  error?: string;
  /** set when the value is not JSON: Kruise ignores the error and reads an empty original */
  malformed?: string;
  /** `malformed` for the page */
  malformedMsg?: Msg;
}

/** The annotation as EnsureRoutes reads it (§7.1). */
export function storedOriginal(live: object): StoredOriginal {
  if (!hasOriginalAnnotation(live)) return { data: null, present: false };
  const value = (metadataOf(live).annotations as Obj)[ORIGINAL_SPEC_ANNOTATION];
  if (typeof value !== 'string' || value === '') {
    return { data: null, present: true, error: `failed to get original spec from annotation for ${objectLabel(live)}` };
  }
  const parsed = parseOriginalAnnotation(value);
  return { data: parsed.data, present: true, ...(parsed.malformed ? { malformed: parsed.malformed, malformedMsg: parsed.malformedMsg } : {}) };
}

/**
 * The value storeObject writes: `json.Marshal(Data{spec, labels, annotations})` of the live object,
 * the annotation itself left out. Struct field order, each field omitted when nil / empty (spec only
 * when nil: an empty spec object is kept, as Go's omitempty keeps a non-nil interface), map keys
 * sorted, HTML-escaped, through the one Go JSON encoder (lib/go-json).
 */
export function originalAnnotationValue(live: object): string {
  const spec = isObj(live) ? (live as Obj).spec : undefined;
  const labels = mapOf(live, 'labels');
  const annotations: StringMap = { ...(mapOf(live, 'annotations') ?? {}) };
  delete annotations[ORIGINAL_SPEC_ANNOTATION];
  const parts: string[] = [];
  if (spec !== undefined && spec !== null) parts.push(`"spec":${goMarshal(spec, GO)}`);
  if (labels) parts.push(`"labels":${goMarshal(labels, GO)}`);
  if (Object.keys(annotations).length) parts.push(`"annotations":${goMarshal(annotations, GO)}`);
  return `{${parts.join(',')}}`;
}

/** A copy of the object with spec, labels and annotations set; null / undefined removes the field. */
function withData(live: object, spec: unknown, labels: StringMap | null | undefined, annotations: StringMap | null | undefined): Obj {
  const next: Obj = structuredClone(live) as Obj;
  const metadata: Obj = isObj(next.metadata) ? next.metadata : {};
  // Go sets `spec` to nil (JSON null); an API server with a structural schema prunes it: write it absent
  if (spec === undefined || spec === null) delete next.spec;
  else next.spec = structuredClone(spec);
  if (labels && Object.keys(labels).length) metadata.labels = { ...labels };
  else delete metadata.labels;
  if (annotations && Object.keys(annotations).length) metadata.annotations = { ...annotations };
  else delete metadata.annotations;
  next.metadata = metadata;
  return next;
}

/** The live object with the original stored in the annotation, when the key is absent (§7.1). */
export function withStoredOriginal(live: object): object {
  if (hasOriginalAnnotation(live)) return live;
  const next = structuredClone(live) as Obj;
  const metadata: Obj = isObj(next.metadata) ? next.metadata : {};
  metadata.annotations = { ...(mapOf(live, 'annotations') ?? {}), [ORIGINAL_SPEC_ANNOTATION]: originalAnnotationValue(live) };
  next.metadata = metadata;
  return next;
}

/**
 * What EnsureRoutes leaves on the object for a script result (§7.2): the original stored first when
 * absent, then spec, labels and annotations replaced wholesale; the annotations are the result's
 * plus the original-spec one. Kruise does this in two Updates (store, then update); the end state is
 * this object.
 */
export function kruiseWrite(live: object, result: KruiseData): object {
  const stored = withStoredOriginal(live);
  const key = (metadataOf(stored).annotations as StringMap)[ORIGINAL_SPEC_ANNOTATION];
  const annotations: StringMap = { ...(result.annotations ?? {}), [ORIGINAL_SPEC_ANNOTATION]: key };
  return withData(stored, result.spec, result.labels ?? null, annotations);
}

function mapsEqual(a: StringMap | null, b: StringMap | null): boolean {
  if (a === null || b === null) return a === b;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && a[k] === b[k]);
}

function specJson(o: object): string {
  const spec = (o as Obj).spec;
  return goMarshal(spec === undefined ? null : spec, GO);
}

/** compareAndUpdateObject's test (§7.2): compact JSON of spec, deep-equal labels and annotations. */
export function needsUpdate(live: object, next: object): boolean {
  return !(specJson(live) === specJson(next) && mapsEqual(mapOf(live, 'annotations'), mapOf(next, 'annotations')) && mapsEqual(mapOf(live, 'labels'), mapOf(next, 'labels')));
}

/**
 * Finalise (§7.3): spec, labels and annotations set from the annotation, which removes it. An object
 * without the annotation, or with an empty one, is left alone. A value that is not JSON restores an
 * empty original (spec, labels and annotations removed), as the ignored json.Unmarshal error implies.
 */
export function finaliseObject(live: object): { object: object | null; skipped?: 'no-annotation' | 'empty-annotation' } {
  const stored = storedOriginal(live);
  if (!stored.present) return { object: null, skipped: 'no-annotation' };
  if (!stored.data) return { object: null, skipped: 'empty-annotation' };
  return { object: withData(live, stored.data.spec, stored.data.labels, stored.data.annotations) };
}

export interface LiveRoutingState {
  annotated: boolean;
  annotationError?: string;
  /** `annotationError` for the page when it is the studio's own note (malformed JSON); the controller's error stays verbatim */
  annotationErrorMsg?: Msg;
  /** steps whose predicted object the live one equals (§7.2 compare) */
  equalsSteps: number[];
  /** spec, labels and annotations (without the original-spec key) equal the original */
  equalsOriginal: boolean;
}

/** Where the live object stands: routed (annotated) or not, and which step's prediction it equals. */
export function liveRoutingState(live: object, predictions: readonly { step: number; object: object | null }[]): LiveRoutingState {
  const stored = storedOriginal(live);
  const equalsSteps = predictions.filter((p) => p.object !== null && !needsUpdate(live, p.object)).map((p) => p.step);
  let equalsOriginal = !stored.present;
  if (stored.data) {
    const own: StringMap = { ...(mapOf(live, 'annotations') ?? {}) };
    delete own[ORIGINAL_SPEC_ANNOTATION];
    const asOriginal = withData(live, (live as Obj).spec, mapOf(live, 'labels'), own);
    const original = withData(live, stored.data.spec, stored.data.labels, stored.data.annotations);
    equalsOriginal = !needsUpdate(asOriginal, original);
  }
  return {
    annotated: stored.present,
    ...(stored.error ? { annotationError: stored.error } : stored.malformed ? { annotationError: stored.malformed, annotationErrorMsg: stored.malformedMsg! } : {}),
    equalsSteps,
    equalsOriginal,
  };
}
