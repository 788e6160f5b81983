// A lint's sentence, once: the English catalogue (messages/en/lint.json) is its wording for the CLI,
// the server and the English UI, and the `msg` descriptor renders it in the reader's language.
// The catalogue uses ICU arguments, select and plural (plus ICU quoting); lint-text.test.ts checks that
// this fill gives what next-intl renders.
import en from '../../../messages/en/lint.json';
import { fillIcu, messageAt } from '../../i18n/fill-icu';
import { msg, type MessageValues, type Msg } from '../../i18n/message';


/** The English message and its descriptor for the lint catalogue key `key` (without `lint.`). */
export function lintText(key: string, values?: MessageValues): { message: string; msg: Msg } {
  return { message: fillIcu(messageAt(en, key), values), msg: msg(`lint.${key}`, values) };
}
