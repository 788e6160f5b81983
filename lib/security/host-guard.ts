// DNS-rebinding and cross-origin guard, decided from plain header values (proxy.ts applies it).
// A page on evil.example can make the browser talk to 127.0.0.1 by re-pointing its own DNS name, but
// the browser still sends `Host: evil.example`: refusing every Host that is neither a loopback name
// nor configured closes that door. Server actions write, so they must also come from our own origin.
// Pure: no Next or Node imports, so it is unit-tested alone.
import { isLoopbackHostname } from './loopback.mjs';

export interface AllowedHost {
  /** Lower-case hostname; IPv6 without brackets. */
  hostname: string;
  /** `null` = any port. */
  port: string | null;
}

export interface HostGuardConfig {
  allowed: AllowedHost[];
}

export interface GuardRequest {
  method: string;
  /** Raw `Host` header (null when absent). */
  host: string | null;
  /** Raw `Origin` header (null when absent). */
  origin: string | null;
  /** A server action call: POST with `Next-Action`, or a form POST to a page (no-JS actions). */
  serverAction: boolean;
}

export type GuardVerdict = { ok: true } | { ok: false; status: 421 | 403; message: string };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const ENV_HINT = 'set STUDIO_ALLOWED_HOSTS (comma-separated host or host:port) and restart the studio';

/** `host[:port]`, `[v6]:port` → parts, lower-cased; null when it is not a host at all. */
export function splitHostPort(value: string): AllowedHost | null {
  const v = value.trim().toLowerCase();
  if (!v || /[\s/?#@\\]/.test(v)) return null;
  const bracket = /^\[([0-9a-f:.]+)\](?::(\d{1,5}))?$/.exec(v);
  if (bracket) return { hostname: bracket[1], port: bracket[2] ?? null };
  // An unbracketed address with several colons is IPv6 without a port (allowed-list entries only).
  if ((v.match(/:/g) ?? []).length > 1) return /^[0-9a-f:.]+$/.test(v) ? { hostname: v, port: null } : null;
  const m = /^([^:]+)(?::(\d{1,5}))?$/.exec(v);
  if (!m) return null;
  return { hostname: m[1].replace(/\.$/, ''), port: m[2] ?? null };
}

export { isLoopbackHostname };

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]', '']);

/**
 * The allowed list: `STUDIO_ALLOWED_HOSTS` entries, plus `HOST` when the studio was bound to one
 * concrete address or name (browsers then reach it under exactly that name). A wildcard bind
 * (0.0.0.0, ::) adds nothing: list the names you use.
 */
export function hostGuardConfig(env: Readonly<Record<string, string | undefined>>): HostGuardConfig {
  const entries = (env.STUDIO_ALLOWED_HOSTS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const bind = (env.HOST ?? '').trim();
  if (!WILDCARDS.has(bind)) entries.push(bind.includes(':') && !bind.startsWith('[') ? `[${bind}]` : bind);
  return { allowed: entries.map(splitHostPort).filter((h): h is AllowedHost => h !== null) };
}

function isAllowed(h: AllowedHost, config: HostGuardConfig): boolean {
  if (isLoopbackHostname(h.hostname)) return true;
  return config.allowed.some((a) => a.hostname === h.hostname && (a.port === null || a.port === h.port));
}

/** Printable, bounded copy of a header value for the refusal text. */
function shown(value: string): string {
  const clean = value.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 200 ? `${clean.slice(0, 200)}…` : clean;
}

/** `http://a:1` → `a:1`; default ports dropped as URL does; null for `null`, garbage or non-http(s). */
function originHost(origin: string): AllowedHost | null {
  try {
    const u = new URL(origin);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return splitHostPort(u.host);
  } catch {
    return null;
  }
}

function sameHost(a: AllowedHost, b: AllowedHost): boolean {
  return a.hostname === b.hostname && (a.port ?? '') === (b.port ?? '');
}

export function checkRequest(req: GuardRequest, config: HostGuardConfig): GuardVerdict {
  const host = req.host === null ? null : splitHostPort(req.host);
  if (!host || !isAllowed(host, config)) {
    const what = req.host === null ? 'A request without a Host header' : `Host ${shown(req.host)}`;
    return {
      ok: false,
      status: 421,
      message: `${what} is not allowed: Kube Lua Studio answers only to loopback names (localhost, 127.0.0.1, [::1]) and to the hosts in STUDIO_ALLOWED_HOSTS, so that no web page can reach your cluster credentials through DNS rebinding. If you open the studio under this name on purpose, ${ENV_HINT}.\n`,
    };
  }
  if (SAFE_METHODS.has(req.method.toUpperCase())) return { ok: true };
  if (req.origin === null) {
    if (!req.serverAction) return { ok: true };
    return { ok: false, status: 403, message: `Server action refused: the request has no Origin header. Server actions are accepted only from the studio's own pages.\n` };
  }
  const origin = originHost(req.origin);
  if (origin && (sameHost(origin, host) || (!isLoopbackHostname(origin.hostname) && isAllowed(origin, config)))) return { ok: true };
  return {
    ok: false,
    status: 403,
    message: `Cross-origin ${req.serverAction ? 'server action' : req.method.toUpperCase() + ' request'} refused: Origin ${shown(req.origin)} is not this studio (${shown(req.host!)}). Writes are accepted only from the studio's own pages; if another origin is yours, ${ENV_HINT}.\n`,
  };
}
