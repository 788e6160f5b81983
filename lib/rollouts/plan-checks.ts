// Pure checks of the Rollout write actions: who else is Progressing on an object, and whether the
// objects still are what the user confirmed.
import type { Msg } from '@/lib/i18n/message';
import { customNetworkRefs, progressingSentence, refKey, scriptGroup, type GatewayRefKey } from '@/lib/kruise';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function sameObject(a: GatewayRefKey, b: GatewayRefKey): boolean {
  return a.kind === b.kind && a.name === b.name && scriptGroup(a.apiVersion) === scriptGroup(b.apiVersion);
}

/** The English warning (one sentence per owner) and its sentences for the page. */
export type ProgressingConflict = { text: string; msgs: Msg[] };

/**
 * The warning for Rollouts / TrafficRoutings (in the objects' namespace) whose phase is Progressing
 * and whose customNetworkRefs include one of `refs`: the controller rewrites those objects on every
 * reconcile (kruise-routing.md §7.1), so a manual change does not last.
 */
export function progressingOn(owners: readonly unknown[], refs: readonly GatewayRefKey[]): ProgressingConflict | null {
  const lines: ReturnType<typeof progressingSentence>[] = [];
  for (const o of owners) {
    if (!isObj(o) || !isObj(o.status) || o.status.phase !== 'Progressing') continue;
    const theirs = customNetworkRefs(o);
    const hit = refs.filter((r) => theirs.some((t) => sameObject(r, t)));
    if (!hit.length) continue;
    const meta = isObj(o.metadata) ? o.metadata : {};
    const what = `${typeof o.kind === 'string' ? o.kind : 'Rollout'} ${meta.namespace}/${meta.name}`;
    lines.push(progressingSentence(what, refs.length === 1 && hit.length === 1 ? null : hit.map((r) => refKey(r)).join(', ')));
  }
  return lines.length ? { text: lines.map((l) => l.text).join(' '), msgs: lines.map((l) => l.msg) } : null;
}

export interface VersionedTarget {
  key: string;
  kind: string;
  namespace: string;
  name: string;
  /** live resourceVersion now (null: not found) */
  resourceVersion: string | null;
  /** this object would be written */
  writes: boolean;
}

/**
 * Compares what the user confirmed (`expected`: refKey → resourceVersion) with the objects now.
 * Every object that will be written must be in `expected` with its current resourceVersion; an
 * object the user saw that changed (or vanished) refuses the whole write too, as the diff they
 * confirmed is no longer the one that would be written.
 */
export function staleTargets<R = string>(
  targets: readonly VersionedTarget[],
  expected: Readonly<Record<string, string | null>>,
  changedSince: (t: VersionedTarget, confirmed: string | null) => R,
  notPlanned: (t: VersionedTarget) => R = (t) => `${t.kind} ${t.namespace}/${t.name} was not in the plan you confirmed; nothing was written. Reload and review the new diff.` as R,
): R[] {
  const problems: R[] = [];
  for (const t of targets) {
    const confirmed = Object.prototype.hasOwnProperty.call(expected, t.key) ? expected[t.key] : undefined;
    if (confirmed === undefined) {
      if (t.writes) problems.push(notPlanned(t));
      continue;
    }
    if (confirmed !== t.resourceVersion) problems.push(changedSince(t, confirmed));
  }
  return problems;
}
