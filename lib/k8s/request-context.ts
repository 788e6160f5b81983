import 'server-only';
// The context a request works against: the cookie set by `switchContext`, then --context,
// STUDIO_CONTEXT and the kubeconfig's current-context (see context.ts for why in this order).
import { resolveContext, type ResolvedContext } from './context';
import { loadKubeconfig, type LoadedKubeconfig } from './kubeconfig';
import { CONTEXT_COOKIE } from './types';

export function cookieValue(cookieHeader: string | null | undefined, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    if (part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim()) || undefined;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export function currentContext(cookie: string | undefined): { loaded: LoadedKubeconfig; resolved: ResolvedContext } {
  const loaded = loadKubeconfig();
  return { loaded, resolved: resolveContext(loaded.kc, { cookie }) };
}

export function contextForRequest(request: Request): { loaded: LoadedKubeconfig; resolved: ResolvedContext } {
  return currentContext(cookieValue(request.headers.get('cookie'), CONTEXT_COOKIE));
}
