// A pod's log for the pod drawer (lib/k8s/pod-logs.ts), in the request's current context.
import { routeScope } from '@/lib/auth/route-scope';
import { podLogResponse } from '@/lib/k8s/pod-logs';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(request: Request, { params }: { params: Promise<{ namespace: string; name: string }> }): Promise<Response> {
  const p = await params;
  return routeScope(request, () => podLogResponse(request, p));
}
