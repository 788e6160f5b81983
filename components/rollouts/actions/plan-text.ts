// Pure helpers for the gateway dialogs: what a Confirm sends and what it says afterwards.
import { msg, type Msg } from '@/lib/i18n/message';
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
export function confirmBlocker(plan: GatewayPlan, override: boolean): Msg | null {
  if (!plan.ready || plan.errors.length) return msg('rollouts.actions.blockerErrors');
  if (changedCount(plan) === 0) return msg('rollouts.actions.blockerNothing');
  if (plan.progressingConflict && !override) return msg('rollouts.actions.blockerOverride');
  return null;
}

/** What a confirmed gateway action announces: the objects written (names verbatim), or that none needed it. */
export function writtenMessage(what: 'applied' | 'restored', values: { namespace: string; name: string; step?: number }, written: readonly string[]): Msg {
  const v = { ...values, ...(what === 'applied' ? { step: values.step ?? 0 } : {}) };
  return written.length ? msg(`rollouts.actions.${what}`, { ...v, written: written.join(', ') }) : msg(`rollouts.actions.${what}Nothing`, v);
}

/** 409s come back in words; the dialog offers a fresh plan for them (and for any other failed write). */
export const isConflict = (error: string) => /\b409\b|conflict|changed (since|meanwhile)|has been modified|resourceVersion/i.test(error);

/** The sentences after a refused write: what happened to the cluster and what to do next (not repeating the server). */
export function writeFollowUp(error: string, verb: 'written' | 'saved'): Msg[] {
  const out = /nothing was (written|saved)/i.test(error) ? [] : [msg(verb === 'written' ? 'rollouts.actions.nothingWritten' : 'rollouts.actions.nothingSaved')];
  return isConflict(error) ? [...out, msg('rollouts.actions.reviewBeforeConfirm')] : out;
}
