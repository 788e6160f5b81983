// Warnings decided in `lib/` travel twice: `warnings` in English (the CLI prints them, logs and tests
// read them) and `warningMsgs`, the same sentences as message descriptors for the page, index for
// index. Build both through these helpers so the two arrays never drift apart.
import type { Msg } from './message';

export interface Warnings {
  warnings: string[];
  /** `warnings[i]` in the reader's language; always the same length and order as `warnings`. */
  warningMsgs: Msg[];
}

export function newWarnings(): Warnings {
  return { warnings: [], warningMsgs: [] };
}

/** Adds one warning: its English text and the descriptor that renders to it in English. */
export function pushWarning(into: Warnings, text: string, m: Msg): void {
  into.warnings.push(text);
  into.warningMsgs.push(m);
}

/** Appends another list of warnings, keeping the two arrays in step. */
export function appendWarnings(into: Warnings, from: Warnings): void {
  into.warnings.push(...from.warnings);
  into.warningMsgs.push(...from.warningMsgs);
}

/** The descriptors of `w`, or the English texts as they are when an older producer sent none. */
export function warningItems(w: { warnings: readonly string[]; warningMsgs?: readonly Msg[] }): { text: string; msg: Msg | null }[] {
  return w.warnings.map((text, i) => ({ text, msg: w.warningMsgs?.[i] ?? null }));
}
