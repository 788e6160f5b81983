// What a Rollout says about its steps and progress (kruise-routing.md §11), for the list, the detail
// page and the server actions. v1beta1 keeps a top-level copy of the step index/state (printer
// columns) and the detail in canaryStatus / blueGreenStatus; v1alpha1 has canaryStatus only.
// Steps go through input.ts `stepParams`, the same conversion the Lua preview uses.
import { hasV1alpha1Shape, parseTraffic, stepParams } from './input';
import { matchViews, type MatchView } from './match-text';

export type StepState = 'complete' | 'current' | 'pending';

export interface HeaderPair {
  name: string;
  value: string;
}

export interface RolloutStepView {
  /** 1-based */
  index: number;
  /** `"20%"` (v1alpha1 `weight: 20` -> `"20%"`), null when the step sets none */
  traffic: string | null;
  /** as obj.canaryWeight: -1 without traffic, 0 for a malformed value */
  canaryWeight: number;
  replicas: string | number | null;
  pause: { kind: 'manual' } | { kind: 'duration'; seconds: number } | null;
  matches: MatchView[];
  requestHeaderModifier: { set: HeaderPair[]; add: HeaderPair[]; remove: string[] } | null;
  /** false for replicas-only steps: the controller runs no Lua and restores the original */
  runsLua: boolean;
  state: StepState;
}

export interface GatewayRefKey {
  apiVersion: string;
  kind: string;
  name: string;
}

export interface RoutingSummary {
  service: string | null;
  customNetworkRefs: GatewayRefKey[];
  ingress: { classType: string; name: string } | null;
  gateway: { httpRouteName: string } | null;
  kinds: ('custom' | 'ingress' | 'gateway')[];
  /** a linked TrafficRouting CR (v1beta1 trafficRoutingRef, v1alpha1 annotation) */
  trafficRoutingRef: string | null;
  canaryService: string | null;
}

export interface RolloutCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

export interface RolloutSummary {
  apiVersion: string;
  version: 'v1beta1' | 'v1alpha1' | string;
  strategy: 'canary' | 'blueGreen' | null;
  phase: string | null;
  message: string | null;
  currentStepIndex: number | null;
  totalSteps: number;
  currentStepState: string | null;
  /** currentStepState === 'StepPaused' */
  paused: boolean;
  stableRevision: string | null;
  canaryRevision: string | null;
  canaryReplicas: number | null;
  canaryReadyReplicas: number | null;
  conditions: RolloutCondition[];
  observedGeneration: number | null;
  generation: number | null;
  generationObserved: boolean;
  workload: { apiVersion: string; kind: string; name: string } | null;
  routing: RoutingSummary;
  /** where Approve patches currentStepState */
  statusPath: 'canaryStatus' | 'blueGreenStatus';
  /** the webhook's or controller's words for what is wrong with the spec */
  problems: string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const get = (v: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((o, k) => (Array.isArray(o) && typeof k === 'number' ? o[k] : isObj(o) ? o[k as string] : undefined), v);
const strOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const numOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

// By shape, not label: an unconverted v1alpha1 body may arrive labelled v1beta1 (see hasV1alpha1Shape).
const isV1alpha1 = hasV1alpha1Shape;

/** The strategy variant in use; v1alpha1 has no blue-green. Both set: canary (the webhook refuses it). */
function variantOf(rollout: unknown): { strategy: 'canary' | 'blueGreen' | null; variant: Obj | null; both: boolean } {
  const canary = get(rollout, 'spec', 'strategy', 'canary');
  const blueGreen = isV1alpha1(rollout) ? undefined : get(rollout, 'spec', 'strategy', 'blueGreen');
  const both = isObj(canary) && isObj(blueGreen);
  if (isObj(canary)) return { strategy: 'canary', variant: canary, both };
  if (isObj(blueGreen)) return { strategy: 'blueGreen', variant: blueGreen, both };
  return { strategy: null, variant: null, both };
}

function rawSteps(rollout: unknown): unknown[] {
  const steps = variantOf(rollout).variant?.steps;
  return Array.isArray(steps) ? steps : [];
}

function subStatus(rollout: unknown): Obj | null {
  const status = get(rollout, 'status');
  const { strategy } = variantOf(rollout);
  const c = get(status, 'canaryStatus');
  const b = get(status, 'blueGreenStatus');
  if (strategy === 'blueGreen') return isObj(b) ? b : isObj(c) ? c : null;
  return isObj(c) ? c : isObj(b) ? b : null;
}

/** Top-level copy first (v1beta1 printer columns), then the variant's status. */
function stepIndexAndState(rollout: unknown): { index: number | null; state: string | null } {
  const status = get(rollout, 'status');
  const sub = subStatus(rollout);
  return {
    index: numOrNull(get(status, 'currentStepIndex')) ?? numOrNull(sub?.currentStepIndex),
    state: strOrNull(get(status, 'currentStepState')) ?? strOrNull(sub?.currentStepState),
  };
}

/** The first traffic routing (the controller uses only `[0]`; the webhook allows one). */
export function rolloutRouting(rollout: unknown): RoutingSummary {
  const { variant } = variantOf(rollout);
  const routings = variant?.trafficRoutings;
  const tr = Array.isArray(routings) ? routings[0] : undefined;
  const refs = customNetworkRefs(rollout);
  const ing = get(tr, 'ingress');
  const gw = get(tr, 'gateway');
  const ingress = isObj(ing) ? { classType: str(ing.classType) || 'nginx', name: str(ing.name) } : null;
  const gateway = isObj(gw) ? { httpRouteName: str(gw.httpRouteName) } : null;
  const kinds: RoutingSummary['kinds'] = [];
  if (refs.length) kinds.push('custom');
  if (ingress) kinds.push('ingress');
  if (gateway) kinds.push('gateway');
  const service = strOrNull(get(tr, 'service')) || null;
  const trafficRoutingRef = isV1alpha1(rollout)
    ? strOrNull(get(rollout, 'metadata', 'annotations', 'rollouts.kruise.io/trafficrouting'))
    : strOrNull(variant?.trafficRoutingRef);
  const canaryService = service ? (variant?.disableGenerateCanaryService === true ? service : `${service}-canary`) : null;
  return { service, customNetworkRefs: refs, ingress, gateway, kinds, trafficRoutingRef, canaryService };
}

/**
 * The `customNetworkRefs` of a Rollout (canary or blue-green `trafficRoutings[0]`) or a TrafficRouting
 * (`spec.objectRef[0]`), in order; entries without kind or name are left out.
 */
export function customNetworkRefs(routing: unknown): GatewayRefKey[] {
  let first: unknown;
  if (get(routing, 'kind') === 'TrafficRouting') {
    first = get(routing, 'spec', 'objectRef', 0);
  } else {
    const routings = variantOf(routing).variant?.trafficRoutings;
    first = Array.isArray(routings) ? routings[0] : undefined;
  }
  const refs = get(first, 'customNetworkRefs');
  if (!Array.isArray(refs)) return [];
  return refs
    .filter((r): r is Obj => isObj(r) && !!str(r.kind) && !!str(r.name))
    .map((r) => ({ apiVersion: str(r.apiVersion), kind: str(r.kind), name: str(r.name) }));
}

function pauseOf(step: unknown, last: boolean, replicas: unknown): RolloutStepView['pause'] {
  // The controller pauses every step (a missing `pause` is an empty one, a manual approval) except
  // the last step at 100% replicas, which completes on its own (rollout_canary.go doCanaryPaused).
  const p = get(step, 'pause');
  const d = get(p, 'duration');
  if (typeof d === 'number') return { kind: 'duration', seconds: d };
  if (last && replicas === '100%') return null;
  return { kind: 'manual' };
}

function pairs(v: unknown): HeaderPair[] {
  return Array.isArray(v) ? v.filter(isObj).map((h) => ({ name: str(h.name), value: str(h.value) })) : [];
}

function modifierOf(m: unknown): RolloutStepView['requestHeaderModifier'] {
  if (!isObj(m)) return null;
  return { set: pairs(m.set), add: pairs(m.add), remove: Array.isArray(m.remove) ? m.remove.map(str) : [] };
}

/**
 * complete / current / pending for each step. Steps before the current index are complete, the
 * current one is current. All complete when the sub-status says `Completed`, or the Rollout is
 * Healthy at the last step. A Rollout with no step index (Initial, or Healthy with no release in
 * progress) shows every step pending: the pipeline is what the next release will do. An index out
 * of range makes step 1 current, as the controller routes it (§3).
 */
function stepStates(rollout: unknown, total: number): StepState[] {
  const { index, state } = stepIndexAndState(rollout);
  const phase = strOrNull(get(rollout, 'status', 'phase'));
  if (index === null) return Array.from({ length: total }, () => 'pending');
  if (state === 'Completed' || (phase === 'Healthy' && index >= total)) return Array.from({ length: total }, () => 'complete');
  const current = index >= 1 && index <= total ? index : 1;
  return Array.from({ length: total }, (_, i) => (i + 1 < current ? 'complete' : i + 1 === current ? 'current' : 'pending'));
}

export function rolloutSteps(rollout: unknown): RolloutStepView[] {
  const v1alpha1 = isV1alpha1(rollout);
  const steps = rawSteps(rollout);
  const states = stepStates(rollout, steps.length);
  return steps.map((raw, i) => {
    const p = stepParams(raw, v1alpha1);
    const r = get(raw, 'replicas');
    // v1alpha1 -> v1beta1 conversion: an unset replicas becomes the weight's percentage
    const replicas = typeof r === 'number' || typeof r === 'string' ? r : v1alpha1 && p.traffic !== null ? p.traffic : null;
    const matches = matchViews(p.matches);
    return {
      index: i + 1,
      traffic: p.traffic,
      canaryWeight: parseTraffic(p.traffic),
      replicas,
      pause: pauseOf(raw, i === steps.length - 1, replicas),
      matches,
      requestHeaderModifier: modifierOf(p.requestHeaderModifier),
      runsLua: p.traffic !== null || (p.matches !== null && p.matches.length > 0),
      state: states[i],
    };
  });
}

/** `"2/4"`; `"—"` without a step index (no release in progress). */
export function stepProgressText(rollout: unknown): string {
  const { index } = stepIndexAndState(rollout);
  if (index === null) return '—';
  return `${index}/${rawSteps(rollout).length}`;
}

const PERCENT = /^(\d+)%$/;

/** The webhook's messages (§11.1) for what a cluster would have refused, plus the controller's. */
function problemsOf(rollout: unknown): string[] {
  const problems: string[] = [];
  const { strategy, variant, both } = variantOf(rollout);
  if (both) problems.push('Canary and BlueGreen cannot both be set');
  if (!variant) {
    problems.push('The Rollout has neither spec.strategy.canary nor spec.strategy.blueGreen');
    return problems;
  }
  const steps = rawSteps(rollout);
  if (steps.length === 0) problems.push(strategy === 'blueGreen' ? 'The number of BlueGreen.Steps cannot be empty' : 'The number of Canary.Steps cannot be empty');
  const v1alpha1 = isV1alpha1(rollout);
  steps.forEach((raw, i) => {
    const p = stepParams(raw, v1alpha1);
    const r = get(raw, 'replicas');
    if ((r === undefined || r === null) && !(v1alpha1 && p.traffic !== null)) problems.push(`Step ${i + 1}: replicas cannot be empty`);
    if (p.traffic !== null) {
      const m = PERCENT.exec(p.traffic);
      const n = m ? Number(m[1]) : NaN;
      const ok = m !== null && n <= 100 && (strategy === 'blueGreen' ? n >= 0 : n > 0);
      if (!ok) {
        problems.push(strategy === 'blueGreen'
          ? `Step ${i + 1}: traffic must be percentage with "0%" <= traffic <= "100%" in blueGreen strategy`
          : `Step ${i + 1}: traffic must be percentage with "0%" < traffic <= "100%" in canary strategy`);
      }
    }
  });
  const routings = variant.trafficRoutings;
  if (Array.isArray(routings) && routings.length > 1) problems.push('Rollout currently only support single TrafficRouting.');
  const tr = Array.isArray(routings) ? routings[0] : undefined;
  if (isObj(tr)) {
    if (!str(tr.service)) problems.push('TrafficRouting.Service cannot be empty');
    if (!Array.isArray(tr.customNetworkRefs) && !isObj(tr.ingress) && !isObj(tr.gateway)) problems.push('TrafficRoutings are not set');
    if (typeof tr.gracePeriodSeconds === 'number' && tr.gracePeriodSeconds < 0) problems.push('TrafficRouting.GracePeriodSeconds cannot be negative');
  }
  const { index } = stepIndexAndState(rollout);
  if (index !== null && steps.length > 0 && (index < 1 || index > steps.length)) {
    problems.push(`status.currentStepIndex ${index} is outside 1..${steps.length}; the controller routes as step 1`);
  }
  return problems;
}

function conditionsOf(rollout: unknown): RolloutCondition[] {
  const list = get(rollout, 'status', 'conditions');
  if (!Array.isArray(list)) return [];
  return list.filter(isObj).map((c) => {
    const out: RolloutCondition = { type: str(c.type), status: str(c.status) };
    if (typeof c.reason === 'string') out.reason = c.reason;
    if (typeof c.message === 'string') out.message = c.message;
    if (typeof c.lastTransitionTime === 'string') out.lastTransitionTime = c.lastTransitionTime;
    return out;
  });
}

export function rolloutSummary(rollout: unknown): RolloutSummary {
  const apiVersion = str(get(rollout, 'apiVersion'));
  const { strategy } = variantOf(rollout);
  const sub = subStatus(rollout);
  const blueGreen = strategy === 'blueGreen';
  const { index, state } = stepIndexAndState(rollout);
  const observedGeneration = numOrNull(get(rollout, 'status', 'observedGeneration'));
  const generation = numOrNull(get(rollout, 'metadata', 'generation'));
  const wl = isV1alpha1(rollout) ? get(rollout, 'spec', 'objectRef', 'workloadRef') : get(rollout, 'spec', 'workloadRef');
  return {
    apiVersion,
    version: apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion,
    strategy,
    phase: strOrNull(get(rollout, 'status', 'phase')),
    message: strOrNull(get(rollout, 'status', 'message')),
    currentStepIndex: index,
    totalSteps: rawSteps(rollout).length,
    currentStepState: state,
    paused: state === 'StepPaused',
    stableRevision: strOrNull(sub?.stableRevision),
    canaryRevision: strOrNull(blueGreen ? sub?.updatedRevision : sub?.canaryRevision),
    canaryReplicas: numOrNull(blueGreen ? sub?.updatedReplicas : sub?.canaryReplicas),
    canaryReadyReplicas: numOrNull(blueGreen ? sub?.updatedReadyReplicas : sub?.canaryReadyReplicas),
    conditions: conditionsOf(rollout),
    observedGeneration,
    generation,
    generationObserved: observedGeneration !== null && (generation === null || observedGeneration >= generation),
    workload: isObj(wl) ? { apiVersion: str(wl.apiVersion), kind: str(wl.kind), name: str(wl.name) } : null,
    routing: rolloutRouting(rollout),
    statusPath: blueGreen ? 'blueGreenStatus' : 'canaryStatus',
    problems: problemsOf(rollout),
  };
}
