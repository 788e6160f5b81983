// The audit log, filtered (lib/audit/filter.ts), newest first.
import { errorResponse } from '@/lib/i18n/error-response';
import { routeScope } from '@/lib/auth/route-scope';
import { parseFilter, selectEntries } from '@/lib/audit/filter';
import { readLines } from '@/lib/audit/store';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const NO_STORE = { 'Cache-Control': 'no-store' };

export async function GET(request: Request): Promise<Response> {
  return routeScope(request, async () => {
    try {
      const filter = parseFilter(new URL(request.url).searchParams);
      return Response.json(selectEntries(await readLines(), filter), { headers: NO_STORE });
    } catch (e) {
      return errorResponse('common.apiError.auditRead', { message: (e as Error).message }, { status: 500, headers: NO_STORE });
    }
  });
}
