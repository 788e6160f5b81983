// The refusal a stale precondition gets (the user confirmed a diff computed from another version of
// the object): one English wording from the catalogue, and its descriptor for the reader's language.
// client.ts imports this module, so it reads only the common catalogue (not every catalogue): the
// client stays quick to load, including where it is imported lazily.
import enCommon from '@/messages/en/common.json';
import { fillIcu, messageAt } from '@/lib/i18n/fill-icu';
import { msg, type MessageValues, type Msg } from '@/lib/i18n/message';

function textAndMsg(key: `common.refusal.${string}`, values: MessageValues): Refusal {
  return { text: fillIcu(messageAt(enCommon, key.slice('common.'.length)), values), msg: msg(key, values) };
}

export type Refusal = { text: string; msg: Msg };

export function changedSince(kind: string, namespace: string | undefined, name: string, resourceVersion: string | undefined | null, live?: string | null): Refusal {
  const target = namespace ? `${namespace}/${name}` : name;
  if (!resourceVersion) return textAndMsg('common.refusal.changedSince', { kind, target });
  if (live) return textAndMsg('common.refusal.changedSinceRvLive', { kind, target, rv: resourceVersion, live });
  return textAndMsg('common.refusal.changedSinceRv', { kind, target, rv: resourceVersion });
}

export function deletedSince(kind: string, target: string, resourceVersion?: string | null): Refusal {
  return resourceVersion ? textAndMsg('common.refusal.deletedSinceRv', { kind, target, rv: resourceVersion }) : textAndMsg('common.refusal.deletedSince', { kind, target });
}

export function createdSince(kind: string, target: string, resourceVersion: string): Refusal {
  return textAndMsg('common.refusal.createdSinceRv', { kind, target, rv: resourceVersion });
}
