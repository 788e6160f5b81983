// How this studio runs (read-only mode), for the header and the write dialogs.
import { routeScope } from '@/lib/auth/route-scope';
import type { StudioInfo } from '@/lib/security/read-only-notice';
import { isReadOnly } from '@/lib/security/read-only';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(request: Request): Promise<Response> {
  return routeScope(request, async () => {
    const info: StudioInfo = { readOnly: isReadOnly() };
    return Response.json(info, { headers: { 'Cache-Control': 'no-store' } });
  });
}
