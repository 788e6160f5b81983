// Reads for cluster scripts (get, list, pod logs), with the studio's credentials and current context.
import { scriptReadResponse } from '@/lib/k8s/script-reads';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export function POST(request: Request): Promise<Response> {
  return scriptReadResponse(request);
}
