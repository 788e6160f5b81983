import { describe, expect, it } from 'vitest';
import { EMPTY_LIST, compareResourceVersions, reduceWatchEvent, reduceWatchEvents } from './watch-reducer';
import type { KubeObject, ListState, WatchEvent } from './types';

function pod(name: string, rv: string, extra: { ns?: string; uid?: string; phase?: string } = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: extra.ns ?? 'default', uid: extra.uid ?? `uid-${extra.ns ?? 'default'}-${name}`, resourceVersion: rv },
    status: { phase: extra.phase ?? 'Running' },
  };
}

const fold = (events: WatchEvent[], start?: ListState) => events.reduce<ListState>((s, e) => reduceWatchEvent(s, e), start ?? EMPTY_LIST);
const names = (s: ListState) => s.items.map((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`);
const snap = (items: KubeObject[], rv: string): WatchEvent => ({ kind: 'pods', type: 'snapshot', items, resourceVersion: rv });

describe('compareResourceVersions', () => {
  it('compares integers numerically, not lexically', () => {
    expect(compareResourceVersions('10', '9')).toBe(1);
    expect(compareResourceVersions('9', '10')).toBe(-1);
    expect(compareResourceVersions('42', '42')).toBe(0);
    expect(compareResourceVersions('123456789012345678901', '123456789012345678900')).toBe(1);
  });
  it('accepts opaque versions as newer unless identical', () => {
    expect(compareResourceVersions('abc', 'abd')).toBe(1);
    expect(compareResourceVersions('abd', 'abc')).toBe(1);
    expect(compareResourceVersions('abc', 'abc')).toBe(0);
    expect(compareResourceVersions('5', 'x')).toBe(1);
    expect(compareResourceVersions(undefined, '5')).toBe(1);
  });
});

describe('reduceWatchEvent', () => {
  it('starts loading and a snapshot replaces everything, sorted by namespace/name, state live', () => {
    expect(EMPTY_LIST.state).toBe('loading');
    const s = fold([snap([pod('b', '3'), pod('a', '2', { ns: 'z' }), pod('a', '1')], '5')]);
    expect(names(s)).toEqual(['default/a', 'default/b', 'z/a']);
    expect(s.resourceVersion).toBe('5');
    expect(s.state).toBe('live');
    const again = reduceWatchEvent(s, snap([pod('c', '9')], '9'));
    expect(names(again)).toEqual(['default/c']);
  });

  it('a snapshot clears a previous error reason', () => {
    const s = fold([{ kind: 'pods', type: 'status', state: 'reconnecting', reason: 'down', retryInMs: 500 }, snap([], '1')]);
    expect(s).toEqual({ items: [], resourceVersion: '1', state: 'live' });
  });

  it('ADDED inserts in sorted position and advances the list version', () => {
    const s = fold([snap([pod('a', '1'), pod('c', '2')], '2'), { kind: 'pods', type: 'ADDED', object: pod('b', '3') }]);
    expect(names(s)).toEqual(['default/a', 'default/b', 'default/c']);
    expect(s.resourceVersion).toBe('3');
  });

  it('ADDED of an object already present replaces it (by uid)', () => {
    const s = fold([snap([pod('a', '1')], '1'), { kind: 'pods', type: 'ADDED', object: pod('a', '4', { phase: 'Failed' }) }]);
    expect(s.items).toHaveLength(1);
    expect((s.items[0].status as { phase: string }).phase).toBe('Failed');
  });

  it('matches by namespace/name when objects carry no uid', () => {
    const noUid = (name: string, rv: string, phase: string): KubeObject => ({ metadata: { name, namespace: 'ns', resourceVersion: rv }, status: { phase } });
    const s = fold([snap([noUid('a', '1', 'Pending')], '1'), { kind: 'pods', type: 'MODIFIED', object: noUid('a', '2', 'Running') }]);
    expect(s.items).toHaveLength(1);
    expect((s.items[0].status as { phase: string }).phase).toBe('Running');
    const d = reduceWatchEvent(s, { kind: 'pods', type: 'DELETED', object: noUid('a', '3', 'Running') });
    expect(d.items).toEqual([]);
  });

  it('MODIFIED replaces only with a newer resourceVersion', () => {
    const base = fold([snap([pod('a', '5', { phase: 'Pending' })], '5')]);
    const newer = reduceWatchEvent(base, { kind: 'pods', type: 'MODIFIED', object: pod('a', '6', { phase: 'Running' }) });
    expect((newer.items[0].status as { phase: string }).phase).toBe('Running');
    const older = reduceWatchEvent(newer, { kind: 'pods', type: 'MODIFIED', object: pod('a', '4', { phase: 'Unknown' }) });
    expect(older).toBe(newer);
  });

  it('MODIFIED compares numerically (10 is newer than 9)', () => {
    const base = fold([snap([pod('a', '9', { phase: 'Pending' })], '9')]);
    const s = reduceWatchEvent(base, { kind: 'pods', type: 'MODIFIED', object: pod('a', '10', { phase: 'Running' }) });
    expect((s.items[0].status as { phase: string }).phase).toBe('Running');
  });

  it('MODIFIED with opaque resource versions is accepted, identical ones are duplicates', () => {
    const base = fold([snap([pod('a', 'x1', { phase: 'Pending' })], 'x1')]);
    const s = reduceWatchEvent(base, { kind: 'pods', type: 'MODIFIED', object: pod('a', 'x0', { phase: 'Running' }) });
    expect((s.items[0].status as { phase: string }).phase).toBe('Running');
    expect(reduceWatchEvent(s, { kind: 'pods', type: 'MODIFIED', object: pod('a', 'x0', { phase: 'Running' }) })).toBe(s);
  });

  it('MODIFIED of an unknown object inserts it (the watch saw it first)', () => {
    const s = fold([snap([], '1'), { kind: 'pods', type: 'MODIFIED', object: pod('a', '2') }]);
    expect(names(s)).toEqual(['default/a']);
  });

  it('DELETED removes; deleting an absent object changes nothing but the version', () => {
    const s = fold([snap([pod('a', '1'), pod('b', '2')], '2'), { kind: 'pods', type: 'DELETED', object: pod('a', '3') }]);
    expect(names(s)).toEqual(['default/b']);
    const again = reduceWatchEvent(s, { kind: 'pods', type: 'DELETED', object: pod('zzz', '4') });
    expect(names(again)).toEqual(['default/b']);
    expect(again.resourceVersion).toBe('4');
  });

  it('ignores duplicate events', () => {
    const added: WatchEvent = { kind: 'pods', type: 'ADDED', object: pod('a', '2') };
    const s1 = fold([snap([], '1'), added]);
    expect(reduceWatchEvent(s1, added)).toBe(s1);
    const del: WatchEvent = { kind: 'pods', type: 'DELETED', object: pod('a', '3') };
    const s2 = reduceWatchEvent(s1, del);
    expect(reduceWatchEvent(s2, del)).toBe(s2);
  });

  it('ignores out-of-order events older than the list (no resurrection after delete)', () => {
    const s = fold([
      snap([pod('a', '1')], '1'),
      { kind: 'pods', type: 'DELETED', object: pod('a', '5') },
      { kind: 'pods', type: 'MODIFIED', object: pod('a', '4') },
      { kind: 'pods', type: 'ADDED', object: pod('a', '3') },
    ]);
    expect(s.items).toEqual([]);
    expect(s.resourceVersion).toBe('5');
  });

  it('ignores events already covered by the snapshot', () => {
    const s = fold([snap([pod('a', '7', { phase: 'Running' })], '10'), { kind: 'pods', type: 'MODIFIED', object: pod('a', '8', { phase: 'Pending' }) }]);
    expect((s.items[0].status as { phase: string }).phase).toBe('Running');
  });

  it('after a 410 the fresh snapshot replaces the list even with a lower resourceVersion', () => {
    const s = fold([
      snap([pod('a', '100'), pod('b', '101')], '101'),
      { kind: 'pods', type: 'ADDED', object: pod('c', '150') },
      // The server was restored from a backup: versions went backwards; only the new snapshot counts.
      snap([pod('a', '20')], '20'),
      { kind: 'pods', type: 'ADDED', object: pod('d', '21') },
    ]);
    expect(names(s)).toEqual(['default/a', 'default/d']);
    expect(s.resourceVersion).toBe('21');
  });

  it('keeps items and tracks state, reason and retry on status events', () => {
    const live = fold([snap([pod('a', '1')], '1')]);
    const rec = reduceWatchEvent(live, { kind: 'pods', type: 'status', state: 'reconnecting', reason: 'connection refused', retryInMs: 1000, attempt: 2 });
    expect(rec.items).toBe(live.items);
    expect(rec).toMatchObject({ state: 'reconnecting', reason: 'connection refused', retryInMs: 1000 });
    const back = reduceWatchEvent(rec, { kind: 'pods', type: 'status', state: 'live' });
    expect(back).toEqual({ items: live.items, resourceVersion: '1', state: 'live' });
    expect(reduceWatchEvent(back, { kind: 'pods', type: 'status', state: 'live' })).toBe(back);
    const forbidden = reduceWatchEvent(undefined, { kind: 'pods', type: 'status', state: 'forbidden', reason: 'cannot list pods' });
    expect(forbidden).toMatchObject({ items: [], state: 'forbidden', reason: 'cannot list pods' });
  });

  it('folds unknown kinds and custom specs like any other', () => {
    const obj: KubeObject = { apiVersion: 'projectcontour.io/v1', kind: 'HTTPProxy', metadata: { name: 'p', namespace: 'x', uid: 'u1', resourceVersion: '3' } };
    const s = fold([
      { kind: 'projectcontour.io/v1/httpproxies', type: 'snapshot', items: [], resourceVersion: '2' },
      { kind: 'projectcontour.io/v1/httpproxies', type: 'ADDED', object: obj },
    ]);
    expect(s.items).toEqual([obj]);
  });

  it('ignores unknown event types and malformed objects', () => {
    const s = fold([snap([pod('a', '1')], '1')]);
    expect(reduceWatchEvent(s, { kind: 'pods', type: 'BOOKMARK' } as unknown as WatchEvent)).toBe(s);
    expect(reduceWatchEvent(s, { kind: 'pods', type: 'ADDED', object: { metadata: {} } } as unknown as WatchEvent)).toBe(s);
    expect(reduceWatchEvent(s, { kind: 'pods', type: 'ADDED', object: null } as unknown as WatchEvent)).toBe(s);
    expect(reduceWatchEvent(s, null as unknown as WatchEvent)).toBe(s);
  });

  it('drops malformed items and duplicate entries inside a snapshot', () => {
    const s = fold([snap([pod('a', '1'), { nope: true } as unknown as KubeObject, pod('a', '2', { phase: 'X' })], '2')]);
    expect(s.items).toHaveLength(1);
    expect(s.items[0].metadata.resourceVersion).toBe('2');
  });

  it('never mutates the previous state', () => {
    const s = fold([snap([pod('a', '1')], '1')]);
    const frozen = JSON.stringify(s);
    fold([{ kind: 'pods', type: 'ADDED', object: pod('b', '2') }, { kind: 'pods', type: 'DELETED', object: pod('a', '3') }], s);
    expect(JSON.stringify(s)).toBe(frozen);
  });
});

describe('reduceWatchEvents (bursts, 10,000-object lists)', () => {
  const many = (n: number, rv = 1) => Array.from({ length: n }, (_, i) => pod(`p${String(i).padStart(5, '0')}`, String(rv + i)));
  const burst = (): WatchEvent[] => [
    { kind: 'pods', type: 'MODIFIED', object: pod('p00003', '20001', { phase: 'Failed' }) },
    { kind: 'pods', type: 'ADDED', object: pod('a-new', '20002') },
    { kind: 'pods', type: 'DELETED', object: pod('p00005', '20003') },
    { kind: 'pods', type: 'ADDED', object: pod('zz', '20004', { ns: 'zzz' }) },
    { kind: 'pods', type: 'MODIFIED', object: pod('a-new', '20005', { phase: 'Pending' }) },
    { kind: 'pods', type: 'DELETED', object: pod('zz', '20006', { ns: 'zzz' }) },
    { kind: 'pods', type: 'MODIFIED', object: pod('p00003', '19999', { phase: 'Stale' }) },
    { kind: 'pods', type: 'status', state: 'live' },
    { kind: 'pods', type: 'ADDED', object: pod('p00005', '20007') },
    { kind: 'pods', type: 'DELETED', object: pod('nope', '20008') },
  ];

  it('gives the same result as folding the events one by one', () => {
    const base = fold([snap(many(50), '10000')]);
    const one = fold(burst(), base);
    const all = reduceWatchEvents(base, burst());
    expect(all).toEqual(one);
    expect(names(all)).toEqual(names(one));
    expect(all.resourceVersion).toBe('20008');
  });

  it('keeps the identity of every object the burst did not touch, and of the array when nothing changed', () => {
    const base = fold([snap(many(1000), '10000')]);
    const next = reduceWatchEvents(base, [{ kind: 'pods', type: 'MODIFIED', object: pod('p00010', '20000', { phase: 'Failed' }) }]);
    expect(next.items).toHaveLength(1000);
    next.items.forEach((o, i) => (i === 10 ? expect(o).not.toBe(base.items[i]) : expect(o).toBe(base.items[i])));
    expect(reduceWatchEvents(next, [{ kind: 'pods', type: 'MODIFIED', object: pod('p00010', '20000') }])).toBe(next);
    expect(reduceWatchEvents(next, [])).toBe(next);
  });

  it('a re-list reuses the objects whose resourceVersion did not change', () => {
    const base = fold([snap(many(100), '10000')]);
    const items = many(100).map((o) => structuredClone(o));
    items[7] = pod('p00007', '30000', { phase: 'Failed' });
    const again = reduceWatchEvent(base, snap(items, '30000'));
    again.items.forEach((o, i) => (i === 7 ? expect(o).not.toBe(base.items[i]) : expect(o).toBe(base.items[i])));
    const same = reduceWatchEvent(base, snap(many(100).map((o) => structuredClone(o)), '10000'));
    expect(same.items).toBe(base.items);
  });

  it('folds a burst of 10,000 changes on a 10,000-pod list in one pass', () => {
    const base = fold([snap(many(10_000), '10000')]);
    const events: WatchEvent[] = base.items.map((o, i) => ({ kind: 'pods', type: 'MODIFIED', object: { ...o, metadata: { ...o.metadata, resourceVersion: String(20_000 + i) } } }));
    const next = reduceWatchEvents(base, events);
    expect(next.items).toHaveLength(10_000);
    expect(next.items[9_999].metadata.resourceVersion).toBe('29999');
    expect(names(next)).toEqual(names(base));
  });

  it('appends the pages of a paginated LIST and stays partial until the last one', () => {
    const all = many(30);
    const first = reduceWatchEvent(undefined, { ...snap(all.slice(0, 10), '500'), more: true } as WatchEvent);
    expect(first).toMatchObject({ state: 'live', partial: true, resourceVersion: '500' });
    const second = reduceWatchEvent(first, { ...snap(all.slice(10, 20), '500'), more: true, continued: true } as WatchEvent);
    expect(second.items).toHaveLength(20);
    expect(second.items.slice(0, 10).every((o, i) => o === first.items[i])).toBe(true);
    const last = reduceWatchEvent(second, { ...snap(all.slice(20), '500'), continued: true } as WatchEvent);
    expect(last.items).toHaveLength(30);
    expect(last.partial).toBeUndefined();
    expect(names(last)).toEqual(names(fold([snap(all, '500')])));
    // Later watch events fold onto the whole list.
    expect(reduceWatchEvent(last, { kind: 'pods', type: 'DELETED', object: pod('p00000', '501') }).items).toHaveLength(29);
  });
});
