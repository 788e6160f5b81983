// The subset of ICU MessageFormat that English sentences decided in lib/ use, so lib can take its
// English wording from the catalogue itself (one text for the CLI, logs and the UI) without a
// formatter. lib/lua/lint/lint-text.test.ts checks it against next-intl.
import type { MessageValues } from './message';

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


type Tree = { [k: string]: string | Tree };

/** The message at a dotted path of a catalogue tree (`absent.kruise`); throws for a missing key. */
export function messageAt(tree: object, key: string): string {
  let node: string | Tree = tree as Tree;
  for (const part of key.split('.')) {
    if (typeof node === 'string' || !(part in node)) throw new Error(`no message ${key}`);
    node = node[part];
  }
  if (typeof node !== 'string') throw new Error(`no message ${key}`);
  return node;
}
