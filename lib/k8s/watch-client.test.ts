import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { WatchClient, kubeQueryKey } from './watch-client';
import type { ListState, WatchEvent } from './types';
import { FakeEventSource } from './testing/fake-event-source';

const live = () => FakeEventSource.all.filter((e) => !e.closed);
const pod = (name: string, rv: string) => ({ metadata: { name, namespace: 'ns', uid: name, resourceVersion: rv } });

let qc: QueryClient;
let wc: WatchClient;

beforeEach(() => {
  vi.useFakeTimers();
  FakeEventSource.all = [];
  qc = new QueryClient();
  wc = new WatchClient(qc, { createEventSource: (u) => new FakeEventSource(u), debounceMs: 50, backoff: { initialMs: 500, maxMs: 10_000 }, random: () => 0.5 });
});
afterEach(() => {
  wc.dispose();
  vi.useRealTimers();
});

const state = (kind: string, ns = '') => qc.getQueryData<ListState>(kubeQueryKey('ctx', ns, kind));

describe('WatchClient', () => {
  it('opens one EventSource for the union of subscribed kinds, after a debounce', () => {
    wc.subscribe('ctx', '', 'pods');
    wc.subscribe('ctx', '', 'deployments.apps');
    wc.subscribe('ctx', '', 'pods');
    expect(FakeEventSource.all).toHaveLength(0);
    vi.advanceTimersByTime(60);
    expect(live()).toHaveLength(1);
    const p = live()[0].params;
    expect(p.get('context')).toBe('ctx');
    expect(p.get('namespace')).toBe('');
    expect(p.get('kinds')).toBe('deployments.apps,pods');
    expect(state('pods')?.state).toBe('loading');
  });

  it('folds events into the query cache with the reducer', () => {
    wc.subscribe('ctx', 'ns', 'pods');
    vi.advanceTimersByTime(60);
    const es = live()[0];
    es.open();
    es.send({ kind: 'pods', type: 'snapshot', items: [pod('b', '2'), pod('a', '1')], resourceVersion: '2' });
    es.send({ kind: 'pods', type: 'ADDED', object: pod('c', '3') });
    es.send({ kind: 'pods', type: 'DELETED', object: pod('a', '4') });
    es.send({ kind: 'other', type: 'ADDED', object: pod('x', '5') });
    const s = state('pods', 'ns')!;
    expect(s.state).toBe('live');
    expect(s.items.map((o) => o.metadata.name)).toEqual(['b', 'c']);
    expect(state('other', 'ns')).toBeUndefined();
    expect(wc.getConnection().state).toBe('connected');
  });

  it('re-opens with the new union when the set changes, and closes when nothing is subscribed', () => {
    const offPods = wc.subscribe('ctx', '', 'pods');
    vi.advanceTimersByTime(60);
    const first = live()[0];
    const offSvc = wc.subscribe('ctx', '', 'services');
    vi.advanceTimersByTime(60);
    expect(first.closed).toBe(true);
    expect(live().map((e) => e.params.get('kinds'))).toEqual(['pods,services']);
    offPods();
    offPods(); // idempotent
    vi.advanceTimersByTime(60);
    expect(live().map((e) => e.params.get('kinds'))).toEqual(['services']);
    offSvc();
    vi.advanceTimersByTime(60);
    expect(live()).toHaveLength(0);
    expect(wc.getConnection().state).toBe('idle');
  });

  it('does not re-open for an unsubscribe/subscribe burst (remounts)', () => {
    const off = wc.subscribe('ctx', '', 'pods');
    vi.advanceTimersByTime(60);
    off();
    wc.subscribe('ctx', '', 'pods');
    vi.advanceTimersByTime(60);
    expect(FakeEventSource.all).toHaveLength(1);
    expect(live()).toHaveLength(1);
  });

  it('keeps one stream per namespace', () => {
    wc.subscribe('ctx', 'a', 'pods');
    wc.subscribe('ctx', 'b', 'pods');
    vi.advanceTimersByTime(60);
    expect(live().map((e) => e.params.get('namespace')).sort()).toEqual(['a', 'b']);
  });

  it('reconnects with exponential backoff when the stream drops, marking lists reconnecting', () => {
    wc.subscribe('ctx', '', 'pods');
    vi.advanceTimersByTime(60);
    let es = live()[0];
    es.open();
    es.send({ kind: 'pods', type: 'snapshot', items: [pod('a', '1')], resourceVersion: '1' });
    const seen: string[] = [];
    wc.onConnectionChange(() => seen.push(wc.getConnection().state));

    es.fail();
    expect(es.closed).toBe(true);
    expect(state('pods')).toMatchObject({ state: 'reconnecting', retryInMs: 500 });
    expect(state('pods')!.items).toHaveLength(1);
    expect(wc.getConnection()).toMatchObject({ state: 'reconnecting' });
    vi.advanceTimersByTime(499);
    expect(live()).toHaveLength(0);
    vi.advanceTimersByTime(2);
    es = live()[0];
    es.fail();
    expect(state('pods')!.retryInMs).toBe(1000);
    vi.advanceTimersByTime(1001);
    es = live()[0];
    es.open();
    es.send({ kind: 'pods', type: 'snapshot', items: [pod('a', '1'), pod('b', '2')], resourceVersion: '2' });
    expect(state('pods')).toMatchObject({ state: 'live' });
    expect(wc.getConnection().state).toBe('connected');
    expect(seen).toContain('reconnecting');
    expect(seen.at(-1)).toBe('connected');
    // The backoff resets after a successful open.
    es.fail();
    expect(state('pods')!.retryInMs).toBe(500);
  });

  it('derives the connection from per-kind status events (forbidden does not count as down)', () => {
    wc.subscribe('ctx', '', 'pods');
    wc.subscribe('ctx', '', 'configmaps');
    vi.advanceTimersByTime(60);
    const es = live()[0];
    es.open();
    es.send({ kind: 'configmaps', type: 'status', state: 'forbidden', reason: 'no' });
    es.send({ kind: 'pods', type: 'snapshot', items: [], resourceVersion: '1' });
    expect(wc.getConnection().state).toBe('connected');
    es.send({ kind: 'pods', type: 'status', state: 'reconnecting', reason: 'Cannot reach https://k: connection refused', retryInMs: 1000 });
    expect(wc.getConnection()).toEqual({ state: 'reconnecting', reason: 'Cannot reach https://k: connection refused' });
    expect(state('pods')).toMatchObject({ state: 'reconnecting', retryInMs: 1000 });
    es.send({ kind: 'pods', type: 'status', state: 'live' });
    es.send({ kind: 'configmaps', type: 'status', state: 'error', reason: 'CRD missing' });
    expect(wc.getConnection()).toEqual({ state: 'error', reason: 'CRD missing' });
  });

  it('a kind the cluster answered about (not served) is that list\'s error, not the connection\'s', () => {
    wc.subscribe('ctx', '', 'pods');
    wc.subscribe('ctx', '', 'example.com/v1/widgets');
    vi.advanceTimersByTime(60);
    const es = live()[0];
    es.open();
    es.send({ kind: 'pods', type: 'snapshot', items: [], resourceVersion: '1' });
    es.send({ kind: 'example.com/v1/widgets', type: 'status', state: 'error', reason: 'The cluster does not serve widgets.example.com: is its CRD installed?', scope: 'kind' });
    expect(wc.getConnection()).toEqual({ state: 'connected' });
    expect(state('example.com/v1/widgets')).toMatchObject({ state: 'error', reason: expect.stringContaining('does not serve') });
    // Credentials are the connection's problem.
    es.send({ kind: 'pods', type: 'status', state: 'error', reason: 'The cluster rejected the credentials (401 Unauthorized).' });
    expect(wc.getConnection()).toMatchObject({ state: 'error', reason: expect.stringContaining('401') });
  });

  it('with a frame scheduler, folds a burst of events into one cache update per kind', () => {
    const frames: (() => void)[] = [];
    const batched = new WatchClient(qc, { createEventSource: (u) => new FakeEventSource(u), debounceMs: 50, scheduleFlush: (f) => frames.push(f) });
    batched.subscribe('ctx', '', 'pods');
    vi.advanceTimersByTime(60);
    const es = live()[0];
    es.open();
    const writes: unknown[] = [];
    const unsub = qc.getQueryCache().subscribe((e) => {
      if (e.type === 'updated' && e.action.type === 'success') writes.push(e.query.queryKey);
    });
    es.send({ kind: 'pods', type: 'snapshot', items: [pod('a', '1')], resourceVersion: '1' });
    for (let i = 2; i < 200; i++) es.send({ kind: 'pods', type: 'ADDED', object: pod(`p${i}`, String(i)) });
    expect(state('pods')?.items ?? []).toHaveLength(0);
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect(writes).toHaveLength(1);
    expect(state('pods')!.items).toHaveLength(199);
    // A failure folds what is queued first, then marks the list reconnecting.
    es.send({ kind: 'pods', type: 'DELETED', object: pod('a', '300') });
    es.fail();
    expect(state('pods')).toMatchObject({ state: 'reconnecting' });
    expect(state('pods')!.items).toHaveLength(198);
    unsub();
    batched.dispose();
  });

  it('dispose closes every stream', () => {
    wc.subscribe('ctx', '', 'pods');
    vi.advanceTimersByTime(60);
    wc.dispose();
    expect(live()).toHaveLength(0);
  });
});

describe('the studio-connection reasons', () => {
  it('say in English what the catalogue says, and in Chinese too', async () => {
    const { createTranslator } = await import('next-intl');
    const { CATALOGUES } = await import('@/messages');
    const { LOST } = await import('./watch-client');
    const en = createTranslator({ locale: 'en', messages: CATALOGUES.en }) as unknown as (k: string, v?: Record<string, number>) => string;
    const zh = createTranslator({ locale: 'zh-CN', messages: CATALOGUES['zh-CN'] }) as unknown as typeof en;
    expect(en('shell.connection.lost')).toBe(LOST);
    expect(en('shell.connection.lostRetrying', { seconds: 4 })).toBe(`${LOST}; retrying in 4 s`);
    expect(zh('shell.connection.lostRetrying', { seconds: 4 })).toContain('4 秒后重试');
  });
});
