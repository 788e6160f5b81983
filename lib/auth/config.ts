// The sign-in settings, read from the live environment per call (a bundler may inline
// `process.env.NAME` at build time; these are set when the studio starts). Pure.
import { authStartupDecision, type AuthMode } from './startup-check.mjs';

export type { AuthMode };
type Env = Readonly<Record<string, string | undefined>>;

export const SESSION_COOKIE = 'kls_session';

/** The mode in force; an environment the studio refuses to start with is treated as the strictest. */
export function authMode(env: Env = process.env, argv: readonly string[] = process.argv): AuthMode {
  const d = authStartupDecision(env, argv);
  if (d.ok) return d.mode;
  const raw = (env['STUDIO_AUTH'] ?? '').trim().toLowerCase();
  return raw === 'proxy' ? 'proxy' : 'token';
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number((value ?? '').trim());
  return value && Number.isFinite(n) && n > 0 ? n : fallback;
}

export interface SessionLimits {
  idleMs: number;
  maxMs: number;
}

export function sessionLimits(env: Env = process.env): SessionLimits {
  return {
    idleMs: positive(env['STUDIO_SESSION_IDLE_MINUTES'], 30) * 60_000,
    maxMs: positive(env['STUDIO_SESSION_MAX_HOURS'], 12) * 3_600_000,
  };
}

export function proxyHeaderNames(env: Env = process.env): { user: string; groups: string } {
  return {
    user: (env['STUDIO_PROXY_USER_HEADER'] ?? '').trim().toLowerCase() || 'x-forwarded-user',
    groups: (env['STUDIO_PROXY_GROUPS_HEADER'] ?? '').trim().toLowerCase() || 'x-forwarded-groups',
  };
}

/** Served over TLS: a TLS-terminating proxy says so, or the operator does (STUDIO_TLS=1). */
export function servedOverTls(forwardedProto: string | null, env: Env = process.env): boolean {
  const tls = (env['STUDIO_TLS'] ?? '').trim().toLowerCase();
  if (tls && tls !== '0' && tls !== 'false' && tls !== 'no') return true;
  return (forwardedProto ?? '').split(',')[0]?.trim().toLowerCase() === 'https';
}

export interface CookieOptions {
  httpOnly: true;
  sameSite: 'strict';
  secure: boolean;
  path: '/';
}

export function sessionCookieOptions(forwardedProto: string | null, env: Env = process.env): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: servedOverTls(forwardedProto, env), path: '/' };
}

/** `Set-Cookie` value for route handlers (server actions use `cookies().set` with the same options). */
export function sessionCookieHeader(id: string, opts: CookieOptions): string {
  return `${SESSION_COOKIE}=${id}; Path=${opts.path}; HttpOnly; SameSite=Strict${opts.secure ? '; Secure' : ''}`;
}
