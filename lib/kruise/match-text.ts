// A step's `matches` as people read them (kruise-routing.md §2.3): the list is OR, the conditions of
// one match (path, headers, query parameters) are AND. Input is the converted step (input.ts
// `stepParams`), so v1alpha1 / TrafficRouting matches are already headers-only here.

export type MatchField = 'header' | 'query' | 'path';

export interface MatchCondition {
  field: MatchField;
  /** header / query parameter name; absent for path */
  name?: string;
  /** `Exact`, `RegularExpression`, `PathPrefix`, …; `''` when the step leaves it unset (no CRD default applied) */
  type: string;
  value: string;
  /** e.g. `header user-agent = "iPhone"` */
  text: string;
}

/** One match: its conditions are ANDed; several MatchViews are ORed. */
export interface MatchView {
  conditions: MatchCondition[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

/** The operator for a match type; an unset type says so instead of guessing the default. */
function operator(type: string, value: string): string {
  switch (type) {
    case 'Exact': return `= ${JSON.stringify(value)}`;
    case 'RegularExpression': return `~ /${value}/`;
    case 'PathPrefix':
    case 'Prefix': return `starts with ${JSON.stringify(value)}`;
    case '': return `= ${JSON.stringify(value)} (type unset)`;
    default: return `${type} ${JSON.stringify(value)}`;
  }
}

export function conditionText(c: Omit<MatchCondition, 'text'>): string {
  const subject = c.field === 'path' ? 'path' : `${c.field} ${c.name ?? ''}`;
  return `${subject} ${operator(c.type, c.value)}`;
}

function condition(field: MatchField, raw: Obj, named: boolean): MatchCondition {
  const c: Omit<MatchCondition, 'text'> = { field, type: str(raw.type), value: str(raw.value) };
  if (named) c.name = str(raw.name);
  return { ...c, text: conditionText(c) };
}

/** MatchViews of converted matches (path first, then headers, then query parameters, in list order). */
export function matchViews(matches: readonly unknown[] | null | undefined): MatchView[] {
  if (!Array.isArray(matches)) return [];
  return matches.filter(isObj).map((m) => {
    const conditions: MatchCondition[] = [];
    if (isObj(m.path)) conditions.push(condition('path', m.path, false));
    for (const h of Array.isArray(m.headers) ? m.headers : []) if (isObj(h)) conditions.push(condition('header', h, true));
    for (const q of Array.isArray(m.queryParams) ? m.queryParams : []) if (isObj(q)) conditions.push(condition('query', q, true));
    return { conditions };
  });
}

/** One match as text: its conditions joined with AND (an empty match matches every request). */
export function matchText(m: MatchView): string {
  return m.conditions.length ? m.conditions.map((c) => c.text).join(' AND ') : 'any request';
}

/** Every match of a step: ORed. */
export function matchesText(ms: readonly MatchView[]): string {
  return ms.map((m) => (ms.length > 1 && m.conditions.length > 1 ? `(${matchText(m)})` : matchText(m))).join(' OR ');
}
