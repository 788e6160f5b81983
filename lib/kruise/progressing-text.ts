// The sentence that warns a write will not last while the controller reconciles the objects, in
// English (logs, the refusal's text) and as a descriptor for the page: one wording for the single
// Rollout check here and the namespace-wide one in lib/rollouts/plan-checks.ts.
import { msg, type Msg } from '@/lib/i18n/message';

/** `owner`: `<Kind> <namespace>/<name>`; `objects`: the refKeys it routes, null when it is the one object written. */
export function progressingSentence(owner: string, objects: string | null): { text: string; msg: Msg } {
  return {
    text: `${owner} is Progressing on ${objects ?? 'this object'}: the controller will overwrite manual changes on its next reconcile.`,
    msg: objects === null ? msg('rollouts.conflict.progressingThis', { owner }) : msg('rollouts.conflict.progressingOn', { owner, objects }),
  };
}
