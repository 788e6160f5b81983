// Messages between a tab (client.ts) and the shared watch worker (worker.ts). Each tab-side
// EventSourceLike has an id unique within its port; the worker answers with the EventSource events
// it would have fired. Plain JSON only: structured clone carries it over the port.

/** Bumped when the messages change, so an old worker left running by old tabs is not reused. */
export const SHARED_WATCH_VERSION = 1;
export const SHARED_WATCH_URL = `/workers/watch-worker.js?v=${SHARED_WATCH_VERSION}`;
export const SHARED_WATCH_NAME = `kls-watch-v${SHARED_WATCH_VERSION}`;

export type TabMessage =
  /** First message of a port; `lock` is a Web Lock the tab holds until it goes away. */
  | { t: 'hello'; lock: string | null }
  | { t: 'open'; id: number; url: string }
  | { t: 'close'; id: number }
  /** The page is being hidden or unloaded (pagehide): drop everything of this port now. */
  | { t: 'bye' };

export type WorkerMessage = { t: 'open'; id: number } | { t: 'message'; id: number; data: string } | { t: 'error'; id: number };

export interface WatchTarget {
  context: string;
  namespace: string;
  kinds: string[];
}

/** The studio's `/api/watch` URL for one (context, namespace) and a set of kinds (sorted). */
export function watchUrl({ context, namespace, kinds }: WatchTarget): string {
  const params = new URLSearchParams({ context, namespace, kinds: [...kinds].sort().join(',') });
  return `/api/watch?${params}`;
}

/** The inverse of watchUrl; undefined for a URL that is not one. */
export function parseWatchUrl(url: string): WatchTarget | undefined {
  let u: URL;
  try {
    u = new URL(url, 'http://localhost');
  } catch {
    return undefined;
  }
  if (u.pathname !== '/api/watch') return undefined;
  const kinds = (u.searchParams.get('kinds') ?? '').split(',').filter(Boolean);
  if (!kinds.length) return undefined;
  return { context: u.searchParams.get('context') ?? '', namespace: u.searchParams.get('namespace') ?? '', kinds };
}
