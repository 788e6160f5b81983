// A lint's sentence, once: the English catalogue (messages/en/lint.json) is its wording for the CLI,
// the server and the English UI, and the `msg` descriptor renders it in the reader's language.
// The catalogue uses ICU arguments, select and plural (plus ICU quoting); lint-text.test.ts checks that
// this fill gives what next-intl renders.
import en from '../../../messages/en/lint.json';
import { catalogueText } from '../../i18n/catalogue-text';
import type { MessageValues, Msg } from '../../i18n/message';


/** The English message and its descriptor for the lint catalogue key `key` (without `lint.`). */
const lint = catalogueText('lint', en);

export function lintText(key: string, values?: MessageValues): { message: string; msg: Msg } {
  const { text, msg } = lint(`lint.${key}`, values);
  return { message: text, msg };
}
