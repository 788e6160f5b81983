import 'server-only';
// Sign-in and sign-out (STUDIO_AUTH=token), shared by the sign-in page's actions and /api/session.
// Failures are counted per client address; the token itself is kept only in the server-side session.
import { msg } from '@/lib/i18n/message';
import type { Viewer } from '@/lib/k8s/identity';
import type { SignInFailure } from './session-types';
import { authState } from './state';
import { reviewToken } from './token-review';

export type SignInResult =
  | { ok: true; sessionId: string; viewer: Viewer }
  | ({ ok: false; status: 400 | 401 | 429 | 503; retryAfterSeconds?: number } & SignInFailure);

export const TOKEN_REFUSED = 'The cluster did not accept this token.';
export const MAX_TOKEN_LENGTH = 16 * 1024;

export function tooManyAttempts(seconds: number): string {
  return `Too many failed sign-ins from your address: try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;
}

export async function signInWithToken(opts: { token: string; address: string | null; context: string | null; server: string | null }): Promise<SignInResult> {
  const { sessions, signInFailures } = authState();
  const key = opts.address ?? 'unknown';
  const limit = signInFailures.check(key);
  if (!limit.ok) {
    const seconds = limit.retryAfterSeconds;
    return { ok: false, status: 429, error: tooManyAttempts(seconds), message: msg('signIn.error.tooManyAttempts', { seconds }), retryAfterSeconds: seconds };
  }
  // Tokens are base64url/JWT or `<id>.<secret>`: printable ASCII, no whitespace inside.
  const token = opts.token.trim().replace(/^Bearer\s+/i, '');
  if (!token || token.length > MAX_TOKEN_LENGTH || !/^[\x21-\x7e]+$/.test(token)) {
    signInFailures.fail(key);
    return { ok: false, status: 400, error: 'Paste a Kubernetes bearer token (one line, no spaces).', message: msg('signIn.error.badToken') };
  }
  if (!opts.context) return { ok: false, status: 503, error: 'No cluster context is selected, so there is no cluster to check the token with.', message: msg('signIn.error.noContext') };
  const verdict = await reviewToken(opts.context, token);
  if (!verdict.ok) {
    if (!verdict.rejected) return { ok: false, status: 503, error: `Could not check the token with the cluster: ${verdict.message}`, message: msg('signIn.error.checkFailed', { message: verdict.message }) };
    signInFailures.fail(key);
    return { ok: false, status: 401, error: TOKEN_REFUSED, message: msg('signIn.error.tokenRefused') };
  }
  signInFailures.succeed(key);
  const viewer: Viewer = { user: verdict.user, groups: verdict.groups, via: 'token' };
  const session = sessions.create({ kind: 'token', token }, viewer, opts.server ?? undefined);
  return { ok: true, sessionId: session.id, viewer };
}

export function signOut(sessionId: string | undefined): void {
  authState().sessions.end(sessionId);
}
