import { describe, expect, it } from 'vitest';
import type { PodTag } from '@/lib/deepflow/tag';
import { applySelectFilters, DEFAULT_VIEW, filterOptions, nextSort, NO_PLUGIN, parseView, serialiseView, showCounts, sortRows, viewRows } from './filters';
import type { PodEntry } from './pod-entry';

function tag(over: Partial<PodTag>): PodTag {
  return {
    namespace: 'ns', name: 'x', uid: 'u', plugin: { type: '', name: '', error: null }, accepted: false, standard: { type: 'Deployment', name: 'web' },
    workload: { type: 'Deployment', name: 'web', source: 'owner' }, prints: [], reason: null, platform: null, overridesOwner: false,
    label: 'deployment:ns:web', unmatched: false, matchedPlugin: null, rejectedType: null, groupKey: null, ...over,
  } as PodTag;
}

const unsync = (text: string, code: 'no-owner' | 'unsupported-kind' | 'owner-not-watched' = 'unsupported-kind') => ({ code, text, detail: '', owner: null });

function entry(name: string, t: PodTag | null, over: Partial<PodEntry> = {}): PodEntry {
  return { uid: `u-${name}`, key: `ns/${name}`, namespace: 'ns', name, status: 'Running', restarts: 0, createdAt: '2026-01-01T00:00:00Z', ownerKind: null, tag: t, ...over };
}

const rows: PodEntry[] = [
  entry('web-1', tag({})),
  entry('og-0', tag({ reason: unsync('unsupported owner kind OpenGaussCluster'), label: null, workload: null, unmatched: true, platform: 'opengauss' }), { status: 'CrashLoopBackOff', restarts: 7 }),
  entry('job-a', tag({ reason: unsync('unsupported owner kind Job'), label: null, workload: null, unmatched: true, platform: 'job', plugin: { type: '', name: '', error: 'boom', failedPlugin: { index: 0, name: 'bad' } } })),
  entry('vk-1', tag({ reason: unsync('no owner', 'no-owner'), accepted: true, workload: { type: 'Deployment', name: 'vk', source: 'builtin-rule' }, label: 'deployment:ns:vk', platform: 'virtual-kubelet' }), { namespace: 'serverless', key: 'serverless/vk-1' }),
  entry('clone-1', tag({ reason: unsync('no owner', 'no-owner'), accepted: true, workload: { type: 'CloneSet', name: 'c', source: 'plugin' }, label: 'cloneset:ns:c', matchedPlugin: { index: 1, name: 'kruise' } }), { restarts: 2 }),
  entry('fresh', null),
];

describe('URL state', () => {
  it('parses and serialises every field, keeping ?ns=', () => {
    const v = parseView(new URLSearchParams('ns=shop&show=unmatched&status=Running&reason=no+owner&platform=job&plugin=p1&q=web&sort=-restarts&pod=shop%2Fweb-1'));
    expect(v).toEqual({ show: 'unmatched', status: 'Running', reason: 'no owner', platform: 'job', plugin: 'p1', q: 'web', sort: { id: 'restarts', dir: 'desc' }, pod: 'shop/web-1' });
    const q = serialiseView(v, 'ns=shop');
    expect(parseView(new URLSearchParams(q))).toEqual(v);
    expect(new URLSearchParams(q).get('ns')).toBe('shop');
  });
  it('ignores unknown values and leaves defaults out', () => {
    expect(parseView(new URLSearchParams('show=bogus&sort=nope'))).toEqual(DEFAULT_VIEW);
    expect(serialiseView(DEFAULT_VIEW, 'show=errors&ns=a')).toBe('ns=a');
    expect(serialiseView({ ...DEFAULT_VIEW, sort: { id: 'age', dir: 'asc' } })).toBe('sort=age');
  });
  it('cycles a column sort ascending → descending → none', () => {
    expect(nextSort(null, 'name')).toEqual({ id: 'name', dir: 'asc' });
    expect(nextSort({ id: 'name', dir: 'asc' }, 'name')).toEqual({ id: 'name', dir: 'desc' });
    expect(nextSort({ id: 'name', dir: 'desc' }, 'name')).toBeNull();
    expect(nextSort({ id: 'name', dir: 'desc' }, 'age')).toEqual({ id: 'age', dir: 'asc' });
  });
});

describe('filters and counts', () => {
  it('counts each tab; a pod rescued by a plugin or the virtual-kubelet rule is not unmatched; unevaluated pods only count in all', () => {
    expect(showCounts(rows)).toEqual({ all: 6, unmatched: 2, synchronized: 1, mapped: 2, errors: 1 });
  });
  it('?show=unmatched lists the unmatched pods', () => {
    expect(viewRows(rows, { ...DEFAULT_VIEW, show: 'unmatched' }).rows.map((r) => r.name)).toEqual(['og-0', 'job-a']);
  });
  it('filters by status, reason, platform, plugin and text; the tab counts follow them', () => {
    const names = (v: Partial<typeof DEFAULT_VIEW>) => applySelectFilters(rows, { ...DEFAULT_VIEW, ...v }).map((r) => r.name);
    expect(names({ status: 'CrashLoopBackOff' })).toEqual(['og-0']);
    expect(names({ reason: 'no owner' })).toEqual(['vk-1', 'clone-1']);
    expect(names({ platform: 'job' })).toEqual(['job-a']);
    expect(names({ plugin: 'bad' })).toEqual(['job-a']);
    expect(names({ plugin: 'kruise' })).toEqual(['clone-1']);
    expect(names({ plugin: NO_PLUGIN })).toEqual(['web-1', 'og-0']);
    expect(names({ q: 'OPENGAUSS' })).toEqual(['og-0']);
    expect(names({ q: 'cloneset:ns' })).toEqual(['clone-1']);
    expect(viewRows(rows, { ...DEFAULT_VIEW, q: 'serverless' }).counts).toEqual({ all: 1, unmatched: 0, synchronized: 0, mapped: 1, errors: 0 });
  });
  it('offers the values that occur', () => {
    const o = filterOptions(rows);
    expect(o.status).toEqual(['CrashLoopBackOff', 'Running']);
    expect(o.reason).toEqual(['no owner', 'unsupported owner kind Job', 'unsupported owner kind OpenGaussCluster']);
    expect(o.platform).toEqual(['job', 'opengauss', 'virtual-kubelet']);
    expect(o.plugin).toEqual([NO_PLUGIN, 'bad', 'kruise', 'virtual-kubelet rule']);
  });
});

describe('sort', () => {
  it('sorts numbers numerically and keeps the list order for ties', () => {
    expect(sortRows(rows, { id: 'restarts', dir: 'desc' }).map((r) => r.name)).toEqual(['og-0', 'clone-1', 'web-1', 'job-a', 'vk-1', 'fresh']);
    expect(sortRows(rows, { id: 'name', dir: 'asc' }).map((r) => r.name)).toEqual(['clone-1', 'fresh', 'job-a', 'og-0', 'vk-1', 'web-1']);
  });
  it('age ascending puts the youngest first', () => {
    const r = [entry('old', null, { createdAt: '2020-01-01T00:00:00Z' }), entry('new', null, { createdAt: '2026-01-01T00:00:00Z' })];
    expect(sortRows(r, { id: 'age', dir: 'asc' }).map((x) => x.name)).toEqual(['new', 'old']);
  });
});
