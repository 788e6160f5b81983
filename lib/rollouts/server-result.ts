import 'server-only';
// Services throw ActionError (or KubeRequestError, already in words); the actions turn either into
// `{ ok: false, error }` so nothing is ever thrown to the UI.
import { KubeRequestError } from '@/lib/k8s/client';
import { textAndMsg } from '@/lib/i18n/english';
import type { Msg } from '@/lib/i18n/message';
import type { Result } from './action-types';
import { READ_ONLY_MSG } from '@/lib/security/read-only';

export class ActionError extends Error {
  /** `message` in the reader's language: one descriptor per sentence (absent for quoted server text) */
  readonly msgs?: Msg[];
  constructor(message: string, msgs?: Msg | Msg[]) {
    super(message);
    this.name = 'ActionError';
    if (msgs) this.msgs = Array.isArray(msgs) ? msgs : [msgs];
  }
}

/** An ActionError whose English text and descriptor come from the catalogue. */
export function refusal(r: { text: string; msg: Msg }): ActionError {
  return new ActionError(r.text, r.msg);
}

/** Refused by read-only mode; already recorded in the audit by refuseReadOnly. */
export class ReadOnlyRefusal extends ActionError {
  constructor(text: string) {
    super(text, READ_ONLY_MSG);
  }
}

export async function guard<T extends object>(fn: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, ...(await fn()) };
  } catch (err) {
    if (err instanceof ActionError && err.msgs) return { ok: false, error: err.message, messages: err.msgs };
    if (err instanceof ActionError || err instanceof KubeRequestError) return { ok: false, error: err.message };
    const failed = textAndMsg('rollouts.refusal.actionFailed', { error: (err as Error)?.message ?? String(err) });
    return { ok: false, error: failed.text, messages: [failed.msg] };
  }
}
