// Live data for every mounted list: one SSE stream per page (see lib/k8s/watch-response.ts).
import { routeScope } from '@/lib/auth/route-scope';
import { sessionWatchTuning } from '@/lib/auth/request-identity';
import { watchResponse } from '@/lib/k8s/watch-response';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

type Tuning = NonNullable<Parameters<typeof watchResponse>[1]> & ReturnType<typeof sessionWatchTuning>;

export function GET(request: Request): Promise<Response> {
  // The stream closes when its session ends, so it never outlives a sign-out.
  const tuning: Tuning = sessionWatchTuning(request.headers);
  return routeScope(request, async () => watchResponse(request, tuning));
}
