// Folds watch-protocol events into a list, modelled on Headlamp's `KubeList.applyUpdate`.
// Pure: used by the client provider and by tests; no React, no server imports.
import type { KubeObject, ListState, WatchEvent } from './types';

export const EMPTY_LIST: ListState = Object.freeze({ items: [], resourceVersion: '', state: 'loading' }) as ListState;

const INTEGER = /^\d+$/;

/**
 * `1` newer, `-1` older, `0` same. Resource versions are opaque by contract; etcd-backed servers hand
 * out integers, so those compare numerically. Anything else is treated as newer (we cannot tell).
 */
export function compareResourceVersions(a: string | undefined, b: string | undefined): 1 | 0 | -1 {
  if (!a || !b || !INTEGER.test(a) || !INTEGER.test(b)) return a !== undefined && a === b ? 0 : 1;
  const x = BigInt(a);
  const y = BigInt(b);
  return x > y ? 1 : x < y ? -1 : 0;
}

function identity(o: KubeObject): string {
  return o.metadata.uid || `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
}

function sameObject(a: KubeObject, b: KubeObject): boolean {
  if (a.metadata.uid && b.metadata.uid) return a.metadata.uid === b.metadata.uid;
  return a.metadata.name === b.metadata.name && (a.metadata.namespace ?? '') === (b.metadata.namespace ?? '');
}

function sortKey(o: KubeObject): [string, string] {
  return [o.metadata.namespace ?? '', o.metadata.name];
}

function compareObjects(a: KubeObject, b: KubeObject): number {
  const [an, am] = sortKey(a);
  const [bn, bm] = sortKey(b);
  return an < bn ? -1 : an > bn ? 1 : am < bm ? -1 : am > bm ? 1 : 0;
}

export function sortObjects(items: readonly KubeObject[]): KubeObject[] {
  return [...items].sort(compareObjects);
}

function isObject(o: unknown): o is KubeObject {
  if (!o || typeof o !== 'object') return false;
  const m = (o as { metadata?: unknown }).metadata;
  return !!m && typeof m === 'object' && typeof (m as { name?: unknown }).name === 'string';
}

function insertSorted(items: KubeObject[], obj: KubeObject): KubeObject[] {
  const next = items.filter((o) => !sameObject(o, obj));
  let i = next.findIndex((o) => compareObjects(obj, o) < 0);
  if (i < 0) i = next.length;
  next.splice(i, 0, obj);
  return next;
}

/**
 * Applies one event of the watch protocol. Returns `prev` itself when the event changes nothing, so
 * React Query observers do not re-render for stale or duplicate events.
 */
export function reduceWatchEvent(prev: ListState | undefined, event: WatchEvent): ListState {
  const state = prev ?? EMPTY_LIST;
  switch (event?.type) {
    case 'snapshot': {
      const items = Array.isArray(event.items) ? event.items.filter(isObject) : [];
      return { items: sortObjects(dedupe(items)), resourceVersion: event.resourceVersion ?? '', state: 'live' };
    }
    case 'status': {
      if (state.state === event.state && state.reason === event.reason && state.retryInMs === event.retryInMs) return state;
      const next: ListState = { items: state.items, resourceVersion: state.resourceVersion, state: event.state };
      if (event.reason !== undefined) next.reason = event.reason;
      if (event.retryInMs !== undefined) next.retryInMs = event.retryInMs;
      return next;
    }
    case 'ADDED':
    case 'MODIFIED':
    case 'DELETED':
      return applyChange(state, event.type, event.object);
    default:
      return state;
  }
}

function dedupe(items: KubeObject[]): KubeObject[] {
  const seen = new Map<string, KubeObject>();
  for (const o of items) {
    const id = identity(o);
    const had = seen.get(id);
    if (!had || compareResourceVersions(o.metadata.resourceVersion, had.metadata.resourceVersion) > 0) seen.set(id, o);
  }
  return [...seen.values()];
}

function applyChange(state: ListState, type: 'ADDED' | 'MODIFIED' | 'DELETED', obj: unknown): ListState {
  if (!isObject(obj)) return state;
  const rv = obj.metadata.resourceVersion;
  // Watch events arrive in resourceVersion order and the list's version is the newest one folded in,
  // so anything not newer is a replay (duplicate, or an event already covered by a snapshot).
  if (rv && state.resourceVersion && compareResourceVersions(rv, state.resourceVersion) <= 0) return state;
  const existing = state.items.find((o) => sameObject(o, obj));
  let items: KubeObject[];
  if (type === 'DELETED') {
    if (!existing) return withVersion(state, state.items, rv);
    items = state.items.filter((o) => o !== existing);
  } else {
    if (existing && compareResourceVersions(rv, existing.metadata.resourceVersion) <= 0) return state;
    items = insertSorted(state.items, obj);
  }
  return withVersion(state, items, rv);
}

function withVersion(state: ListState, items: KubeObject[], rv: string | undefined): ListState {
  const resourceVersion = rv && compareResourceVersions(rv, state.resourceVersion) > 0 ? rv : state.resourceVersion;
  if (items === state.items && resourceVersion === state.resourceVersion) return state;
  return { ...state, items, resourceVersion };
}
