// English text and descriptor for a key of the playground catalogue. The playground's parsers run in
// the browser, so they read that one small catalogue rather than all of them (lib/i18n/english.ts);
// the English text is what tests read, the descriptor is what the page renders.
import enPlayground from '@/messages/en/playground.json';
import { catalogueText, type TextAndMsg } from '@/lib/i18n/catalogue-text';
import { msg, type MessageValues, type Msg } from '@/lib/i18n/message';

export type { TextAndMsg } from '@/lib/i18n/catalogue-text';

export const playgroundTextAndMsg: (key: `playground.${string}`, values?: MessageValues) => TextAndMsg = catalogueText('playground', enPlayground);

const english = (key: `playground.${string}`, values?: MessageValues) => playgroundTextAndMsg(key, values).text;

/** An input problem (lib/playground/input.ts) whose sentence is the catalogue's. */
export function playgroundProblem(key: `playground.${string}`, values?: MessageValues): { message: string; msg: Msg } {
  return { message: english(key, values), msg: msg(key, values) };
}

/** A failed result whose `error` is the catalogue's English sentence and `msg` its descriptor. */
export function playgroundRefusal(key: `playground.${string}`, values?: MessageValues): { ok: false; error: string; msg: Msg } {
  return { ok: false, error: english(key, values), msg: msg(key, values) };
}

/**
 * A sentence some of whose arguments are sentences too (a reason inside a reason, a refusal inside a
 * notice): the reader's language renders those first. `msg: null` is text quoted as it came
 * (DeepFlow's log, an engine's error), the same in every language.
 */
export interface Phrase {
  text: string;
  msg: Msg | null;
  inner?: Record<string, Phrase>;
}

export function quoted(text: string): Phrase {
  return { text, msg: null };
}

export function phrase(key: `playground.${string}`, values: MessageValues = {}, inner: Record<string, Phrase> = {}): Phrase {
  const texts = Object.fromEntries(Object.entries(inner).map(([k, p]) => [k, p.text]));
  return { text: english(key, { ...values, ...texts }), msg: msg(key, values), ...(Object.keys(inner).length ? { inner } : {}) };
}
