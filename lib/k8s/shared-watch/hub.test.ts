import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WatchHub, type HubPort } from './hub';
import { watchUrl, parseWatchUrl, type WorkerMessage } from './protocol';
import type { WatchEvent } from '../types';
import { FakeEventSource } from '../testing/fake-event-source';

class FakePort implements HubPort {
  got: WorkerMessage[] = [];
  post(m: WorkerMessage) {
    this.got.push(m);
  }
  /** Events delivered to EventSourceLike `id`, parsed. */
  events(id: number): WatchEvent[] {
    return this.got.filter((m) => m.id === id && m.t === 'message').map((m) => JSON.parse((m as { data: string }).data));
  }
  kinds(id: number): string[] {
    return this.got.filter((m) => m.id === id).map((m) => m.t);
  }
}

const live = () => FakeEventSource.all.filter((e) => !e.closed);
const url = (kinds: string[], namespace = '') => watchUrl({ context: 'ctx', namespace, kinds });
const pod = (name: string, rv: string) => ({ metadata: { name, namespace: 'ns', uid: name, resourceVersion: rv } });

let hub: WatchHub;
beforeEach(() => {
  vi.useFakeTimers();
  FakeEventSource.all = [];
  hub = new WatchHub({ createEventSource: (u) => new FakeEventSource(u), debounceMs: 20 });
});
afterEach(() => vi.useRealTimers());

describe('watch URLs', () => {
  it('round-trip context, namespace and sorted kinds', () => {
    const u = watchUrl({ context: 'a b', namespace: 'ns', kinds: ['pods', 'deployments.apps'] });
    expect(u).toBe('/api/watch?context=a+b&namespace=ns&kinds=deployments.apps%2Cpods');
    expect(parseWatchUrl(u)).toEqual({ context: 'a b', namespace: 'ns', kinds: ['deployments.apps', 'pods'] });
    expect(parseWatchUrl('/api/cluster')).toBeUndefined();
    expect(parseWatchUrl('/api/watch?context=x&kinds=')).toBeUndefined();
  });
});

describe('WatchHub', () => {
  it('opens one EventSource for the union of the kinds of every tab', () => {
    const a = new FakePort();
    const b = new FakePort();
    hub.open(a, 1, url(['pods']));
    hub.open(b, 1, url(['pods', 'rollouts.rollouts.kruise.io']));
    vi.advanceTimersByTime(25);
    expect(live().map((e) => e.kinds)).toEqual(['pods,rollouts.rollouts.kruise.io']);
    expect(hub.openStreams).toBe(1);
  });

  it('fans every message out only to the tabs that want its kind', () => {
    const a = new FakePort();
    const b = new FakePort();
    hub.open(a, 1, url(['pods']));
    hub.open(b, 7, url(['pods', 'services']));
    vi.advanceTimersByTime(25);
    const es = live()[0];
    es.open();
    es.send({ kind: 'pods', type: 'snapshot', items: [pod('a', '1')], resourceVersion: '1' });
    es.send({ kind: 'services', type: 'snapshot', items: [], resourceVersion: '1' });
    expect(a.kinds(1)).toEqual(['open', 'message']);
    expect(a.events(1).map((e) => e.kind)).toEqual(['pods']);
    expect(b.events(7).map((e) => e.kind)).toEqual(['pods', 'services']);
  });

  it('gives a tab that joins an open stream the current list of its kinds at once, without reopening', () => {
    const a = new FakePort();
    hub.open(a, 1, url(['pods']));
    vi.advanceTimersByTime(25);
    const es = live()[0];
    es.open();
    es.send({ kind: 'pods', type: 'snapshot', items: [pod('a', '1')], resourceVersion: '1' });
    es.send({ kind: 'pods', type: 'status', state: 'live' });
    es.send({ kind: 'pods', type: 'ADDED', object: pod('b', '2') });

    const late = new FakePort();
    hub.open(late, 3, url(['pods']));
    vi.advanceTimersByTime(25);
    expect(FakeEventSource.all).toHaveLength(1);
    expect(late.kinds(3)[0]).toBe('open');
    const [snapshot, status] = late.events(3);
    expect(snapshot).toMatchObject({ kind: 'pods', type: 'snapshot', resourceVersion: '2' });
    expect((snapshot as { items: { metadata: { name: string } }[] }).items.map((o) => o.metadata.name)).toEqual(['a', 'b']);
    expect(status).toEqual({ kind: 'pods', type: 'status', state: 'live' });
    // …and later events too.
    es.send({ kind: 'pods', type: 'DELETED', object: pod('a', '3') });
    expect(late.events(3).at(-1)).toMatchObject({ type: 'DELETED' });
  });

  it('a joiner before the first snapshot simply gets it when it comes', () => {
    const a = new FakePort();
    hub.open(a, 1, url(['pods']));
    vi.advanceTimersByTime(25);
    const late = new FakePort();
    hub.open(late, 1, url(['pods']));
    expect(late.got).toEqual([]);
    live()[0].open();
    live()[0].send({ kind: 'pods', type: 'snapshot', items: [], resourceVersion: '1' });
    expect(late.kinds(1)).toEqual(['open', 'message']);
  });

  it('reopens with the new union when a tab wants a new kind, and the new stream lists everything again', () => {
    const a = new FakePort();
    hub.open(a, 1, url(['pods']));
    vi.advanceTimersByTime(25);
    const first = live()[0];
    first.open();
    first.send({ kind: 'pods', type: 'snapshot', items: [pod('a', '1')], resourceVersion: '1' });
    const b = new FakePort();
    hub.open(b, 1, url(['services']));
    expect(b.got).toEqual([]);
    vi.advanceTimersByTime(25);
    expect(first.closed).toBe(true);
    const second = live()[0];
    expect(second.kinds).toBe('pods,services');
    // Messages of the closed stream are no longer fanned out.
    first.send({ kind: 'pods', type: 'ADDED', object: pod('z', '9') });
    expect(a.events(1)).toHaveLength(1);
    second.open();
    second.send({ kind: 'pods', type: 'snapshot', items: [pod('a', '1')], resourceVersion: '5' });
    expect(a.events(1)).toHaveLength(2);
  });

  it('collects one tab\'s close+open (navigation) into a single reopen', () => {
    const a = new FakePort();
    hub.open(a, 1, url(['pods']));
    vi.advanceTimersByTime(25);
    hub.close(a, 1);
    hub.open(a, 2, url(['rollouts.rollouts.kruise.io']));
    vi.advanceTimersByTime(25);
    expect(FakeEventSource.all.map((e) => e.kinds)).toEqual(['pods', 'rollouts.rollouts.kruise.io']);
    expect(live()).toHaveLength(1);
  });

  it('shrinks the union when a tab goes and closes the stream when the last one goes', () => {
    const a = new FakePort();
    const b = new FakePort();
    hub.open(a, 1, url(['pods']));
    hub.open(b, 1, url(['pods', 'services']));
    vi.advanceTimersByTime(25);
    hub.dropPort(b);
    vi.advanceTimersByTime(25);
    expect(live().map((e) => e.kinds)).toEqual(['pods']);
    hub.dropPort(a);
    vi.advanceTimersByTime(25);
    expect(live()).toHaveLength(0);
    expect(hub.openStreams).toBe(0);
  });

  it('keeps the stream for the other tabs when the tab that opened it goes', () => {
    const first = new FakePort();
    const other = new FakePort();
    hub.open(first, 1, url(['pods']));
    vi.advanceTimersByTime(25);
    hub.open(other, 1, url(['pods']));
    hub.dropPort(first);
    vi.advanceTimersByTime(25);
    expect(FakeEventSource.all).toHaveLength(1);
    live()[0].open();
    live()[0].send({ kind: 'pods', type: 'ADDED', object: pod('a', '2') });
    expect(other.events(1)).toHaveLength(1);
    expect(first.events(1)).toHaveLength(0);
  });

  it('on a stream failure closes it and tells every tab (each backs off and reopens itself)', () => {
    const a = new FakePort();
    const b = new FakePort();
    hub.open(a, 1, url(['pods']));
    hub.open(b, 2, url(['pods']));
    vi.advanceTimersByTime(25);
    const es = live()[0];
    es.fail();
    expect(es.closed).toBe(true);
    expect(a.kinds(1)).toEqual(['error']);
    expect(b.kinds(2)).toEqual(['error']);
    expect(hub.openStreams).toBe(0);
    // A tab's close after the error is harmless; its reopen starts a fresh stream.
    hub.close(a, 1);
    hub.open(a, 3, url(['pods']));
    vi.advanceTimersByTime(25);
    expect(live()).toHaveLength(1);
    live()[0].open();
    expect(a.kinds(3)).toEqual(['open']);
  });

  it('keeps separate streams per namespace and answers a bad URL with an error', () => {
    const a = new FakePort();
    hub.open(a, 1, url(['pods'], 'x'));
    hub.open(a, 2, url(['pods'], 'y'));
    hub.open(a, 3, '/api/cluster');
    vi.advanceTimersByTime(25);
    expect(hub.openKinds('ctx', 'x')).toEqual(['pods']);
    expect(hub.openKinds('ctx', 'y')).toEqual(['pods']);
    expect(a.kinds(3)).toEqual(['error']);
  });
});
