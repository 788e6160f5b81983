// The pods page's view state lives in the URL (shareable, survives reloads): which pods are shown,
// the select filters, free text, sort and the open drawer. Pure: parse, serialise, apply, count.
// `?ns=` belongs to the header's namespace selector (components/use-namespace.ts) and is kept as is.
import { deepflowText, inCategory, pluginOf, type PodCategory, type PodEntry } from './pod-entry';

export const SHOW_VALUES = ['all', 'unmatched', 'synchronized', 'mapped', 'errors'] as const;
export type Show = (typeof SHOW_VALUES)[number];

export const SORT_IDS = ['name', 'namespace', 'status', 'restarts', 'deepflow', 'plugin', 'platform', 'age'] as const;
export type SortId = (typeof SORT_IDS)[number];
export interface Sort { id: SortId; dir: 'asc' | 'desc' }

/** `plugin` filter value for rows no plugin answered. */
export const NO_PLUGIN = '(none)';

export interface PodsViewState {
  show: Show;
  status: string;
  reason: string;
  platform: string;
  plugin: string;
  q: string;
  sort: Sort | null;
  /** `<namespace>/<name>` of the pod whose drawer is open */
  pod: string | null;
}

export const DEFAULT_VIEW: PodsViewState = { show: 'all', status: '', reason: '', platform: '', plugin: '', q: '', sort: null, pod: null };

type Params = Pick<URLSearchParams, 'get'>;

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | null => (v !== null && (values as readonly string[]).includes(v) ? (v as T) : null);

/** `?sort=restarts` ascending, `?sort=-restarts` descending; anything unknown is ignored. */
export function parseSort(v: string | null): Sort | null {
  if (!v) return null;
  const desc = v.startsWith('-');
  const id = oneOf(SORT_IDS, desc ? v.slice(1) : v);
  return id ? { id, dir: desc ? 'desc' : 'asc' } : null;
}

export function parseView(p: Params): PodsViewState {
  return {
    show: oneOf(SHOW_VALUES, p.get('show')) ?? 'all',
    status: p.get('status') ?? '',
    reason: p.get('reason') ?? '',
    platform: p.get('platform') ?? '',
    plugin: p.get('plugin') ?? '',
    q: p.get('q') ?? '',
    sort: parseSort(p.get('sort')),
    pod: p.get('pod') || null,
  };
}

const VIEW_KEYS = ['show', 'status', 'reason', 'platform', 'plugin', 'q', 'sort', 'pod'] as const;

/** The query string for `view`, keeping parameters this page does not own (`ns`) from `base`; defaults are left out. */
export function serialiseView(view: PodsViewState, base: string | URLSearchParams = ''): string {
  const p = new URLSearchParams(base);
  for (const k of VIEW_KEYS) p.delete(k);
  if (view.show !== 'all') p.set('show', view.show);
  for (const k of ['status', 'reason', 'platform', 'plugin', 'q'] as const) if (view[k]) p.set(k, view[k]);
  if (view.sort) p.set('sort', `${view.sort.dir === 'desc' ? '-' : ''}${view.sort.id}`);
  if (view.pod) p.set('pod', view.pod);
  return p.toString();
}

/** Next sort when a column header is activated: ascending → descending → none. */
export function nextSort(cur: Sort | null, id: SortId): Sort | null {
  if (cur?.id !== id) return { id, dir: 'asc' };
  return cur.dir === 'asc' ? { id, dir: 'desc' } : null;
}

function matchesText(e: PodEntry, q: string): boolean {
  const n = q.toLowerCase();
  const t = e.tag;
  const hay = [e.name, e.namespace, e.status, deepflowText(t), t?.reason?.detail ?? '', t?.platform ?? '', pluginOf(t) ?? ''];
  return hay.some((s) => s.toLowerCase().includes(n));
}

/** Every filter except `show` (the tabs count over what these leave). */
export function applySelectFilters(rows: readonly PodEntry[], v: PodsViewState): PodEntry[] {
  return rows.filter((e) => {
    if (v.status && e.status !== v.status) return false;
    if (v.reason && (e.tag?.reason?.text ?? '') !== v.reason) return false;
    if (v.platform && (e.tag?.platform ?? '') !== v.platform) return false;
    if (v.plugin && (!e.tag || (pluginOf(e.tag) ?? NO_PLUGIN) !== v.plugin)) return false;
    if (v.q && !matchesText(e, v.q)) return false;
    return true;
  });
}

export function applyShow(rows: readonly PodEntry[], show: Show): PodEntry[] {
  return show === 'all' ? [...rows] : rows.filter((e) => inCategory(e, show as PodCategory));
}

export type ShowCounts = Record<Show, number>;

export function showCounts(rows: readonly PodEntry[]): ShowCounts {
  const c: ShowCounts = { all: rows.length, unmatched: 0, synchronized: 0, mapped: 0, errors: 0 };
  for (const e of rows) for (const k of ['unmatched', 'synchronized', 'mapped', 'errors'] as const) if (inCategory(e, k)) c[k]++;
  return c;
}

export interface FilterOptions {
  status: string[];
  reason: string[];
  platform: string[];
  plugin: string[];
}

/** The values each select offers: what occurs among the rows, sorted. */
export function filterOptions(rows: readonly PodEntry[]): FilterOptions {
  const sets = { status: new Set<string>(), reason: new Set<string>(), platform: new Set<string>(), plugin: new Set<string>() };
  for (const e of rows) {
    sets.status.add(e.status);
    if (e.tag?.reason) sets.reason.add(e.tag.reason.text);
    if (e.tag?.platform) sets.platform.add(e.tag.platform);
    if (e.tag) sets.plugin.add(pluginOf(e.tag) ?? NO_PLUGIN);
  }
  const sorted = (s: Set<string>) => [...s].sort((a, b) => a.localeCompare(b));
  return { status: sorted(sets.status), reason: sorted(sets.reason), platform: sorted(sets.platform), plugin: sorted(sets.plugin) };
}

const SORT_KEY: Record<SortId, (e: PodEntry) => string | number> = {
  name: (e) => e.name,
  namespace: (e) => e.namespace,
  status: (e) => e.status,
  restarts: (e) => e.restarts,
  deepflow: (e) => deepflowText(e.tag),
  plugin: (e) => pluginOf(e.tag) ?? '',
  platform: (e) => e.tag?.platform ?? '',
  // ascending = youngest first, as kubectl users read the AGE column
  age: (e) => -(Date.parse(e.createdAt) || 0),
};

export function sortRows(rows: readonly PodEntry[], sort: Sort | null): PodEntry[] {
  if (!sort) return [...rows];
  const key = SORT_KEY[sort.id];
  const f = sort.dir === 'asc' ? 1 : -1;
  // Decorate once: 10,000 rows would otherwise compute each key ~13 times.
  const keyed = rows.map((e, i) => ({ e, k: key(e), i }));
  keyed.sort((a, b) => {
    const c = typeof a.k === 'number' && typeof b.k === 'number' ? a.k - b.k : String(a.k).localeCompare(String(b.k), undefined, { numeric: true });
    return c !== 0 ? c * f : a.i - b.i;
  });
  return keyed.map((x) => x.e);
}

/** Everything the table shows for `view`, and the tab counts. */
export function viewRows(rows: readonly PodEntry[], view: PodsViewState): { rows: PodEntry[]; counts: ShowCounts } {
  const filtered = applySelectFilters(rows, view);
  return { rows: sortRows(applyShow(filtered, view.show), view.sort), counts: showCounts(filtered) };
}
