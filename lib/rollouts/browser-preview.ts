// The detail page's preview per customNetworkRefs object: the route inputs (lib/kruise
// rolloutRouteInputs), the Lua output of one Worker run per ref, folded by stepPredictions into what
// Kruise would write at each step, then turned into what the page shows: YAML, diffs against the
// original and the live object, errors with line numbers, the live routing state. Pure.
import { msg, type Msg } from '@/lib/i18n/message';
import {
  finaliseObject,
  liveRoutingState,
  refKey,
  rolloutRouteInputs,
  stepPredictions,
  type GatewayLint,
  type LiveRoutingState,
  type RefInput,
  type RouteOutput,
  type StepPrediction,
} from '@/lib/kruise';
import { changedLines, lineDiff, toYaml, type DiffLine } from '@/lib/playground/routing';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface PreviewArgs {
  rollout: unknown;
  /** live objects by refKey (`Kind/name`); null = not found */
  lives: Record<string, object | null>;
  configMap: { data?: Record<string, string> | null } | null;
  builtins: Record<string, string>;
  /** edited script text by script key (`<group>/<Kind>`, ResolvedScript.key) */
  edits?: Record<string, string>;
  kruiseNamespace?: string;
}

/**
 * The controller's view of every ref (`actual`), and the inputs a preview of edited scripts runs
 * (`edited`, null for refs whose script is not edited). An edit is previewed as the script that
 * runs, even where Kruise would ignore it (a built-in shadows the ConfigMap key): the page says so.
 */
export function previewInputs(a: PreviewArgs): { actual: RefInput[]; edited: (RefInput | null)[] } {
  const base = { rollout: a.rollout, lives: a.lives, configMap: a.configMap, kruiseNamespace: a.kruiseNamespace };
  const actual = rolloutRouteInputs({ ...base, builtins: a.builtins });
  const edits = a.edits ?? {};
  if (!Object.keys(edits).length) return { actual, edited: actual.map(() => null) };
  const withEdits = rolloutRouteInputs({ ...base, builtins: { ...a.builtins, ...edits } });
  return { actual, edited: actual.map((ri, i) => (Object.prototype.hasOwnProperty.call(edits, ri.script.key) ? withEdits[i] : null)) };
}

/** The runner request for a ref (one run, every step); null when the controller could not run. */
export function routeRequest(ri: RefInput | null): { type: 'route'; input: NonNullable<RefInput['input']> } | null {
  return ri?.input ? { type: 'route', input: ri.input } : null;
}

/** Line of a script error as the controller logs it: `<string>:3: …` (runtime) or `<string> line:3(column:5)` (syntax). */
export function scriptErrorLine(message: string): number | null {
  const m = /<string>:(\d+):/.exec(message) ?? /<string> line:(\d+)/.exec(message);
  return m ? Number(m[1]) : null;
}

/** What the page shows of a gateway object: identity, labels, annotations and spec (no status or server fields). */
export function gatewayView(o: object | null): Obj | null {
  if (!o) return null;
  const g = o as Obj;
  const m = isObj(g.metadata) ? g.metadata : {};
  const metadata: Obj = {};
  for (const k of ['name', 'namespace', 'labels', 'annotations'] as const) if (m[k] !== undefined) metadata[k] = m[k];
  return {
    ...(g.apiVersion !== undefined ? { apiVersion: g.apiVersion } : {}),
    ...(g.kind !== undefined ? { kind: g.kind } : {}),
    metadata,
    ...(g.spec !== undefined ? { spec: g.spec } : {}),
  };
}

const yamlOf = (o: object | null) => (o ? toYaml(gatewayView(o)) : '');

export interface StepPreview {
  step: number;
  /** Lua ran (false: replicas-only step, or the controller could not run) */
  ran: boolean;
  /** replicas-only: no Lua, the controller restores the original */
  noLua: boolean;
  /** the obj global Kruise passes; null when no Lua runs */
  obj: unknown;
  producedYaml: string | null;
  diffOriginal: DiffLine[];
  diffLive: DiffLine[];
  changedVsOriginal: number;
  changedVsLive: number;
  error: string | null;
  errorLine: number | null;
  lints: GatewayLint[];
}

export interface ScriptError {
  message: string;
  line: number | null;
  steps: number[];
}

export interface RefPreview {
  key: string;
  ref: RefInput['ref'];
  namespace: string;
  live: object | null;
  script: RefInput['script'];
  /** the controller could not run at all (missing object or script, empty annotation) */
  error: string | null;
  /** the annotation could not be parsed: Kruise reads an empty original */
  annotationProblem: string | null;
  predictions: StepPrediction[];
  steps: StepPreview[];
  /** distinct Lua errors with the steps they happened at (a syntax error fails every step once) */
  scriptErrors: ScriptError[];
  liveState: LiveRoutingState | null;
  liveText: Msg;
  originalYaml: string;
  liveYaml: string;
}

/** "live = step 2", "live = original", or why no step matches (step numbers as values, words from the catalogue). */
export function liveText(live: object | null, state: LiveRoutingState | null): Msg {
  if (!live || !state) return msg('rollouts.live.text.notFound');
  const original = state.equalsOriginal && !state.annotated;
  const n = state.equalsSteps.length;
  if (n === 1) return msg(original ? 'rollouts.live.text.stepOriginal' : 'rollouts.live.text.step', { step: state.equalsSteps[0] });
  if (n > 1) return msg(original ? 'rollouts.live.text.stepsOriginal' : 'rollouts.live.text.steps', { steps: state.equalsSteps.join(' = ') });
  if (original) return msg('rollouts.live.text.original');
  return msg(state.annotated ? 'rollouts.live.text.noStepChanged' : 'rollouts.live.text.noStep');
}

export function refPreview(ri: RefInput, output: RouteOutput | null, ctx: { services?: readonly string[] } = {}): RefPreview {
  const predictions = ri.error || output ? stepPredictions(ri, output, ctx) : [];
  const live = ri.live;
  const original = live ? finaliseObject(live).object ?? live : null;
  const originalYaml = yamlOf(original);
  const liveYaml = yamlOf(live);
  const byStep = new Map((output?.steps ?? []).map((s) => [s.index, s]));
  const steps = predictions.map((p): StepPreview => {
    const s = byStep.get(p.step);
    const noLua = !!s && !s.ran;
    const producedYaml = p.object ? yamlOf(p.object) : null;
    const diffOriginal = producedYaml !== null ? lineDiff(originalYaml, producedYaml) : [];
    const diffLive = producedYaml !== null ? lineDiff(liveYaml, producedYaml) : [];
    return {
      step: p.step,
      ran: p.ran,
      noLua,
      obj: s && s.ran ? s.obj : null,
      producedYaml,
      diffOriginal,
      diffLive,
      changedVsOriginal: changedLines(diffOriginal),
      changedVsLive: changedLines(diffLive),
      error: ri.error ? null : p.error,
      errorLine: p.error && !ri.error ? scriptErrorLine(p.error) : null,
      lints: p.lints,
    };
  });
  const errors = new Map<string, ScriptError>();
  for (const s of steps) {
    if (!s.error) continue;
    const e = errors.get(s.error) ?? { message: s.error, line: s.errorLine, steps: [] };
    e.steps.push(s.step);
    errors.set(s.error, e);
  }
  const liveState = live && !ri.error && output ? liveRoutingState(live, predictions) : live ? liveRoutingState(live, []) : null;
  return {
    key: refKey(ri.ref),
    ref: ri.ref,
    namespace: ri.namespace,
    live,
    script: ri.script,
    error: ri.error,
    annotationProblem: liveState?.annotationError && !ri.error ? liveState.annotationError : null,
    predictions,
    steps,
    scriptErrors: [...errors.values()],
    liveState,
    liveText: liveText(live, liveState),
    originalYaml,
    liveYaml,
  };
}

/**
 * Editor markers for the script being edited: one per distinct error line, naming the steps. The
 * engine's message stays verbatim; `words` puts the steps around it in the reader's language.
 */
export function editorDiagnostics(previews: readonly RefPreview[], words: (m: Msg) => string = (m) => `Step ${m.values?.steps}: ${m.values?.message}`): { severity: 'error'; message: string; line: number; source: string }[] {
  const out = new Map<number, { severity: 'error'; message: string; line: number; source: string }>();
  for (const p of previews) {
    for (const e of p.scriptErrors) {
      if (e.line === null || out.has(e.line)) continue;
      out.set(e.line, { severity: 'error', message: words(msg('rollouts.editor.diagnostic', { steps: e.steps.join(', '), message: e.message })), line: e.line, source: 'runtime' });
    }
  }
  return [...out.values()];
}

/** What "Edit script" starts from: the script the controller runs, else the recipe in lua/ for the kind, else a pass-through. */
export function editorStartText(script: RefInput['script'], recipes: Record<string, { source: string }>): string {
  if (script.script !== undefined) return script.script;
  return recipes[script.key]?.source ?? '-- obj.data holds the original spec, labels and annotations; return what Kruise should write.\nreturn obj.data\n';
}
