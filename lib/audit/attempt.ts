import 'server-only';
// How a write path records itself: `auditAttempt` around the one cluster/store write, `refuseReadOnly`
// before any. Refusals and failures are recorded with the same target and diff as a success.
import { readOnlyRefusal } from '@/lib/security/read-only';
import { outcomeOf, type AuditInput } from './entry';
import { recordWrite } from './recorder';

/** Everything about an attempt known before it is made. */
export type AuditBase = Omit<AuditInput, 'resourceVersionAfter' | 'result' | 'error'>;

export async function auditAttempt<T>(base: AuditBase, write: () => Promise<T>, versionAfter: (result: T) => string | null): Promise<T> {
  let result: T;
  try {
    result = await write();
  } catch (err) {
    await recordFailure(base, err);
    throw err;
  }
  await recordWrite({ ...base, resourceVersionAfter: versionAfter(result), result: 'ok' });
  return result;
}

export async function recordFailure(base: AuditBase, err: unknown): Promise<void> {
  await recordWrite({ ...base, resourceVersionAfter: null, ...outcomeOf(err) });
}

export async function recordRefusal(base: AuditBase, error: string): Promise<void> {
  await recordWrite({ ...base, resourceVersionAfter: null, result: 'refused', error });
}

/**
 * The write layer's own read-only check (actionScope refuses first; this also covers a path that
 * is reached some other way, and records the refused attempt with its target). The message, or null.
 */
export async function refuseReadOnly(bases: AuditBase[]): Promise<string | null> {
  const refusal = readOnlyRefusal();
  if (refusal) for (const b of bases) await recordRefusal(b, refusal);
  return refusal;
}
