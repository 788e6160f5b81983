// The team's DeepFlow emulation settings (agent config YAML, DeepFlow version), kept beside the plugins.
import { errorResponse } from '@/lib/i18n/error-response';
import { routeScope } from '@/lib/auth/route-scope';
import { cookieValue } from '@/lib/k8s/request-context';
import { CONTEXT_COOKIE } from '@/lib/k8s/types';
import { openPluginStore } from '@/lib/plugins/open-store';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export function GET(request: Request): Promise<Response> {
  return routeScope(request, async () => {
    const headers = { 'Cache-Control': 'no-store' };
    try {
      return Response.json(await openPluginStore(cookieValue(request.headers.get('cookie'), CONTEXT_COOKIE)).getSettings(), { headers });
    } catch (e) {
      return errorResponse('settings.action.storeFailed', { message: (e as Error).message }, { status: 500, headers });
    }
  });
}
