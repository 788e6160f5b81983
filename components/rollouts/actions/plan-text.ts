// Pure helpers for the gateway dialogs: what a Confirm sends and what it says afterwards.
import type { ExpectedVersions, GatewayChange, GatewayPlan } from '@/lib/rollouts/action-types';

export const changeKey = (c: Pick<GatewayChange, 'ref'>) => `${c.ref.kind}/${c.ref.name}`;

/** The resourceVersion precondition per ref the plan was computed from (`${kind}/${name}` → rv; null: it did not exist). */
export function expectedVersions(plan: GatewayPlan): ExpectedVersions {
  const out: ExpectedVersions = {};
  for (const c of plan.changes) out[changeKey(c)] = c.resourceVersion;
  return out;
}

export const changedCount = (plan: GatewayPlan) => plan.changes.filter((c) => c.changed).length;

/** Why Confirm is off, or null when it may be pressed. */
export function confirmBlocker(plan: GatewayPlan, override: boolean): string | null {
  if (!plan.ready || plan.errors.length) return 'Nothing can be written while a gateway object fails: fix the errors above.';
  if (changedCount(plan) === 0) return 'Nothing to write: every object already is what this would write.';
  if (plan.progressingConflict && !override) return 'Tick the override to confirm.';
  return null;
}

export function writtenMessage(what: string, written: readonly string[]): string {
  return written.length ? `${what}: wrote ${written.join(', ')}.` : `${what}: nothing needed writing.`;
}

/** 409s come back in words; the dialog offers a fresh plan for them (and for any other failed write). */
export const isConflict = (error: string) => /\b409\b|conflict|changed (since|meanwhile)|has been modified|resourceVersion/i.test(error);

/** The sentence after a refused write: what happened to the cluster and what to do next (not repeating the server). */
export function writeFollowUp(error: string, verb: 'written' | 'saved'): string {
  const nothing = /nothing was (written|saved)/i.test(error) ? '' : `Nothing was ${verb}. `;
  return isConflict(error) ? `${nothing}Review the new diff before confirming again.` : nothing.trim();
}
