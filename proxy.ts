// Next 16's proxy (the former middleware) runs before every route: pages, /api/*, the SSE stream,
// server actions and static files. It only applies the pure guard in lib/security/host-guard.ts.
import { NextResponse, type NextRequest } from 'next/server';
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
  if (verdict.ok) return NextResponse.next();
  return new NextResponse(verdict.message, {
    status: verdict.status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
