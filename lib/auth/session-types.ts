// What the browser learns about its session (GET /api/session): plain JSON, never the token.
import type { Msg } from '@/lib/i18n/message';
import type { AuthMode } from './startup-check.mjs';

export interface SessionInfo {
  mode: AuthMode;
  signedIn: boolean;
  user?: string;
  groups?: string[];
  via?: 'kubeconfig' | 'token' | 'proxy';
}

export type SignInActionResult = { ok: true; next: string } | { ok: false; error: string; retryAfterSeconds?: number };

/** Why the sign-in page was opened (`?reason=`), as catalogue keys (`signIn.reason.*`). */
export const SIGN_IN_REASONS = {
  expired: 'signIn.reason.expired',
  'signed-out': 'signIn.reason.signedOut',
} as const;

/** A refused sign-in: English `error` for /api/session and logs, `message` for the reader's language. */
export type SignInFailure = { error: string; message: Msg };
