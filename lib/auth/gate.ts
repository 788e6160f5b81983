// What proxy.ts does with a request before any page, route or action runs, given whether it carries
// a session (issue #9 §2). Pure. The real check is repeated at every entry point (actionScope,
// routeScope); this gate only makes sure nothing renders or streams without one.
import type { AuthMode } from './startup-check.mjs';

export interface GateRequest {
  mode: AuthMode;
  pathname: string;
  search: string;
  method: string;
  serverAction: boolean;
  signedIn: boolean;
}

export type GateVerdict = { kind: 'pass' } | { kind: 'redirect'; location: string } | { kind: 'unauthorized'; message: string };

export const SIGN_IN_PATH = '/sign-in';
export const SIGN_IN_REQUIRED = 'Sign in first: this studio requires a session (STUDIO_AUTH).';
export const PROXY_USER_REQUIRED = 'No signed-in user: this studio trusts the user header only from its authenticating proxy (STUDIO_AUTH=proxy).';

/** Reached without a session: sign-in itself, the probe, and Next's static files (no data in them). */
export function isPublicPath(pathname: string): boolean {
  return (
    pathname === SIGN_IN_PATH ||
    pathname === '/api/healthz' ||
    pathname === '/api/session' ||
    pathname.startsWith('/_next/static/') ||
    pathname.startsWith('/_next/image') ||
    pathname === '/favicon.ico' ||
    pathname === '/icon.svg'
  );
}

/** A local path to come back to after signing in; anything else (`//evil`, `https:`) → `/`. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next.startsWith(SIGN_IN_PATH) ? '/' : next;
}

export function gate(req: GateRequest): GateVerdict {
  if (req.mode === 'none' || req.signedIn) return { kind: 'pass' };
  if (req.mode === 'token' && isPublicPath(req.pathname)) return { kind: 'pass' };
  if (req.mode === 'proxy' && (req.pathname === '/api/healthz' || req.pathname.startsWith('/_next/static/'))) return { kind: 'pass' };
  const message = req.mode === 'proxy' ? PROXY_USER_REQUIRED : SIGN_IN_REQUIRED;
  const page = !req.serverAction && !req.pathname.startsWith('/api/') && ['GET', 'HEAD'].includes(req.method.toUpperCase());
  if (page && req.mode === 'token') return { kind: 'redirect', location: `${SIGN_IN_PATH}?next=${encodeURIComponent(req.pathname + req.search)}` };
  return { kind: 'unauthorized', message };
}
