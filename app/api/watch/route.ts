// Live data for every mounted list: one SSE stream per page (see lib/k8s/watch-response.ts).
import { routeScope } from '@/lib/auth/route-scope';
import { watchResponse } from '@/lib/k8s/watch-response';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export function GET(request: Request): Promise<Response> {
  return routeScope(request, async () => watchResponse(request));
}
