'use server';
// Sign-in and sign-out (STUDIO_AUTH=token). Not behind actionScope: signing in is how a session
// starts. The token is checked with the cluster and kept only in the server-side session. Errors
// are translated here, at the boundary: lib/auth keeps its English text for /api/session and logs.
import { getTranslations } from 'next-intl/server';
import { cookies, headers } from 'next/headers';
import { z } from 'zod';
import { authMode, SESSION_COOKIE } from '@/lib/auth/config';
import { safeNext } from '@/lib/auth/gate';
import { sessionIdOf } from '@/lib/auth/request-identity';
import { MAX_TOKEN_LENGTH, signOut as endSession } from '@/lib/auth/sign-in';
import { signInFromRequest } from '@/lib/auth/sign-in-request';
import type { SignInActionResult } from '@/lib/auth/session-types';

const TOO_LONG = 'too-long';
const input = z.object({
  token: z.string().max(MAX_TOKEN_LENGTH, TOO_LONG),
  next: z.string().max(2048).optional(),
});

export async function signIn(_previous: SignInActionResult | null, form: FormData): Promise<SignInActionResult> {
  const t = await getTranslations('signIn.error');
  try {
    if (authMode() !== 'token') return { ok: false, error: t('notTokenMode') };
    const parsed = input.safeParse({ token: form.get('token') ?? '', next: form.get('next') ?? undefined });
    if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message === TOO_LONG ? t('tooLong') : t('invalid') };
    const { result, cookie } = await signInFromRequest(await headers(), parsed.data.token);
    if (!result.ok) {
      const root = await getTranslations();
      // Keys from lib are checked against the catalogues by catalogues.test.ts, not by the type.
      const error = root(result.message.key as never, result.message.values as never);
      return { ok: false, error, ...(result.retryAfterSeconds ? { retryAfterSeconds: result.retryAfterSeconds } : {}) };
    }
    (await cookies()).set(SESSION_COOKIE, result.sessionId, cookie);
    return { ok: true, next: safeNext(parsed.data.next) };
  } catch (e) {
    return { ok: false, error: t('failed', { message: (e as Error).message }) };
  }
}

export async function signOut(): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    endSession(sessionIdOf(await headers()));
    (await cookies()).delete(SESSION_COOKIE);
    return { ok: true };
  } catch (e) {
    const t = await getTranslations('signIn.error');
    return { ok: false, error: t('signOutFailed', { message: (e as Error).message }) };
  }
}
