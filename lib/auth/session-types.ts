// What the browser learns about its session (GET /api/session): plain JSON, never the token.
import type { AuthMode } from './startup-check.mjs';

export interface SessionInfo {
  mode: AuthMode;
  signedIn: boolean;
  user?: string;
  groups?: string[];
  via?: 'kubeconfig' | 'token' | 'proxy';
}

export type SignInActionResult = { ok: true; next: string } | { ok: false; error: string; retryAfterSeconds?: number };

export const SIGN_IN_REASONS = {
  expired: 'Your session ended: the cluster no longer accepts your token, or it was idle too long. Sign in again.',
  'signed-out': 'Signed out.',
} as const;
