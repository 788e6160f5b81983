// Validates and normalises route input (a Rollout or a TrafficRouting plus the gateway object) into
// per-step routing parameters (kruise-routing.md §2, §11). Pure functions of plain JSON.
export const ORIGINAL_SPEC_ANNOTATION = 'rollouts.kruise.io/original-spec-configuration';

export type RouteInputErrorCode =
  | 'no-routing-input'
  | 'both-routing-inputs'
  | 'not-a-rollout'
  | 'not-a-traffic-routing'
  | 'no-strategy'
  | 'no-steps'
  | 'no-service'
  | 'no-gateway'
  | 'empty-original-annotation';

export interface RouteInputError {
  code: RouteInputErrorCode;
  message: string;
}

export interface StepParams {
  /** present (possibly malformed) traffic string, or null */
  traffic: string | null;
  matches: unknown[] | null;
  requestHeaderModifier: unknown;
}

export interface ParsedRouteInput {
  source: 'rollout' | 'trafficRouting';
  stableService: string;
  /** canary service for the controller (`-canary` unless disabled / TrafficRouting) */
  canaryService: string;
  /** canary service in Kruise's TestLuaScript (always `-canary` for Rollouts) */
  testCanaryService: string;
  steps: StepParams[];
  gatewayKind: string;
  gatewayName: string;
  gatewayNamespace: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const get = (v: unknown, ...path: string[]): unknown => path.reduce<unknown>((o, k) => (isObj(o) ? o[k] : undefined), v);

function describe(o: unknown): string {
  return `${String(get(o, 'apiVersion') ?? '?')} ${String(get(o, 'kind') ?? '?')}`;
}

export function parseRouteInput(input: { rollout?: unknown; trafficRouting?: unknown; gateway: unknown }):
  { ok: true; value: ParsedRouteInput } | { ok: false; errors: RouteInputError[] } {
  const errors: RouteInputError[] = [];
  const { rollout, trafficRouting, gateway } = input;
  if (!isObj(gateway)) errors.push({ code: 'no-gateway', message: 'the gateway object (the customNetworkRefs target, e.g. a VirtualService) is missing' });
  if (rollout == null && trafficRouting == null) errors.push({ code: 'no-routing-input', message: 'give a Rollout or a TrafficRouting' });
  if (rollout != null && trafficRouting != null) errors.push({ code: 'both-routing-inputs', message: 'give either a Rollout or a TrafficRouting, not both' });
  let parsed: Omit<ParsedRouteInput, 'gatewayKind' | 'gatewayName' | 'gatewayNamespace'> | null = null;
  if (rollout != null && trafficRouting == null) parsed = parseRollout(rollout, errors);
  if (trafficRouting != null && rollout == null) parsed = parseTrafficRouting(trafficRouting, errors);
  if (isObj(gateway)) {
    const ann = get(gateway, 'metadata', 'annotations');
    if (isObj(ann) && ann[ORIGINAL_SPEC_ANNOTATION] === '') {
      errors.push({
        code: 'empty-original-annotation',
        message: `failed to get original spec from annotation for ${String(gateway.kind ?? '')}(${String(get(gateway, 'metadata', 'namespace') ?? '')}/${String(get(gateway, 'metadata', 'name') ?? '')})`,
      });
    }
  }
  if (errors.length || !parsed) return { ok: false, errors };
  return {
    ok: true,
    value: {
      ...parsed,
      gatewayKind: String(get(gateway, 'kind') ?? ''),
      gatewayName: String(get(gateway, 'metadata', 'name') ?? ''),
      gatewayNamespace: String(get(gateway, 'metadata', 'namespace') ?? ''),
    },
  };
}

function parseRollout(rollout: unknown, errors: RouteInputError[]) {
  const apiVersion = String(get(rollout, 'apiVersion') ?? '');
  if (get(rollout, 'kind') !== 'Rollout' || !apiVersion.startsWith('rollouts.kruise.io/')) {
    errors.push({ code: 'not-a-rollout', message: `expected a rollouts.kruise.io Rollout, got ${describe(rollout)}` });
    return null;
  }
  const v1alpha1 = hasV1alpha1Shape(rollout);
  const strategy = get(rollout, 'spec', 'strategy');
  const canary = get(strategy, 'canary');
  const blueGreen = v1alpha1 ? undefined : get(strategy, 'blueGreen');
  const variant = isObj(canary) ? canary : isObj(blueGreen) ? blueGreen : null;
  if (!variant) {
    errors.push({ code: 'no-strategy', message: 'the Rollout has neither spec.strategy.canary nor spec.strategy.blueGreen' });
    return null;
  }
  const steps = variant.steps;
  if (!Array.isArray(steps) || steps.length === 0) {
    errors.push({ code: 'no-steps', message: 'The number of Canary.Steps cannot be empty' });
    return null;
  }
  const routings = variant.trafficRoutings;
  const stable = Array.isArray(routings) ? get(routings[0], 'service') : undefined;
  if (typeof stable !== 'string' || !stable) {
    errors.push({ code: 'no-service', message: 'TrafficRouting.Service cannot be empty (spec.strategy.*.trafficRoutings[0].service)' });
    return null;
  }
  const disable = variant.disableGenerateCanaryService === true;
  return {
    source: 'rollout' as const,
    stableService: stable,
    canaryService: disable ? stable : `${stable}-canary`,
    testCanaryService: `${stable}-canary`,
    steps: steps.map((s) => stepParams(s, v1alpha1)),
  };
}

function parseTrafficRouting(tr: unknown, errors: RouteInputError[]) {
  if (get(tr, 'kind') !== 'TrafficRouting' || !String(get(tr, 'apiVersion') ?? '').startsWith('rollouts.kruise.io/')) {
    errors.push({ code: 'not-a-traffic-routing', message: `expected a rollouts.kruise.io TrafficRouting, got ${describe(tr)}` });
    return null;
  }
  const refs = get(tr, 'spec', 'objectRef');
  const stable = Array.isArray(refs) ? get(refs[0], 'service') : undefined;
  if (typeof stable !== 'string' || !stable) {
    errors.push({ code: 'no-service', message: 'TrafficRouting.Service cannot be empty (spec.objectRef[0].service)' });
    return null;
  }
  return {
    source: 'trafficRouting' as const,
    stableService: stable,
    canaryService: stable,
    testCanaryService: stable,
    steps: [stepParams(get(tr, 'spec', 'strategy'), true)],
  };
}

const TRAFFIC_ROUTING_ANNOTATION = 'rollouts.kruise.io/trafficrouting';

/**
 * Whether a Rollout body is v1alpha1, by its shape rather than its apiVersion label. A server that
 * keeps one body per Rollout and relabels the version without converting (the sandbox; a cluster
 * whose conversion webhook is missing) returns a v1alpha1 body as v1beta1: `spec.objectRef`, steps
 * with a numeric `weight`, the `rollouts.kruise.io/trafficrouting` annotation. A v1beta1
 * `spec.workloadRef` means a converted (or v1beta1-written) body, whatever else it carries.
 */
export function hasV1alpha1Shape(rollout: unknown): boolean {
  if (get(rollout, 'apiVersion') === 'rollouts.kruise.io/v1alpha1') return true;
  const spec = get(rollout, 'spec');
  if (isObj(get(spec, 'workloadRef'))) return false;
  if (isObj(get(spec, 'objectRef'))) return true;
  const canary = get(spec, 'strategy', 'canary');
  const steps = get(canary, 'steps');
  if (Array.isArray(steps) && steps.some((s) => typeof get(s, 'weight') === 'number' && get(s, 'traffic') == null)) return true;
  return typeof get(rollout, 'metadata', 'annotations', TRAFFIC_ROUTING_ANNOTATION) === 'string' && get(canary, 'trafficRoutingRef') == null;
}

/** One step as the controller sees it (v1alpha1 / TrafficRouting: `weight` -> `"<w>%"`, headers-only matches). */
export function stepParams(step: unknown, headersOnly: boolean): StepParams {
  let traffic: string | null = null;
  const t = get(step, 'traffic');
  const w = get(step, 'weight');
  if (headersOnly && typeof w === 'number') traffic = `${w}%`; // v1alpha1 / TrafficRouting conversion
  else if (t !== undefined && t !== null) traffic = String(t);
  const rawMatches = get(step, 'matches');
  const matches = Array.isArray(rawMatches)
    ? rawMatches.filter((m) => m !== null && m !== undefined).map((m) => convertMatch(m, headersOnly))
    : null;
  return { traffic, matches, requestHeaderModifier: get(step, 'requestHeaderModifier') };
}

/** The typed-struct round trip: known fields only, empty lists and nil path dropped (omitempty). */
function convertMatch(m: unknown, headersOnly: boolean): Obj {
  const out: Obj = {};
  const conds = (list: unknown) =>
    Array.isArray(list)
      ? list.filter(isObj).map((h) => {
          const c: Obj = { name: typeof h.name === 'string' ? h.name : '', value: typeof h.value === 'string' ? h.value : '' };
          if (h.type !== undefined && h.type !== null) c.type = h.type;
          return c;
        })
      : [];
  const headers = conds(get(m, 'headers'));
  if (headers.length) out.headers = headers;
  if (!headersOnly) {
    const path = get(m, 'path');
    if (isObj(path)) {
      const p: Obj = {};
      if (path.type !== undefined && path.type !== null) p.type = path.type;
      if (path.value !== undefined && path.value !== null) p.value = path.value;
      out.path = p;
    }
    const qp = conds(get(m, 'queryParams'));
    if (qp.length) out.queryParams = qp;
  }
  return out;
}

/** Kruise's traffic parsing: "<int>%" -> int; anything else is ignored and yields 0 (§2.2). */
export function parseTraffic(traffic: string | null): number {
  if (traffic === null) return -1;
  if (!traffic.endsWith('%')) return 0;
  const body = traffic.slice(0, -1);
  if (!/^[+-]?\d+$/.test(body)) return 0;
  const n = Number(body);
  return Number.isSafeInteger(n) ? n : 0;
}

/** CRD defaults the API server would apply (header/queryParam type Exact, path PathPrefix "/"). */
export function applyCrdDefaults(steps: StepParams[]): { steps: StepParams[]; defaulted: string[] } {
  const defaulted: string[] = [];
  const next = steps.map((s, si) => ({
    ...s,
    matches: s.matches?.map((m, mi) => {
      const out: Obj = { ...(m as Obj) };
      for (const field of ['headers', 'queryParams'] as const) {
        const list = out[field];
        if (Array.isArray(list)) {
          out[field] = list.map((c: Obj, ci: number) => {
            if (c.type !== undefined) return c;
            defaulted.push(`steps[${si}].matches[${mi}].${field}[${ci}].type: Exact`);
            return { ...c, type: 'Exact' };
          });
        }
      }
      if (isObj(out.path)) {
        const p = { ...(out.path as Obj) };
        if (p.type === undefined) { p.type = 'PathPrefix'; defaulted.push(`steps[${si}].matches[${mi}].path.type: PathPrefix`); }
        if (p.value === undefined) { p.value = '/'; defaulted.push(`steps[${si}].matches[${mi}].path.value: /`); }
        out.path = p;
      }
      return out;
    }) ?? null,
  }));
  return { steps: next, defaulted };
}
