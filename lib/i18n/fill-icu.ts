// The subset of ICU MessageFormat that English sentences decided in lib/ use, so lib can take its
// English wording from the catalogue itself (one text for the CLI, logs and the UI) without a
// formatter. lib/lua/lint/lint-text.test.ts checks it against next-intl. Not intl-messageformat:
// the linter uses this, and the editor's diagnostics load luaparse and nothing else
// (lib/lua/lint/import-graph.test.ts).
import type { MessageValues } from './message';

/**
 * ICU MessageFormat's `{name}`, `{x, select, …}` and `{n, plural, =N {…} one {…} other {…}}` (with
 * `#`), nested, under English plural rules; `''` and quoted `'{…}'` literals. Numbers print as
 * `String(n)`, without next-intl's digit grouping, so callers pass line numbers as strings.
 */
export function fillIcu(template: string, values: MessageValues = {}): string {
  const c: Cursor = { t: template, i: 0, values };
  let out = '';
  // a stray `}` at the top is text, as it always was here
  for (out += text(c, null); c.i < template.length; out += text(c, null)) out += template[c.i++];
  return out;
}

interface Cursor { t: string; i: number; values: MessageValues }

/** Text up to the `}` that closes the enclosing option, or the end; `pound` is what `#` stands for. */
function text(c: Cursor, pound: string | null): string {
  let out = '';
  while (c.i < c.t.length && c.t[c.i] !== '}') {
    const ch = c.t[c.i];
    if (ch === "'") out += quote(c, pound !== null);
    else if (ch === '{') out += argument(c);
    else if (ch === '#' && pound !== null) { out += pound; c.i++; }
    else { out += ch; c.i++; }
  }
  return out;
}

/** An apostrophe starts a literal only before a character ICU would read as syntax. */
function quote(c: Cursor, inPlural: boolean): string {
  const next = c.t[c.i + 1];
  if (next === "'") { c.i += 2; return "'"; }
  if (next === undefined || !('{}<>'.includes(next) || (inPlural && next === '#'))) { c.i++; return "'"; }
  let out = '';
  for (c.i++; c.i < c.t.length; c.i++) {
    if (c.t[c.i] !== "'") out += c.t[c.i];
    else if (c.t[c.i + 1] === "'") { out += "'"; c.i++; }
    else { c.i++; return out; }
  }
  return out;
}

/** From `{` to its `}`, both consumed. */
function argument(c: Cursor): string {
  c.i++;
  const name = word(c, /[,}]/);
  const value = c.values[name];
  if (c.t[c.i] !== ',') { c.i++; return String(value ?? ''); }
  c.i++;
  const type = word(c, /[,}]/);
  if (c.t[c.i] === ',') c.i++;
  const options = new Map<string, string>();
  const pound = type === 'plural' ? String(value ?? '') : null;
  for (;;) {
    const selector = word(c, /[\s{}]/);
    while (/\s/.test(c.t[c.i] ?? '')) c.i++;
    if (!selector || c.t[c.i] !== '{') break;
    c.i++;
    options.set(selector, text(c, pound));
    c.i++;
  }
  c.i++;
  if (type === 'plural') {
    const n = Number(value);
    return options.get(`=${n}`) ?? options.get(n === 1 ? 'one' : 'other') ?? options.get('other') ?? '';
  }
  if (type === 'select') return options.get(String(value)) ?? options.get('other') ?? '';
  return String(value ?? '');
}

/** Skips leading blanks and reads up to (not including) a character matching `stop`. */
function word(c: Cursor, stop: RegExp): string {
  while (/\s/.test(c.t[c.i] ?? '')) c.i++;
  const start = c.i;
  while (c.i < c.t.length && !stop.test(c.t[c.i])) c.i++;
  return c.t.slice(start, c.i).trim();
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
