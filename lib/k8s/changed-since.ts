// The refusal a stale precondition gets (the user confirmed a diff computed from another version of
// the object): one English wording from the catalogue, and its descriptor for the reader's language.
import { commonTextAndMsg as textAndMsg, type TextAndMsg } from '@/lib/i18n/common-text';

export type Refusal = TextAndMsg;

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
