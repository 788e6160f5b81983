// The JSON of `GET /api/pods/{namespace}/{name}/log` (shared by the route and the client hook).
import type { KubeError } from './types';
import type { Msg } from '@/lib/i18n/message';

export const DEFAULT_LOG_TAIL_LINES = 500;

export type PodLogResult =
  | { ok: true; text: string; /** Older lines exist beyond `tailLines` (or the size cap). */ truncated: boolean }
  | { ok: false; error: string; /** `error` in the reader's language, when the studio wrote it */ errorMsg?: Msg; code: KubeError['code'] | 503; reason: string };

export interface PodLogParams {
  namespace: string;
  name: string;
  container?: string;
  tailLines?: number;
  previous?: boolean;
}

/** The route's URL for a read (the hook and tests build it the same way). */
export function podLogUrl(p: PodLogParams): string {
  const q = new URLSearchParams();
  if (p.container) q.set('container', p.container);
  if (p.tailLines !== undefined) q.set('tailLines', String(p.tailLines));
  if (p.previous) q.set('previous', 'true');
  const s = q.toString();
  return `/api/pods/${encodeURIComponent(p.namespace)}/${encodeURIComponent(p.name)}/log${s ? `?${s}` : ''}`;
}
