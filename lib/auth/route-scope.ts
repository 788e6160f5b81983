import 'server-only';
// The entry of every /api/* route handler and the watch stream (CONTRACT, issue #9): 401 without a
// session, else runs the handler as the signed-in user. STUB: the auth helper fills in the session.
import { KUBECONFIG_IDENTITY, runWithIdentity, type Viewer } from '@/lib/k8s/identity';

export async function routeScope(request: Request, fn: (viewer: Viewer) => Promise<Response>): Promise<Response> {
  void request;
  const viewer: Viewer = { user: 'kubeconfig', groups: [], via: 'kubeconfig' };
  return runWithIdentity(KUBECONFIG_IDENTITY, viewer, () => fn(viewer));
}
