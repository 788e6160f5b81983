// Per-Rollout orchestration of the custom network provider (kruise-routing.md §7.2, §7.3, §9), pure:
// these prepare the route inputs of every customNetworkRefs object and fold the Lua outputs (run in a
// worker: the browser's runner hook or the server's runInThread) into what Kruise would write. The
// browser preview and the server's recompute are the same code.
import type { KruiseData } from './data';
import { finaliseObject, hasOriginalAnnotation, kruiseWrite, needsUpdate, objectLabel, storedOriginal } from './gateway-write';
import { gatewayLints, type GatewayLint } from './gateway-lint';
import type { RouteInput, RouteOutput } from './route';
import { customNetworkRefs, rolloutSteps, type GatewayRefKey } from './rollout-status';
import { resolveScript, type ResolvedScript } from './script';
import { progressingSentence } from './progressing-text';
import { msg, type Msg } from '@/lib/i18n/message';

export type { GatewayRefKey };

export function refKey(ref: { kind: string; name: string }): string {
  return `${ref.kind}/${ref.name}`;
}

export interface RefInput {
  ref: GatewayRefKey;
  namespace: string;
  /** null = not found */
  live: object | null;
  script: ResolvedScript;
  /** null when the controller could not run (missing object / script, empty annotation) */
  input: RouteInput | null;
  /** controller wording (§9) */
  error: string | null;
  /** number of steps of the Rollout */
  stepCount: number;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Kubernetes' guess of a kind's resource (meta.UnsafeGuessKindToResource), as NotFound errors name it. */
export function guessResource(ref: { apiVersion: string; kind: string }): string {
  const k = ref.kind.toLowerCase();
  let plural: string;
  if (/(s|x|z|ch|sh)$/.test(k)) plural = `${k}es`;
  else if (/[^aeiou]y$/.test(k)) plural = `${k.slice(0, -1)}ies`;
  else plural = `${k}s`;
  const group = ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[0] : '';
  return group ? `${plural}.${group}` : plural;
}

/** `Kind(ns/name)` for a ref. */
function label(ref: GatewayRefKey, namespace: string): string {
  return objectLabel(null, { kind: ref.kind, namespace, name: ref.name });
}

/**
 * The route input of each ref, in customNetworkRefs order, with the controller's error where it
 * could not run: a missing object, then an empty annotation, then a missing script (§7.2 order).
 * `lives` is keyed by refKey; a missing key counts as not found.
 */
export function rolloutRouteInputs(args: {
  /** a Rollout, or a TrafficRouting (one step: its strategy) */
  rollout: unknown;
  lives: Record<string, object | null>;
  configMap: { data?: Record<string, string> | null } | null;
  builtins: Record<string, string>;
  kruiseNamespace?: string;
}): RefInput[] {
  const { rollout } = args;
  const namespace = isObj(rollout) && isObj(rollout.metadata) && typeof rollout.metadata.namespace === 'string' ? rollout.metadata.namespace : '';
  // a TrafficRouting CR routes once (its strategy), a Rollout once per step
  const isTrafficRouting = isObj(rollout) && rollout.kind === 'TrafficRouting';
  const stepCount = isTrafficRouting ? 1 : rolloutSteps(rollout).length;
  return customNetworkRefs(rollout).map((ref) => {
    const live = args.lives[refKey(ref)] ?? null;
    const script = resolveScript(ref, { builtins: args.builtins, configMap: args.configMap, namespace: args.kruiseNamespace });
    const base = { ref, namespace, live, script, stepCount };
    if (!live) {
      return { ...base, input: null, error: `failed to get custom network provider ${label(ref, namespace)}: ${guessResource(ref)} "${ref.name}" not found` };
    }
    const stored = storedOriginal(live);
    if (stored.error) return { ...base, input: null, error: stored.error };
    if (script.source === 'none' || script.script === undefined) {
      return { ...base, input: null, error: `failed to get lua script for custom network provider ${label(ref, namespace)}: ${script.error ?? 'expected script not found neither locally nor in ConfigMap'}` };
    }
    const input: RouteInput = { ...(isTrafficRouting ? { trafficRouting: rollout } : { rollout }), gateway: live, script: script.script, mode: 'controller' };
    return { ...base, input, error: null };
  });
}

export interface StepPrediction {
  step: number;
  ref: GatewayRefKey;
  /** Lua ran for this step (false for replicas-only steps and when the controller could not run) */
  ran: boolean;
  /** what Kruise would leave on the object: kruiseWrite(live, result), or the finalised one without Lua */
  object: object | null;
  result: KruiseData | null;
  /** controller wording, e.g. failed to execute lua for VirtualService(shop/frontend): <string>:3: … */
  error: string | null;
  lints: GatewayLint[];
}

/**
 * One prediction per step for a ref. A replicas-only step runs no Lua: the controller restores the
 * object from the annotation (an object without one stays as it is). Lua errors are wrapped as the
 * controller logs them, with gopher-lua's text where it differs from the engine's.
 */
export function stepPredictions(refInput: RefInput, output: RouteOutput | null, ctx: { services?: readonly string[] } = {}): StepPrediction[] {
  const { ref, live } = refInput;
  const steps = Array.from({ length: refInput.stepCount }, (_, i) => i + 1);
  const failAll = (error: string): StepPrediction[] => steps.map((step) => ({ step, ref, ran: false, object: null, result: null, error, lints: [] }));
  if (refInput.error) return failAll(refInput.error);
  if (!live || !output) return failAll(`no route output for ${label(ref, refInput.namespace)}`);
  if (output.inputErrors.length) return failAll(output.inputErrors[0].message);
  const name = label(ref, refInput.namespace);
  return output.steps.map((s) => {
    const obj = (isObj(s.obj) ? s.obj : {}) as Obj;
    const lintCtx = {
      canaryService: typeof obj.canaryService === 'string' ? obj.canaryService : '',
      stableService: typeof obj.stableService === 'string' ? obj.stableService : '',
      services: ctx.services,
      obj: obj as never,
    };
    if (!s.ran) {
      const restored = finaliseObject(live).object ?? live;
      return { step: s.index, ref, ran: false, object: restored, result: s.result, error: null, lints: gatewayLints(restored, { ...lintCtx, obj: undefined }) };
    }
    if (s.error !== null || !s.result) {
      return { step: s.index, ref, ran: true, object: null, result: null, error: `failed to execute lua for ${name}: ${s.production ?? s.error ?? 'no result'}`, lints: [] };
    }
    const object = kruiseWrite(live, s.result);
    return { step: s.index, ref, ran: true, object, result: s.result, error: null, lints: gatewayLints(object, lintCtx) };
  });
}

export interface PlannedChange {
  ref: GatewayRefKey;
  before: object | null;
  after: object | null;
  changed: boolean;
  storesOriginal: boolean;
  error: string | null;
  /** `error` for the page when it is the studio's own sentence (the controller's stays verbatim) */
  errorMsg?: Msg;
}

export interface PlanResult {
  changes: PlannedChange[];
  /** false if any ref failed: nothing is written then, as EnsureRoutes runs every script before updating */
  ready: boolean;
  errors: string[];
  /** `errors` for the page, index for index; null: the controller's or the engine's words */
  errorMsgs: (Msg | null)[];
}

/** A Rollout without customNetworkRefs has nothing to plan: the one wording for step and restore plans. */
export function noRefsError(action: 'write' | 'restore'): { text: string; msg: Msg } {
  return { text: `This Rollout has no customNetworkRefs: there is no gateway object to ${action}.`, msg: msg('rollouts.planError.noRefs', { action }) };
}

/** What applying step `step` writes to every ref (§7.2): all or nothing. */
export function planFromPredictions(refInputs: readonly RefInput[], predictionsByRef: readonly StepPrediction[][], step: number): PlanResult {
  const errors: string[] = [];
  const errorMsgs: (Msg | null)[] = [];
  if (refInputs.length === 0) {
    const none = noRefsError('write');
    errors.push(none.text);
    errorMsgs.push(none.msg);
  }
  const changes = refInputs.map((ri, i): PlannedChange => {
    const p = (predictionsByRef[i] ?? []).find((x) => x.step === step);
    const before = ri.live;
    let error = ri.error ?? p?.error ?? null;
    let errorMsg: Msg | undefined;
    if (!error && !p) {
      error = `the Rollout has no step ${step} (it has ${ri.stepCount})`;
      errorMsg = msg('rollouts.planError.noStep', { step: String(step), steps: String(ri.stepCount) });
    }
    if (error) {
      errors.push(error);
      errorMsgs.push(errorMsg ?? null);
    }
    const after = error ? null : p?.object ?? null;
    return {
      ref: ri.ref,
      before,
      after,
      changed: before !== null && after !== null && needsUpdate(before, after),
      storesOriginal: !error && !!p?.ran && before !== null && !hasOriginalAnnotation(before),
      error,
      ...(errorMsg ? { errorMsg } : {}),
    };
  });
  return { changes, ready: errors.length === 0, errors, errorMsgs };
}

/** Finalise over every ref (§7.3): NotFound and unannotated objects are skipped, the rest restored. */
export function restorePlan(lives: readonly { ref: GatewayRefKey; live: object | null }[]): PlanResult {
  const changes = lives.map(({ ref, live }): PlannedChange => {
    if (!live) return { ref, before: null, after: null, changed: false, storesOriginal: false, error: null };
    const f = finaliseObject(live);
    const after = f.object ?? live;
    return { ref, before: live, after, changed: f.object !== null && needsUpdate(live, f.object), storesOriginal: false, error: null };
  });
  return { changes, ready: true, errors: [], errorMsgs: [] };
}

/**
 * The warning an apply or restore needs while the controller manages the objects: a Progressing
 * Rollout with custom network refs re-runs EnsureRoutes on every reconcile (§7.1), overwriting any
 * manual change. null otherwise.
 */
export function progressingConflict(rollout: unknown): ReturnType<typeof progressingSentence> | null {
  const r = isObj(rollout) ? rollout : {};
  const meta = isObj(r.metadata) ? r.metadata : {};
  const status = isObj(r.status) ? r.status : {};
  if (status.phase !== 'Progressing' || customNetworkRefs(rollout).length === 0) return null;
  return progressingSentence(`Rollout ${String(meta.namespace ?? '')}/${String(meta.name ?? '')}`, null);
}
