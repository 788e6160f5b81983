// A lint's sentence, once: the English catalogue (messages/en/lint.json) is its wording for the CLI,
// the server and the English UI, and the `msg` descriptor renders it in the reader's language.
// The catalogue uses plain `{arg}` ICU arguments (plus ICU quoting); lint-text.test.ts checks that
// this fill gives what next-intl renders.
import en from '../../../messages/en/lint.json';
import { fillIcu } from '../../i18n/fill-icu';
import { msg, type MessageValues, type Msg } from '../../i18n/message';

type Tree = { [k: string]: string | Tree };

function lookup(key: string): string {
  let node: string | Tree = en as Tree;
  for (const part of key.split('.')) {
    if (typeof node === 'string' || !(part in node)) throw new Error(`no lint message ${key}`);
    node = node[part];
  }
  if (typeof node !== 'string') throw new Error(`no lint message ${key}`);
  return node;
}

/** The English message and its descriptor for the lint catalogue key `key` (without `lint.`). */
export function lintText(key: string, values?: MessageValues): { message: string; msg: Msg } {
  return { message: fillIcu(lookup(key), values), msg: msg(`lint.${key}`, values) };
}
