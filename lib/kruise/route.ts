// routeSteps: what the Kruise controller (or its TestLuaScript) computes for every canary step.
import { createLuaState, InputLimitError, LIMITS, LUA_MULTRET, type Budget, type LuaState } from '@/lib/lua';
import { encodeLuaValue } from './encode';
import { registerJsonModule } from './json-module';
import { applyCrdDefaults, parseRouteInput, parseTraffic, type RouteInputError, type StepParams } from './input';
import { msg, type Msg } from '@/lib/i18n/message';
import { newWarnings, pushWarning } from '@/lib/i18n/warnings';
import { decodeData, originalData, type KruiseData } from './data';

export type RouteMode = 'controller' | 'test';

export interface RouteStep {
  /** 1-based */
  index: number;
  ran: boolean;
  /** the table the script saw, as plain JSON (absent keys omitted) */
  obj: unknown;
  result: KruiseData | null;
  error: string | null;
  /** the message production (gopher-lua) would log, when it differs from `error` */
  production?: string;
  prints: string[];
  warnings: string[];
  /** the script did not load (syntax error, size limit): the same error for every step that runs Lua */
  loadFailed?: true;
}

export interface RouteInput {
  rollout?: unknown;
  trafficRouting?: unknown;
  gateway: unknown;
  script: string;
  mode?: RouteMode;
  budget?: Partial<Budget>;
  /** controller mode: apply the CRD defaults an API server would (for pasted YAML); never in test mode */
  crdDefaults?: boolean;
}

export interface RouteOutput {
  steps: RouteStep[];
  /** English (the CLI prints them) */
  warnings: string[];
  /** `warnings` for the page, index for index */
  warningMsgs: Msg[];
  /** non-empty when the input is unusable (the CLI exits 2); steps is then empty */
  inputErrors: RouteInputError[];
  /** Lua instructions the run executed, summed over its steps (failed ones included) */
  stats: { instructions: number };
}

/** Removes what the apimachinery -> Lua conversion drops: null members and null array items. */
export function asLuaSees(v: unknown): unknown {
  if (Array.isArray(v)) return v.filter((x) => x !== null && x !== undefined).map(asLuaSees);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== null && x !== undefined) out[k] = asLuaSees(x);
    return out;
  }
  return v;
}

export function routeSteps(input: RouteInput): RouteOutput {
  const mode = input.mode ?? 'controller';
  const parsed = parseRouteInput(input);
  if (!parsed.ok) return { steps: [], warnings: [], warningMsgs: [], inputErrors: parsed.errors, stats: { instructions: 0 } };
  const p = parsed.value;
  const warnings = newWarnings();
  const original = originalData(input.gateway, warnings);
  let steps: StepParams[] = p.steps;
  if (mode === 'controller' && input.crdDefaults) {
    const d = applyCrdDefaults(steps);
    steps = d.steps;
    if (d.defaulted.length) {
      const fields = d.defaulted.join(', ');
      pushWarning(warnings, `applied CRD defaults (an API server would): ${fields}`, msg('rollouts.warning.crdDefaults', { fields }));
    }
  }
  let instructions = 0;
  const out = steps.map((step, i) => {
    const hasMatches = step.matches !== null && step.matches.length > 0;
    const obj = buildObj(step, original, mode === 'test' ? p.testCanaryService : p.canaryService, p.stableService, mode, p.source);
    if (mode === 'controller' && step.traffic === null && !hasMatches) {
      // replicas-only step: no Lua; the controller restores the original
      return { index: i + 1, ran: false, obj, result: original, error: null, prints: [], warnings: [] } satisfies RouteStep;
    }
    const ran = runCounted(input.script, obj, mode, input.budget);
    instructions += ran.instructions;
    return { index: i + 1, ...ran.step };
  });
  return { steps: out, ...warnings, inputErrors: [], stats: { instructions } };
}

function buildObj(step: StepParams, original: KruiseData, canaryService: string, stableService: string, mode: RouteMode, source: string): Record<string, unknown> {
  const canaryWeight = parseTraffic(step.traffic);
  const obj: Record<string, unknown> = {
    data: original,
    canaryWeight,
    stableWeight: 100 - canaryWeight,
    canaryService,
    stableService,
  };
  if (step.matches && step.matches.length > 0) obj.matches = step.matches;
  // Kruise's TestLuaScript passes an empty table for a TrafficRouting without matches
  else if (mode === 'test' && source === 'trafficRouting') obj.matches = [];
  if (step.requestHeaderModifier !== undefined && step.requestHeaderModifier !== null) obj.requestHeaderModifier = modifier(step.requestHeaderModifier);
  return asLuaSees(obj) as Record<string, unknown>;
}

function modifier(m: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (m && typeof m === 'object') {
    for (const key of ['set', 'add', 'remove']) {
      const list = (m as Record<string, unknown>)[key];
      if (Array.isArray(list) && list.length) out[key] = list;
    }
  }
  return out;
}

/** Runs the script once in a fresh state and converts the last returned value. */
export function runStep(script: string, obj: unknown, mode: RouteMode, budget?: Partial<Budget>): Omit<RouteStep, 'index'> {
  return runCounted(script, obj, mode, budget).step;
}

function runCounted(script: string, obj: unknown, mode: RouteMode, budget?: Partial<Budget>): { step: Omit<RouteStep, 'index'>; instructions: number } {
  const prints: string[] = [];
  const state = createLuaState({ profile: 'kruise', budget, onPrint: (t) => prints.push(t) });
  try {
    return { step: stepIn(state, prints, script, obj, mode), instructions: state.instructionsUsed };
  } finally {
    state.close();
  }
}

function stepIn(state: LuaState, prints: string[], script: string, obj: unknown, mode: RouteMode): Omit<RouteStep, 'index'> {
  const warnings: string[] = [];
  const fail = (error: string, production?: string): Omit<RouteStep, 'index'> => ({
    ran: true, obj, result: null, error, ...(production && production !== error ? { production } : {}), prints, warnings,
  });
  registerJsonModule(state);
  try {
    state.setGlobalJson('obj', obj);
  } catch (e) {
    if (e instanceof InputLimitError) return fail(e.message);
    throw e;
  }
  const loaded = state.load(script);
  if (!loaded.ok) return { ...fail(loaded.error.message, loaded.error.production), loadFailed: true };
  const base = state.top() - 1;
  const called = state.call(0, LUA_MULTRET);
  if (!called.ok) return fail(called.error.message, called.error.production);
  return { ran: true, obj, ...convertResult(state, base, mode), prints, warnings };
}

function convertResult(state: LuaState, base: number, mode: RouteMode): { result: KruiseData | null; error: string | null } {
  if (state.top() === base) state.pushNil(); // no return value: the top is nil
  const t = state.typeName(-1);
  if (t !== 'table') {
    if (mode === 'test') return { result: {}, error: null };
    return { result: null, error: `expect table output from Lua script, not ${t}` };
  }
  const encoded = encodeLuaValue(state.readValue(-1));
  if (!encoded.ok) return { result: null, error: encoded.error };
  if (encoded.json.length > LIMITS.resultBytes) {
    return { result: null, error: `output limit exceeded: the result encodes to ${encoded.json.length} bytes of JSON (limit ${LIMITS.resultBytes})` };
  }
  const decoded = decodeData(encoded.json);
  return decoded.ok ? { result: decoded.data, error: null } : { result: null, error: decoded.error };
}

