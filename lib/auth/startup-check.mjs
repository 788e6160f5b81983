// Whether the studio may start with this environment (issue #9 §2): on loopback it may act with the
// local kubeconfig; bound anywhere else it needs a sign-in mode, or an explicit STUDIO_AUTH=none
// (then a loud warning on every start). Plain JavaScript: scripts/start.mjs decides before building,
// instrumentation.ts decides again so that `next start` run directly refuses too.
import { isLoopbackHostname } from '../security/loopback.mjs';

export const AUTH_MODES = ['none', 'token', 'proxy'];

const WILDCARD = new Set(['0.0.0.0', '::', '[::]', '*']);

/** HOST as `next start` sees it: unset means Next's own default, every interface. */
export function bindsLoopbackOnly(host) {
  const h = (host ?? '').trim();
  if (!h || WILDCARD.has(h)) return false;
  return isLoopbackHostname(h);
}

/** The address the server binds: HOST, else `next start -H/--hostname` in argv; '' when neither. */
export function bindHost(env, argv = []) {
  const fromEnv = (env.HOST ?? '').trim();
  if (fromEnv) return fromEnv;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if ((a === '-H' || a === '--hostname') && argv[i + 1]) return argv[i + 1].trim();
    if (a.startsWith('--hostname=')) return a.slice('--hostname='.length).trim();
  }
  return '';
}

function listOf(value) {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/**
 * @returns {{ ok: true, mode: 'none'|'token'|'proxy', warning: string | null } | { ok: false, reason: string }}
 */
export function authStartupDecision(env, argv = []) {
  const raw = (env.STUDIO_AUTH ?? '').trim().toLowerCase();
  const host = bindHost(env, argv);
  const shownHost = host || '(unset: every interface)';
  if (raw && !AUTH_MODES.includes(raw)) {
    return { ok: false, reason: `STUDIO_AUTH="${env.STUDIO_AUTH}" is not a sign-in mode: use none, token or proxy.` };
  }
  if (!raw) {
    if (bindsLoopbackOnly(host)) return { ok: true, mode: 'none', warning: null };
    return {
      ok: false,
      reason:
        `Refusing to start: HOST=${shownHost} exposes the studio beyond this machine, and without sign-in anyone who reaches it acts with this studio's cluster credentials. ` +
        'Set STUDIO_AUTH=token (users sign in with their Kubernetes bearer token) or STUDIO_AUTH=proxy (behind an authenticating proxy, with STUDIO_TRUSTED_PROXIES), ' +
        'or bind to loopback (HOST=127.0.0.1). STUDIO_AUTH=none accepts the risk explicitly.',
    };
  }
  if (raw === 'proxy' && listOf(env.STUDIO_TRUSTED_PROXIES).length === 0) {
    return { ok: false, reason: 'Refusing to start: STUDIO_AUTH=proxy needs STUDIO_TRUSTED_PROXIES (the proxy addresses or CIDRs whose user headers are trusted).' };
  }
  if (raw === 'none' && !bindsLoopbackOnly(host)) {
    return {
      ok: true,
      mode: 'none',
      warning: `WARNING: STUDIO_AUTH=none on HOST=${shownHost}: the studio is reachable beyond this machine WITHOUT sign-in, and everyone who reaches it acts with this studio's cluster credentials.`,
    };
  }
  return { ok: true, mode: raw, warning: null };
}
