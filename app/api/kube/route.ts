// Reads for cluster scripts (get, list, pod logs), with the studio's credentials and current context.
import { routeScope } from '@/lib/auth/route-scope';
import { scriptReadResponse } from '@/lib/k8s/script-reads';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export function POST(request: Request): Promise<Response> {
  return routeScope(request, () => scriptReadResponse(request));
}
