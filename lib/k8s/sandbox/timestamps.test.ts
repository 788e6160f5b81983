import { describe, expect, it } from 'vitest';
import { rebaseTimestamps } from './timestamps';

describe('rebaseTimestamps', () => {
  const pods = [
    { kind: 'Pod', metadata: { name: 'a', creationTimestamp: '2025-01-01T00:00:00Z' }, status: { startTime: '2025-01-01T00:00:05Z', phase: 'Running' } },
    { kind: 'Pod', metadata: { name: 'b', creationTimestamp: '2025-01-02T00:00:00Z', annotations: { note: '2025-01-01 is not a timestamp field' } } },
  ];

  it('moves the newest timestamp to now and keeps every distance', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    const [a, b] = rebaseTimestamps(pods, now) as typeof pods;
    expect(b.metadata.creationTimestamp).toBe('2026-11-22T10:00:00Z');
    expect(a.metadata.creationTimestamp).toBe('2026-11-21T10:00:00Z');
    expect(a.status!.startTime).toBe('2026-11-21T10:00:05Z');
    expect(b.metadata.annotations!.note).toBe('2025-01-01 is not a timestamp field');
  });

  it('leaves the input untouched and objects without timestamps as they are', () => {
    const copy = structuredClone(pods);
    rebaseTimestamps(pods, Date.now());
    expect(pods).toEqual(copy);
    const plain = [{ kind: 'ConfigMap', metadata: { name: 'x' } }];
    expect(rebaseTimestamps(plain, Date.now())).toBe(plain);
  });
});
