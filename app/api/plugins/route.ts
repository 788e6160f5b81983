// The plugin list in execution order, merged with the DeepFlow server's list when one is configured.
import { errorResponse } from '@/lib/i18n/error-response';
import { routeScope } from '@/lib/auth/route-scope';
import { cookieValue } from '@/lib/k8s/request-context';
import { CONTEXT_COOKIE } from '@/lib/k8s/types';
import { pluginServiceEnv } from '@/lib/plugins/open-store';
import { listPlugins } from '@/lib/plugins/service';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export function GET(request: Request): Promise<Response> {
  return routeScope(request, async () => {
    try {
      const env = pluginServiceEnv(cookieValue(request.headers.get('cookie'), CONTEXT_COOKIE));
      return Response.json(await listPlugins(env), { headers: { 'Cache-Control': 'no-store' } });
    } catch (e) {
      return errorResponse('common.apiError.pluginStore', { message: (e as Error).message }, { status: 500, headers: { 'Cache-Control': 'no-store' } });
    }
  });
}
