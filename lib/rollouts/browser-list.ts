// The /rollouts list's view state lives in the URL (shareable, survives reloads): the select filters
// and the free text. Pure: parse, serialise, which values the selects offer, and which rows pass.
// `?ns=` belongs to the header's namespace selector and is kept as is.

export const ROUTING_KINDS = ['custom', 'ingress', 'gateway', 'none'] as const;
export type RoutingFilter = (typeof ROUTING_KINDS)[number];

export interface RolloutsViewState {
  phase: string;
  state: string;
  routing: RoutingFilter | '';
  q: string;
}

/** What the filters look at, per row (derived from rolloutSummary by the caller). */
export interface RolloutFacts {
  phase: string | null;
  stepState: string | null;
  routingKinds: readonly string[];
}

type Params = Pick<URLSearchParams, 'get'>;
const VIEW_KEYS = ['phase', 'state', 'routing', 'q'] as const;

export function parseRolloutsView(p: Params): RolloutsViewState {
  const routing = p.get('routing');
  return {
    phase: p.get('phase') ?? '',
    state: p.get('state') ?? '',
    routing: (ROUTING_KINDS as readonly string[]).includes(routing ?? '') ? (routing as RoutingFilter) : '',
    q: p.get('q') ?? '',
  };
}

/** The query string for `view`, keeping parameters this page does not own (`ns`); empty values are left out. */
export function serialiseRolloutsView(view: RolloutsViewState, base: string | URLSearchParams = ''): string {
  const p = new URLSearchParams(base);
  for (const k of VIEW_KEYS) p.delete(k);
  for (const k of VIEW_KEYS) if (view[k]) p.set(k, view[k]);
  return p.toString();
}

/** No phase / step state: the filter value that selects them ("—" in the table). */
export const NONE = '(none)';

export function routingFilterOf(f: RolloutFacts): RoutingFilter[] {
  return f.routingKinds.length ? (f.routingKinds.filter((k) => (ROUTING_KINDS as readonly string[]).includes(k)) as RoutingFilter[]) : ['none'];
}

export function passesSelects(f: RolloutFacts, v: RolloutsViewState): boolean {
  if (v.phase && (f.phase ?? NONE) !== v.phase) return false;
  if (v.state && (f.stepState ?? NONE) !== v.state) return false;
  if (v.routing && !routingFilterOf(f).includes(v.routing)) return false;
  return true;
}

export interface RolloutFilterOptions {
  phase: string[];
  state: string[];
  routing: RoutingFilter[];
}

/** The values each select offers: what occurs among the rows, sorted (routing in its fixed order). */
export function rolloutFilterOptions(rows: readonly RolloutFacts[]): RolloutFilterOptions {
  const phase = new Set<string>();
  const state = new Set<string>();
  const routing = new Set<RoutingFilter>();
  for (const f of rows) {
    phase.add(f.phase ?? NONE);
    state.add(f.stepState ?? NONE);
    for (const k of routingFilterOf(f)) routing.add(k);
  }
  const sorted = (s: Set<string>) => [...s].sort((a, b) => (a === NONE ? 1 : b === NONE ? -1 : a.localeCompare(b)));
  return { phase: sorted(phase), state: sorted(state), routing: ROUTING_KINDS.filter((k) => routing.has(k)) };
}

export const activeFilterCount = (v: RolloutsViewState) => [v.phase, v.state, v.routing].filter(Boolean).length;
