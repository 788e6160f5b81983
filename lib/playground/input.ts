// Reading what the user pastes or uploads: JSON or YAML of one or many objects, `kubectl get -o json`
// Lists, Kruise testdata files. Every failure is a message with the line it is on, never a throw.
import { parseAllDocuments } from 'yaml';
import type { Msg } from '@/lib/i18n/message';
import { LIMITS } from '@/lib/lua/limits';
import { playgroundProblem as problem } from './text';

/** The same ceiling the engine puts on JSON it pushes into Lua: larger input could not run anyway. */
export const MAX_INPUT_BYTES = LIMITS.inputBytes;

export interface InputProblem {
  /** English, for tests and logs */
  message: string;
  /** `message` in the reader's language; absent for text quoted as it came */
  msg?: Msg;
  line?: number;
  column?: number;
}

export type Parsed<T> = { ok: true; value: T; warnings: string[] } | { ok: false; error: InputProblem };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function megabytes(n: number): string {
  return `${(n / 1_000_000).toFixed(n >= 10_000_000 ? 0 : 1)} MB`;
}

/** Checked before reading a file or parsing text, so a huge paste or upload never blocks the page. */
export function checkSize(bytes: number, file?: string): InputProblem | null {
  if (bytes <= MAX_INPUT_BYTES) return null;
  const sizes = { size: megabytes(bytes), max: megabytes(MAX_INPUT_BYTES) };
  return file === undefined ? problem('playground.input.tooBig', sizes) : problem('playground.input.fileTooBig', { ...sizes, file });
}

function lineColAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) { line++; last = i; }
  return { line, column: offset - last };
}

function parseJson(text: string): Parsed<unknown[]> {
  try {
    const v: unknown = JSON.parse(text);
    return { ok: true, value: Array.isArray(v) ? v : [v], warnings: [] };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(msg);
    // V8 names a position for some errors only; YAML (a superset of JSON) locates the others.
    const at = lineColAt(text, pos ? Number(pos[1]) : jsonErrorOffset(text));
    const bare = msg.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '').replace(/, (\.\.\.)?"[\s\S]*" is not valid JSON$/, '');
    return { ok: false, error: { ...problem('playground.input.json', { error: bare }), ...(at ?? {}) } };
  }
}

/**
 * Where JSON.parse fails, when V8 does not say: the shortest failing prefix (a prefix that is valid
 * so far only fails at its end), found by bisection, so at most ~25 parses.
 */
function jsonErrorOffset(text: string): number {
  const failsBefore = (n: number) => {
    try {
      JSON.parse(text.slice(0, n));
      return false;
    } catch (e) {
      const m = e instanceof Error ? e.message : '';
      const at = /position (\d+)/.exec(m);
      return !/Unexpected end|Unterminated/.test(m) && !(at && Number(at[1]) >= n);
    }
  };
  let lo = 1;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (failsBefore(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo - 1;
}

function parseYaml(text: string): Parsed<unknown[]> {
  const docs = parseAllDocuments(text, { prettyErrors: true });
  const list = Array.isArray(docs) ? docs : [];
  const out: unknown[] = [];
  const warnings: string[] = [];
  for (const doc of list) {
    const err = doc.errors[0];
    if (err) {
      const pos = err.linePos?.[0];
      const first = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      return { ok: false, error: { ...problem('playground.input.yaml', { error: first }), ...(pos ? { line: pos.line, column: pos.col } : {}) } };
    }
    for (const w of doc.warnings) warnings.push(w.message.split('\n')[0]);
    const v: unknown = doc.toJS({ maxAliasCount: 100 });
    if (v === null || v === undefined) continue;
    if (Array.isArray(v)) out.push(...v);
    else out.push(v);
  }
  return { ok: true, value: out, warnings };
}

/** Documents of a JSON or YAML text (a top-level array counts as its items). */
export function parseDocuments(text: string): Parsed<unknown[]> {
  const tooBig = checkSize(new TextEncoder().encode(text).length);
  if (tooBig) return { ok: false, error: tooBig };
  const t = text.trimStart();
  if (t === '') return { ok: true, value: [], warnings: [] };
  return t.startsWith('{') || t.startsWith('[') ? parseJson(text) : parseYaml(text);
}

/** Documents with every `*List` (kubectl's `kind: List`, `PodList`, …) replaced by its items. */
export function flattenLists(docs: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const d of docs) {
    if (isObj(d) && typeof d.kind === 'string' && d.kind.endsWith('List') && Array.isArray(d.items)) out.push(...flattenLists(d.items));
    else out.push(d);
  }
  return out;
}

const isPod = (o: unknown) => isObj(o) && (o.kind === 'Pod' || (o.kind === undefined && isObj(o.metadata) && isObj(o.spec) && Array.isArray(o.spec.containers)));

/** Pods from pasted or uploaded text; the other objects (Deployments, ReplicaSets…) are owners. */
export function parsePodsInput(text: string): Parsed<{ pods: unknown[]; objects: unknown[] }> {
  const docs = parseDocuments(text);
  if (!docs.ok) return docs;
  const all = flattenLists(docs.value);
  const pods = all.filter(isPod);
  const objects = all.filter((o) => !isPod(o) && isObj(o));
  if (all.length > 0 && pods.length === 0) {
    return { ok: false, error: problem('playground.input.noPod', { kinds: describeKinds(all) }) };
  }
  return { ok: true, value: { pods, objects }, warnings: docs.warnings };
}

function describeKinds(objs: readonly unknown[]): string {
  const kinds = new Map<string, number>();
  for (const o of objs) {
    const k = isObj(o) && typeof o.kind === 'string' ? o.kind : isObj(o) ? 'an object without kind' : typeof o;
    kinds.set(k, (kinds.get(k) ?? 0) + 1);
  }
  return [...kinds].map(([k, n]) => (n > 1 ? `${n}× ${k}` : k)).join(', ');
}

export interface RoutingCase {
  rollout?: unknown;
  trafficRouting?: unknown;
  gateway: unknown;
}

/** Pasted YAML with a Rollout (or TrafficRouting) and the gateway object it routes. */
export function parseRoutingInput(text: string): Parsed<RoutingCase> {
  const docs = parseDocuments(text);
  if (!docs.ok) return docs;
  const all = flattenLists(docs.value).filter(isObj);
  const rollout = all.find((o) => o.kind === 'Rollout');
  const trafficRouting = all.find((o) => o.kind === 'TrafficRouting');
  const gateway = all.find((o) => o.kind !== 'Rollout' && o.kind !== 'TrafficRouting');
  if (!rollout && !trafficRouting) return { ok: false, error: problem('playground.input.noRollout') };
  if (!gateway) return { ok: false, error: problem('playground.input.noGateway') };
  return { ok: true, value: { ...(rollout ? { rollout } : { trafficRouting }), gateway }, warnings: docs.warnings };
}

export interface Testdata {
  rollout?: unknown;
  trafficRouting?: unknown;
  original: Obj;
  expected: unknown[];
}

function keyLine(text: string, key: string): number | undefined {
  const m = new RegExp(`^${key}\\s*:`, 'm').exec(text);
  return m ? lineColAt(text, m.index).line : undefined;
}

/** A Kruise testdata file (kruise-testdata/README.md): rollout | trafficRouting, original, expected. */
export function parseTestdata(text: string): Parsed<Testdata> {
  const docs = parseDocuments(text);
  if (!docs.ok) return docs;
  const [doc] = docs.value;
  if (docs.value.length !== 1 || !isObj(doc)) return { ok: false, error: problem('playground.input.testdata.oneDocument') };
  const hasRollout = doc.rollout !== undefined && doc.rollout !== null;
  const hasTr = doc.trafficRouting !== undefined && doc.trafficRouting !== null;
  if (!hasRollout && !hasTr) return { ok: false, error: problem('playground.input.testdata.neither') };
  if (hasRollout && hasTr) return { ok: false, error: { ...problem('playground.input.testdata.both'), line: keyLine(text, 'trafficRouting') } };
  if (!isObj(doc.original)) return { ok: false, error: { ...problem('playground.input.testdata.noOriginal'), line: keyLine(text, 'original') } };
  if (doc.expected === undefined || doc.expected === null) {
    return { ok: false, error: problem('playground.input.testdata.noExpected') };
  }
  if (!Array.isArray(doc.expected)) return { ok: false, error: { ...problem('playground.input.testdata.expectedNotList'), line: keyLine(text, 'expected') } };
  const value: Testdata = { original: doc.original, expected: doc.expected, ...(hasRollout ? { rollout: doc.rollout } : { trafficRouting: doc.trafficRouting }) };
  return { ok: true, value, warnings: docs.warnings };
}
