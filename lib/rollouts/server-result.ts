import 'server-only';
// Services throw ActionError (or KubeRequestError, already in words); the actions turn either into
// `{ ok: false, error }` so nothing is ever thrown to the UI.
import { KubeRequestError } from '@/lib/k8s/client';
import type { Result } from './action-types';

export class ActionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ActionError';
  }
}

/** Refused by read-only mode; already recorded in the audit by refuseReadOnly. */
export class ReadOnlyRefusal extends ActionError {}

export async function guard<T extends object>(fn: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, ...(await fn()) };
  } catch (err) {
    if (err instanceof ActionError || err instanceof KubeRequestError) return { ok: false, error: err.message };
    return { ok: false, error: `The action failed: ${(err as Error)?.message ?? String(err)}` };
  }
}
