// English text for a catalogue key, for server code whose refusals are also written to logs, the
// audit and API answers: the catalogue is the one wording, `msg` carries it to the reader's language.
import { CATALOGUES } from '@/messages';
import { fillIcu } from './fill-icu';
import { msg, type MessageValues, type Msg } from './message';

type Tree = { [k: string]: string | Tree };

export function englishText(key: string, values?: MessageValues): string {
  let node: string | Tree = CATALOGUES.en as unknown as Tree;
  for (const part of key.split('.')) {
    if (typeof node === 'string' || !(part in node)) throw new Error(`no message ${key}`);
    node = node[part];
  }
  if (typeof node !== 'string') throw new Error(`no message ${key}`);
  return fillIcu(node, values);
}

/** The English sentence and its descriptor. */
export function textAndMsg(key: string, values?: MessageValues): { text: string; msg: Msg } {
  return { text: englishText(key, values), msg: msg(key, values) };
}
