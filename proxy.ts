// Next 16's proxy (the former middleware) runs before every route: pages, /api/*, the SSE stream,
// server actions and static files. It applies the pure host guard (lib/security/host-guard.ts), then
// the sign-in gate (lib/auth/gate.ts): nothing renders, streams or runs without a session.
import { NextResponse, type NextRequest } from 'next/server';
import { authMode } from '@/lib/auth/config';
import { gate } from '@/lib/auth/gate';
import { requestIdentity } from '@/lib/auth/request-identity';
import { checkRequest, hostGuardConfig } from '@/lib/security/host-guard';

const FORM_TYPES = /^(multipart\/form-data|application\/x-www-form-urlencoded)/i;

export function proxy(request: NextRequest): NextResponse {
  const h = request.headers;
  const post = request.method.toUpperCase() === 'POST';
  // Without JavaScript a server action arrives as a plain form POST to the page, with no Next-Action.
  const serverAction = post && (h.has('next-action') || (FORM_TYPES.test(h.get('content-type') ?? '') && !request.nextUrl.pathname.startsWith('/api/')));
  // Read per request from the live environment (never `process.env.NAME`, which a bundler may inline
  // at build time): STUDIO_ALLOWED_HOSTS is set when the studio starts, not when it is built.
  const verdict = checkRequest({ method: request.method, host: h.get('host'), origin: h.get('origin'), serverAction }, hostGuardConfig(process.env));
  if (!verdict.ok) {
    return new NextResponse(verdict.message, {
      status: verdict.status,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
  const mode = authMode();
  const { pathname, search } = request.nextUrl;
  const signedIn = mode === 'none' || requestIdentity(h).ok;
  const decision = gate({ mode, pathname, search, method: request.method, serverAction, signedIn });
  if (decision.kind === 'pass') return NextResponse.next();
  if (decision.kind === 'redirect') {
    // Under the Host the browser used (checked above): nextUrl would turn 127.0.0.1 into localhost,
    // where the browser holds no session cookie.
    const r = NextResponse.redirect(new URL(decision.location, `${request.nextUrl.protocol}//${h.get('host')}`), 307);
    r.headers.set('Cache-Control', 'no-store');
    return r;
  }
  return NextResponse.json({ error: decision.message, signedOut: true }, { status: 401, headers: { 'Cache-Control': 'no-store' } });
}
