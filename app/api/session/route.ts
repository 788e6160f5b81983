// The session itself: who is signed in (GET), sign in with a bearer token (POST, for scripts and
// the same rules as the sign-in page: rate limit, 429 + Retry-After), sign out (DELETE). Public in
// proxy.ts, so it checks the session itself instead of going through routeScope.
import { z } from 'zod';
import { authMode, SESSION_COOKIE, sessionCookieHeader, sessionCookieOptions } from '@/lib/auth/config';
import { requestIdentity, sessionIdOf } from '@/lib/auth/request-identity';
import { signInFromRequest } from '@/lib/auth/sign-in-request';
import { MAX_TOKEN_LENGTH, signOut } from '@/lib/auth/sign-in';
import type { SessionInfo } from '@/lib/auth/session-types';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const NO_STORE = { 'Cache-Control': 'no-store' };
const body = z.object({ token: z.string().max(MAX_TOKEN_LENGTH) });

export function GET(request: Request): Response {
  const mode = authMode();
  const who = requestIdentity(request.headers);
  const info: SessionInfo = who.ok ? { mode, signedIn: true, user: who.viewer.user, groups: who.viewer.groups, via: who.viewer.via } : { mode, signedIn: false };
  return Response.json(info, { headers: NO_STORE });
}

export async function POST(request: Request): Promise<Response> {
  if (authMode() !== 'token') return Response.json({ error: 'Sign-in with a token is only for STUDIO_AUTH=token.' }, { status: 404, headers: NO_STORE });
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: 'Send JSON {"token": "<bearer token>"}.' }, { status: 400, headers: NO_STORE });
  const { result, cookie } = await signInFromRequest(request.headers, parsed.data.token);
  if (!result.ok) {
    const headers: Record<string, string> = { ...NO_STORE };
    if (result.retryAfterSeconds) headers['Retry-After'] = String(result.retryAfterSeconds);
    return Response.json({ error: result.error }, { status: result.status, headers });
  }
  return Response.json({ user: result.viewer.user, groups: result.viewer.groups }, { headers: { ...NO_STORE, 'Set-Cookie': sessionCookieHeader(result.sessionId, cookie) } });
}

export function DELETE(request: Request): Response {
  signOut(sessionIdOf(request.headers));
  const opts = sessionCookieOptions(request.headers.get('x-forwarded-proto'));
  return new Response(null, { status: 204, headers: { ...NO_STORE, 'Set-Cookie': `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict${opts.secure ? '; Secure' : ''}` } });
}
