// The warnings of a server-computed gateway plan, in English (`GatewayPlan.warnings`: logs, tests)
// and for the page (`warningMsgs`, index for index). Most are about one gateway object: its label
// (`VirtualService(shop/web)`, verbatim) leads a sentence decided in lib/, joined by the catalogue's
// `rollouts.actions.labelled` ("{label}: {message}"). A warning with no descriptor (the API server's
// error when the Kruise ConfigMap cannot be read) is shown in English as it is.
import { msg, type Msg } from '@/lib/i18n/message';
import { ORIGINAL_SPEC_ANNOTATION } from '@/lib/kruise/input';

/** One plan warning for the page: `msg`, after `label` when it is about one object; null: English only. */
export type PlanWarningMsg = { label?: string; msg: Msg } | null;

export interface PlanWarnings {
  warnings: string[];
  warningMsgs: PlanWarningMsg[];
}

export const newPlanWarnings = (): PlanWarnings => ({ warnings: [], warningMsgs: [] });

/** A warning known only in English (verbatim text from elsewhere). */
export function plainWarning(into: PlanWarnings, text: string): void {
  into.warnings.push(text);
  into.warningMsgs.push(null);
}

/** `${label}: ${english}`, `m` being `english` for the page. */
export function labelledWarning(into: PlanWarnings, label: string, english: string, m: Msg): void {
  into.warnings.push(`${label}: ${english}`);
  into.warningMsgs.push({ label, msg: m });
}

/** A whole sentence, `m` being `text` for the page. */
export function wholeWarning(into: PlanWarnings, text: string, m: Msg): void {
  into.warnings.push(text);
  into.warningMsgs.push({ msg: m });
}

export function shadowedKeyWarning(into: PlanWarnings, label: string, key: string): void {
  labelledWarning(into, label, `ConfigMap key ${key} is ignored, the built-in script wins (openkruise/rollouts#322).`, msg('rollouts.planWarning.shadowedKey', { key }));
}

export function refNotFoundWarning(into: PlanWarnings, label: string): void {
  wholeWarning(into, `${label} not found: skipped, as the controller's Finalise does.`, msg('rollouts.planWarning.notFound', { label }));
}

export function noOriginalWarning(into: PlanWarnings, label: string): void {
  wholeWarning(into, `${label} has no ${ORIGINAL_SPEC_ANNOTATION} annotation: nothing to restore.`, msg('rollouts.planWarning.noOriginal', { label, annotation: ORIGINAL_SPEC_ANNOTATION }));
}

export function emptyOriginalWarning(into: PlanWarnings, label: string): void {
  labelledWarning(into, label, `the original-spec annotation is empty: left alone, as the controller's Finalise does.`, msg('rollouts.planWarning.emptyOriginal'));
}
