import 'server-only';
// The entry of every /api/* route handler and the watch stream (CONTRACT, issue #9): 401 without a
// session, else runs the handler as the signed-in user.
import { runWithIdentity, wasUnauthorized, type Viewer } from '@/lib/k8s/identity';
import { SESSION_COOKIE } from './config';
import { requestIdentity } from './request-identity';
import { endSessionIfUnauthorized, SESSION_ENDED } from './session-ended';

export function unauthorizedResponse(error: string, clearCookie = false): Response {
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (clearCookie) headers['Set-Cookie'] = `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict`;
  return Response.json({ error, signedOut: true }, { status: 401, headers });
}

export async function routeScope(request: Request, fn: (viewer: Viewer) => Promise<Response>): Promise<Response> {
  const who = requestIdentity(request.headers);
  if (!who.ok) return unauthorizedResponse(who.error);
  const { identity, viewer, sessionId } = who;
  const { response, unauthorized } = await runWithIdentity(identity, viewer, async () => {
    const r = await fn(viewer);
    return { response: r, unauthorized: wasUnauthorized() };
  });
  if (endSessionIfUnauthorized(unauthorized, sessionId)) return unauthorizedResponse(SESSION_ENDED, true);
  return response;
}
