// One plugin's saved versions, newest first (the store keeps the last 20).
import { errorResponse } from '@/lib/i18n/error-response';
import { routeScope } from '@/lib/auth/route-scope';
import { cookieValue } from '@/lib/k8s/request-context';
import { CONTEXT_COOKIE } from '@/lib/k8s/types';
import { openPluginStore } from '@/lib/plugins/open-store';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export function GET(request: Request, ctx: { params: Promise<{ name: string }> }): Promise<Response> {
  return routeScope(request, async () => {
    const headers = { 'Cache-Control': 'no-store' };
    try {
      const { name } = await ctx.params;
      const history = await openPluginStore(cookieValue(request.headers.get('cookie'), CONTEXT_COOKIE)).history(name);
      if (!history) return errorResponse('plugins.store.missing', { name }, { status: 404, headers });
      return Response.json({ history }, { headers });
    } catch (e) {
      return errorResponse('common.apiError.pluginStore', { message: (e as Error).message }, { status: 500, headers });
    }
  });
}
