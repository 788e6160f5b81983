// Contexts, the current one, problems and a quick /version probe (see lib/k8s/cluster-info.ts).
import { routeScope } from '@/lib/auth/route-scope';
import { clusterInfo } from '@/lib/k8s/cluster-info';
import { cookieValue } from '@/lib/k8s/request-context';
import { CONTEXT_COOKIE } from '@/lib/k8s/types';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export function GET(request: Request): Promise<Response> {
  return routeScope(request, async () => {
    const info = await clusterInfo(cookieValue(request.headers.get('cookie'), CONTEXT_COOKIE));
    return Response.json(info, { headers: { 'Cache-Control': 'no-store' } });
  });
}
