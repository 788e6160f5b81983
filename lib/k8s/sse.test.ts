import { describe, expect, it } from 'vitest';
import { HEARTBEAT, decodeEvents, encodeEvent, parseWatchEvent } from './sse';
import type { WatchEvent } from './types';

describe('SSE encoding', () => {
  const events: WatchEvent[] = [
    { kind: 'pods', type: 'snapshot', items: [{ metadata: { name: 'a', namespace: 'x', annotations: { note: 'line1\nline2\r\n' } } }], resourceVersion: '7' },
    { kind: 'projectcontour.io/v1/httpproxies', type: 'ADDED', object: { metadata: { name: 'p' } } },
    { kind: 'pods', type: 'status', state: 'reconnecting', reason: 'connection refused', retryInMs: 800, attempt: 2 },
  ];

  it('frames each event as one data line and round-trips through the decoder', () => {
    const wire = events.map(encodeEvent).join(HEARTBEAT);
    for (const e of events) expect(encodeEvent(e).split('\n').filter(Boolean)).toHaveLength(1);
    const { data, rest } = decodeEvents(wire);
    expect(rest).toBe('');
    expect(data.map((d) => parseWatchEvent(d))).toEqual(events);
  });

  it('keeps a partial message for the next chunk', () => {
    const wire = encodeEvent(events[0]) + encodeEvent(events[1]);
    const cut = wire.length - 5;
    const first = decodeEvents(wire.slice(0, cut));
    expect(first.data).toHaveLength(1);
    const second = decodeEvents(first.rest + wire.slice(cut));
    expect(second.data.map((d) => parseWatchEvent(d))).toEqual([events[1]]);
  });

  it('ignores comments and rejects payloads that are not protocol events', () => {
    expect(decodeEvents(HEARTBEAT + HEARTBEAT).data).toEqual([]);
    expect(parseWatchEvent('not json')).toBeUndefined();
    expect(parseWatchEvent('{"type":"ADDED"}')).toBeUndefined();
    expect(parseWatchEvent('null')).toBeUndefined();
  });
});
