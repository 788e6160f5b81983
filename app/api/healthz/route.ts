// Liveness/readiness for the kubelet: the process serves requests. No cluster call, so a slow or
// unreachable API server never gets the pod restarted; no session (proxy.ts exempts this path).
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return new Response('ok', { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}
