'use server';
// Sign-in and sign-out (STUDIO_AUTH=token). Not behind actionScope: signing in is how a session
// starts. The token is checked with the cluster and kept only in the server-side session.
import { cookies, headers } from 'next/headers';
import { z } from 'zod';
import { authMode, SESSION_COOKIE } from '@/lib/auth/config';
import { safeNext } from '@/lib/auth/gate';
import { sessionIdOf } from '@/lib/auth/request-identity';
import { MAX_TOKEN_LENGTH, signOut as endSession } from '@/lib/auth/sign-in';
import { signInFromRequest } from '@/lib/auth/sign-in-request';
import type { SignInActionResult } from '@/lib/auth/session-types';

const input = z.object({
  token: z.string().max(MAX_TOKEN_LENGTH, 'This is longer than any bearer token.'),
  next: z.string().max(2048).optional(),
});

export async function signIn(_previous: SignInActionResult | null, form: FormData): Promise<SignInActionResult> {
  try {
    if (authMode() !== 'token') return { ok: false, error: 'This studio does not use token sign-in (STUDIO_AUTH is not token).' };
    const parsed = input.safeParse({ token: form.get('token') ?? '', next: form.get('next') ?? undefined });
    if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'invalid input' };
    const { result, cookie } = await signInFromRequest(await headers(), parsed.data.token);
    if (!result.ok) return { ok: false, error: result.error, ...(result.retryAfterSeconds ? { retryAfterSeconds: result.retryAfterSeconds } : {}) };
    (await cookies()).set(SESSION_COOKIE, result.sessionId, cookie);
    return { ok: true, next: safeNext(parsed.data.next) };
  } catch (e) {
    return { ok: false, error: `Sign-in failed: ${(e as Error).message}` };
  }
}

export async function signOut(): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    endSession(sessionIdOf(await headers()));
    (await cookies()).delete(SESSION_COOKIE);
    return { ok: true };
  } catch (e) {
    return { ok: false, error: `Sign-out failed: ${(e as Error).message}` };
  }
}
