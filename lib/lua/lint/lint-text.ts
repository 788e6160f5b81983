// A lint's sentence, once: the English catalogue (messages/en/lint.json) is its wording for the CLI,
// the server and the English UI, and the `msg` descriptor renders it in the reader's language.
// The catalogue uses plain `{arg}` ICU arguments (plus ICU quoting); lint-text.test.ts checks that
// this fill gives what next-intl renders.
import en from '../../../messages/en/lint.json';
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

/** ICU MessageFormat's simple-argument subset: `{name}`, `''` and quoted `'{…}'` literals. */
export function fillIcu(template: string, values: MessageValues = {}): string {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c === "'" && template[i + 1] === "'") {
      out += "'";
      i++;
    } else if (c === "'" && (template[i + 1] === '{' || template[i + 1] === '}')) {
      const end = template.indexOf("'", i + 1);
      out += template.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? template.length : end;
    } else if (c === '{') {
      const end = template.indexOf('}', i);
      out += String(values[template.slice(i + 1, end)] ?? '');
      i = end;
    } else out += c;
  }
  return out;
}

/** The English message and its descriptor for the lint catalogue key `key` (without `lint.`). */
export function lintText(key: string, values?: MessageValues): { message: string; msg: Msg } {
  return { message: fillIcu(lookup(key), values), msg: msg(`lint.${key}`, values) };
}
