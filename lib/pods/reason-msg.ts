// DeepFlow's unsynchronization reason in the reader's language. lib/deepflow decides the reason and
// keeps its English text (the CLI, the playground and the URL's `reason=` filter use it); the pods
// page shows the code's message. The detail (field names, kinds, api_resources entries) stays verbatim.
import type { UnsyncCode, UnsyncReason } from '@/lib/deepflow/tag';
import { msg, type Msg } from '@/lib/i18n/message';

const KEYS: Record<UnsyncCode, string> = {
  'no-owner': 'pods.reason.noOwner',
  'owner-not-watched': 'pods.reason.ownerNotWatched',
  'unsupported-kind': 'pods.reason.unsupportedKind',
};

export function reasonMsg(r: Pick<UnsyncReason, 'code' | 'owner'>): Msg {
  return r.code === 'unsupported-kind' ? msg(KEYS[r.code], { kind: r.owner?.kind ?? '' }) : msg(KEYS[r.code]);
}

const UNSUPPORTED = /^unsupported owner kind (.*)$/;

/** The message for a reason known only by its English text (a filter value from the URL); null when unknown. */
export function reasonTextMsg(text: string): Msg | null {
  if (text === 'no owner') return msg(KEYS['no-owner']);
  if (text === 'owner not watched') return msg(KEYS['owner-not-watched']);
  const m = UNSUPPORTED.exec(text);
  return m ? msg(KEYS['unsupported-kind'], { kind: m[1] }) : null;
}

/** What the DeepFlow column says when a pod has no label: its reason, or "no workload". */
export function noLabelMsg(r: Pick<UnsyncReason, 'code' | 'owner'> | null | undefined): Msg {
  return r ? reasonMsg(r) : msg('pods.reason.noWorkload');
}
