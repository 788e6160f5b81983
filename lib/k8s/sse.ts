// Server-sent-events framing for the watch protocol. Every event is a default (`message`) event whose
// data is one JSON line, so the browser needs a single `onmessage` handler. Pure: used by the route
// handler, the client provider's tests and the integration tests.
import type { WatchEvent } from './types';

export const HEARTBEAT = ': keep-alive\n\n';

export function encodeEvent(event: WatchEvent): string {
  // JSON.stringify never emits raw newlines, so one `data:` line always suffices.
  return `data: ${JSON.stringify(event)}\n\n`;
}

/** Splits a text buffer into complete SSE messages; returns their data payloads and the unconsumed rest. */
export function decodeEvents(buffer: string): { data: string[]; rest: string } {
  const data: string[] = [];
  const normalized = buffer.replace(/\r\n?/g, '\n');
  const blocks = normalized.split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    const lines = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).replace(/^ /, ''));
    if (lines.length) data.push(lines.join('\n'));
  }
  return { data, rest };
}

/** Parses one `data` payload into a protocol event, or undefined when it is not one. */
export function parseWatchEvent(data: string): WatchEvent | undefined {
  try {
    const e = JSON.parse(data) as WatchEvent;
    if (!e || typeof e !== 'object' || typeof e.kind !== 'string' || typeof e.type !== 'string') return undefined;
    return e;
  } catch {
    return undefined;
  }
}
