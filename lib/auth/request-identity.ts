import 'server-only';
// Who a request is, from its headers alone, per STUDIO_AUTH: the kubeconfig (none), the session
// cookie's server-side session (token), or the trusted proxy's user headers (proxy).
import { KUBECONFIG_IDENTITY, type ClusterIdentity, type Viewer } from '@/lib/k8s/identity';
import { cookieValue, currentContext } from '@/lib/k8s/request-context';
import { CONTEXT_COOKIE } from '@/lib/k8s/types';
import { authMode, proxyHeaderNames, SESSION_COOKIE } from './config';
import { remoteAddress } from './remote-address';
import { authState } from './state';
import { isTrustedProxy, parseGroups, parseTrustedProxies } from './trusted-proxy';

export type RequestIdentity =
  | { ok: true; identity: ClusterIdentity; viewer: Viewer; sessionId?: string }
  | { ok: false; error: string };

export const NO_SESSION = 'You are not signed in (or your session ended): sign in again.';
export const NO_PROXY_USER = 'No signed-in user: the authenticating proxy did not name one.';
export const OTHER_CLUSTER = 'Your token was accepted by another cluster than the selected context: switch back, or sign in again for this one.';
export const KUBECONFIG_VIEWER: Viewer = { user: 'kubeconfig', groups: [], via: 'kubeconfig' };

export function sessionIdOf(headers: Headers): string | undefined {
  return cookieValue(headers.get('cookie'), SESSION_COOKIE);
}

export function requestIdentity(headers: Headers, env: Readonly<Record<string, string | undefined>> = process.env): RequestIdentity {
  const mode = authMode(env);
  if (mode === 'none') return { ok: true, identity: KUBECONFIG_IDENTITY, viewer: kubeconfigViewer(headers) };
  if (mode === 'token') {
    const session = authState().sessions.touch(sessionIdOf(headers));
    if (!session) return { ok: false, error: NO_SESSION };
    if (session.server !== undefined && requestServer(headers) !== session.server) return { ok: false, error: OTHER_CLUSTER };
    return { ok: true, identity: session.identity, viewer: session.viewer, sessionId: session.id };
  }
  const names = proxyHeaderNames(env);
  const user = headers.get(names.user)?.trim();
  const address = remoteAddress(headers);
  if (!isTrustedProxy(address, parseTrustedProxies(env['STUDIO_TRUSTED_PROXIES']))) {
    if (user || headers.has(names.groups)) logUntrustedOnce(address ?? 'unknown');
    return { ok: false, error: NO_PROXY_USER };
  }
  if (!user) return { ok: false, error: NO_PROXY_USER };
  const groups = parseGroups(headers.get(names.groups));
  return { ok: true, identity: { kind: 'impersonate', user, groups }, viewer: { user, groups, via: 'proxy' } };
}

/** Without sign-in the person is whoever the context's kubeconfig user is: name them so in the audit. */
function kubeconfigViewer(headers: Headers): Viewer {
  try {
    const { loaded, resolved } = currentContext(cookieValue(headers.get('cookie'), CONTEXT_COOKIE));
    const user = resolved.name ? loaded.kc?.getContextObject(resolved.name)?.user : undefined;
    return user ? { ...KUBECONFIG_VIEWER, user: `kubeconfig:${user}` } : KUBECONFIG_VIEWER;
  } catch {
    return KUBECONFIG_VIEWER;
  }
}

/** The API server of the context this request works against (the kls-context cookie, then the defaults). */
export function requestServer(headers: Headers): string | null {
  const { loaded, resolved } = currentContext(cookieValue(headers.get('cookie'), CONTEXT_COOKIE));
  if (!loaded.kc || !resolved.name) return null;
  const ctx = loaded.kc.getContextObject(resolved.name);
  return (ctx && loaded.kc.getCluster(ctx.cluster)?.server) ?? null;
}

function logUntrustedOnce(address: string): void {
  const seen = authState().untrustedLogged;
  if (seen.has(address) || seen.size > 10_000) return;
  seen.add(address);
  console.warn(`[kube-lua-studio] Ignored proxy user headers from ${address}: it is not in STUDIO_TRUSTED_PROXIES (logged once per address).`);
}

/** For the watch stream: closes with the session, and a 401 from the cluster ends the session. */
export function sessionWatchTuning(headers: Headers): { sessionEnded?: AbortSignal; onUnauthorized?: () => void } {
  if (authMode() !== 'token') return {};
  const session = authState().sessions.touch(sessionIdOf(headers));
  if (!session) return {};
  return { sessionEnded: session.ended.signal, onUnauthorized: () => authState().sessions.end(session.id) };
}
