import 'server-only';
// The entry of every server action (CONTRACT, issue #9): checks the session, refuses writes in
// read-only mode, and runs the action as the signed-in user (lib/k8s/identity.ts). Never throws.
// STUB: the auth helper replaces the session part; the signature stays.
import { KUBECONFIG_IDENTITY, runWithIdentity, type Viewer } from '@/lib/k8s/identity';
import { readOnlyRefusal } from '@/lib/security/read-only';

export type ActionFailure = { ok: false; error: string; /** the session is gone: the UI sends the user to sign in */ signedOut?: true };

export async function actionScope<R extends { ok: boolean }>(kind: 'read' | 'write', fn: (viewer: Viewer) => Promise<R>): Promise<R | ActionFailure> {
  if (kind === 'write') {
    const refusal = readOnlyRefusal();
    if (refusal) return { ok: false, error: refusal };
  }
  const viewer: Viewer = { user: 'kubeconfig', groups: [], via: 'kubeconfig' };
  return runWithIdentity(KUBECONFIG_IDENTITY, viewer, () => fn(viewer));
}
