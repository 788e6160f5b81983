// English text for a catalogue key, for server code whose refusals are also written to logs, the
// audit and API answers: the catalogue is the one wording, `msg` carries it to the reader's language.
import { CATALOGUES } from '@/messages';
import { fillIcu, messageAt } from './fill-icu';
import { msg, type MessageValues, type Msg } from './message';

export function englishText(key: string, values?: MessageValues): string {
  return fillIcu(messageAt(CATALOGUES.en, key), values);
}

/** The English sentence and its descriptor. */
export function textAndMsg(key: string, values?: MessageValues): { text: string; msg: Msg } {
  return { text: englishText(key, values), msg: msg(key, values) };
}
