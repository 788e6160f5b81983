// English text and descriptor for a key of the common catalogue only. The Kubernetes client's error
// wording and refusals use it: the client is imported by nearly every server module, so it reads
// one small catalogue rather than all of them.
import enCommon from '@/messages/en/common.json';
import { fillIcu, messageAt } from './fill-icu';
import { msg, type MessageValues, type Msg } from './message';

export type TextAndMsg = { text: string; msg: Msg };

export function commonTextAndMsg(key: `common.${string}`, values?: MessageValues): TextAndMsg {
  return { text: fillIcu(messageAt(enCommon, key.slice('common.'.length)), values), msg: msg(key, values) };
}
