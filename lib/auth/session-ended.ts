import 'server-only';
// The cluster answered 401 to a signed-in user's token (expired or revoked): the session is ended
// so the next request goes to sign-in, and the UI is told so.
import { authMode } from './config';
import { signOut } from './sign-in';

export const SESSION_ENDED = 'Your session ended: the cluster no longer accepts your token. Sign in again.';

/** True when the session was ended because of this request's 401. */
export function endSessionIfUnauthorized(unauthorized: boolean, sessionId: string | undefined): boolean {
  if (!unauthorized || authMode() !== 'token') return false;
  signOut(sessionId);
  return true;
}
