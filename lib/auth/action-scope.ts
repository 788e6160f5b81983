import 'server-only';
// The entry of every server action (CONTRACT, issue #9): checks the session, refuses writes in
// read-only mode, and runs the action as the signed-in user (lib/k8s/identity.ts). Never throws.
import { cookies, headers } from 'next/headers';
import { runWithIdentity, wasUnauthorized, type Viewer } from '@/lib/k8s/identity';
import { commonTextAndMsg } from '@/lib/i18n/common-text';
import type { Msg } from '@/lib/i18n/message';
import { READ_ONLY_MSG, readOnlyRefusal } from '@/lib/security/read-only';
import { SESSION_COOKIE } from './config';
import { requestIdentity } from './request-identity';
import { endSessionIfUnauthorized, SESSION_ENDED } from './session-ended';

export type ActionFailure = {
  ok: false;
  error: string;
  /** `error` in the reader's language, for the plugin (`message`) and the rollout (`messages`) results */
  message?: Msg;
  messages?: Msg[];
  /** the session is gone: the UI sends the user to sign in */
  signedOut?: true;
};

export async function actionScope<R extends { ok: boolean }>(
  kind: 'read' | 'write',
  fn: (viewer: Viewer) => Promise<R>,
  /** auditedWrite: the write layer refuses read-only writes itself and records them with their target */
  opts: { auditedWrite?: boolean } = {},
): Promise<R | ActionFailure> {
  let who;
  try {
    who = requestIdentity(await headers());
  } catch (e) {
    const { text, msg } = commonTextAndMsg('common.apiError.sessionCheck', { message: (e as Error).message });
    return { ok: false, error: text, message: msg, messages: [msg] };
  }
  if (!who.ok) return { ok: false, error: who.error, signedOut: true };
  // Read-only mode: a write is refused by the write layer (lib/audit refuseReadOnly), which knows
  // the target and records the refused attempt in the audit; here only writes that name no target.
  if (kind === 'write' && readOnlyRefusal() && opts.auditedWrite !== true) return { ok: false, error: readOnlyRefusal()!, message: READ_ONLY_MSG, messages: [READ_ONLY_MSG] };
  const { identity, viewer, sessionId } = who;
  const { result, unauthorized } = await runWithIdentity(identity, viewer, async () => {
    try {
      return { result: await fn(viewer), unauthorized: wasUnauthorized() };
    } catch (e) {
      return { result: { ok: false, error: (e as Error).message } as ActionFailure, unauthorized: wasUnauthorized() };
    }
  });
  if (endSessionIfUnauthorized(unauthorized, sessionId)) {
    try {
      (await cookies()).delete(SESSION_COOKIE);
    } catch {
      // the server-side session is gone already; the stale cookie is refused anyway
    }
    return { ok: false, error: SESSION_ENDED, signedOut: true };
  }
  return result;
}
