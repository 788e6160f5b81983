'use client';
// When the server says the session is gone (a 401 from /api/* or a server action, or an action
// result with `signedOut: true`), the page goes to sign-in and comes back here afterwards. Every
// fetch of the page passes through one wrapper, so no call site has to remember it. Unsaved editor
// text survives: the editors keep drafts locally.
import { SIGN_IN_PATH } from './gate';

const INSTALLED = Symbol.for('kube-lua-studio.auth.signed-out-redirect');
const SIGNED_OUT = /"signedOut":true/;

export function signInUrl(location: Pick<Location, 'pathname' | 'search'>): string {
  return `${SIGN_IN_PATH}?reason=expired&next=${encodeURIComponent(location.pathname + location.search)}`;
}

function sameOrigin(input: RequestInfo | URL): boolean {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  try {
    return new URL(url, window.location.href).origin === window.location.origin;
  } catch {
    return false;
  }
}

function isServerAction(init: RequestInit | undefined): boolean {
  const h = init?.headers;
  if (!h) return false;
  if (h instanceof Headers) return h.has('next-action');
  if (Array.isArray(h)) return h.some(([k]) => k.toLowerCase() === 'next-action');
  return Object.keys(h).some((k) => k.toLowerCase() === 'next-action');
}

const SIGNING_OUT = Symbol.for('kube-lua-studio.auth.signing-out');
// Flags live on window, not in module scope: every chunk that bundles this module shares them.
const flags = () => window as unknown as Record<symbol, boolean>;

// Once the user signs out, the requests still in flight (queries, the watch) answer 401 too; they
// must not turn a deliberate sign-out into "your session expired".
export function markSigningOut(): void {
  flags()[SIGNING_OUT] = true;
}

export function unmarkSigningOut(): void {
  flags()[SIGNING_OUT] = false;
}

export function goToSignIn(): void {
  if (window.location.pathname === SIGN_IN_PATH || flags()[SIGNING_OUT]) return;
  window.location.assign(signInUrl(window.location));
}

export function installSignedOutRedirect(): void {
  if (flags()[INSTALLED]) return;
  flags()[INSTALLED] = true;
  const original = window.fetch.bind(window);
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const res = await original(input, init);
    if (!sameOrigin(input)) return res;
    if (res.status === 401) goToSignIn();
    else if (isServerAction(init) && res.ok) {
      // An action's result travels in the RSC payload; a small clone is read only for actions.
      void res
        .clone()
        .text()
        .then((t) => SIGNED_OUT.test(t) && goToSignIn())
        .catch(() => {});
    }
    return res;
  };
}
