// Folds watch-protocol events into a list, modelled on Headlamp's `KubeList.applyUpdate`.
// Pure: used by the client provider, the shared watch worker and tests; no React, no server imports.
//
// Built for 10,000 objects: a burst of events is folded in one pass (reduceWatchEvents: one copy of
// the array per burst, not per event), objects are found through an index by identity kept per
// items array, and unchanged objects keep their identity (also across a re-list), so memoised rows
// and per-pod results stay valid.
import type { ChangeEvent, KubeObject, ListState, WatchEvent } from './types';

export const EMPTY_LIST: ListState = Object.freeze({ items: [], resourceVersion: '', state: 'loading' }) as ListState;

const INTEGER = /^\d+$/;

/**
 * `1` newer, `-1` older, `0` same. Resource versions are opaque by contract; etcd-backed servers hand
 * out integers, so those compare numerically. Anything else is treated as newer (we cannot tell).
 */
export function compareResourceVersions(a: string | undefined, b: string | undefined): 1 | 0 | -1 {
  if (!a || !b || !INTEGER.test(a) || !INTEGER.test(b)) return a !== undefined && a === b ? 0 : 1;
  if (a.length < 16 && b.length < 16) {
    // Exact below 2^53, and much cheaper than BigInt on every event of a 10,000-object list.
    const x = Number(a);
    const y = Number(b);
    return x > y ? 1 : x < y ? -1 : 0;
  }
  const x = BigInt(a);
  const y = BigInt(b);
  return x > y ? 1 : x < y ? -1 : 0;
}

function identity(o: KubeObject): string {
  return o.metadata.uid || `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
}

function compareObjects(a: KubeObject, b: KubeObject): number {
  const an = a.metadata.namespace ?? '';
  const bn = b.metadata.namespace ?? '';
  if (an !== bn) return an < bn ? -1 : 1;
  const am = a.metadata.name;
  const bm = b.metadata.name;
  return am < bm ? -1 : am > bm ? 1 : 0;
}

export function sortObjects(items: readonly KubeObject[]): KubeObject[] {
  return [...items].sort(compareObjects);
}

function isObject(o: unknown): o is KubeObject {
  if (!o || typeof o !== 'object') return false;
  const m = (o as { metadata?: unknown }).metadata;
  return !!m && typeof m === 'object' && typeof (m as { name?: unknown }).name === 'string';
}

// Position of every object by identity, computed once per items array (arrays are never mutated).
const positions = new WeakMap<readonly KubeObject[], Map<string, number>>();

function indexOf(items: readonly KubeObject[]): Map<string, number> {
  let index = positions.get(items);
  if (!index) {
    index = new Map();
    for (let i = 0; i < items.length; i++) index.set(identity(items[i]), i);
    positions.set(items, index);
  }
  return index;
}

/**
 * Applies one event of the watch protocol. Returns `prev` itself when the event changes nothing, so
 * React Query observers do not re-render for stale or duplicate events.
 */
export function reduceWatchEvent(prev: ListState | undefined, event: WatchEvent): ListState {
  return reduceWatchEvents(prev, [event]);
}

/** Applies events in order, as repeated reduceWatchEvent would, but a run of changes costs one pass. */
export function reduceWatchEvents(prev: ListState | undefined, events: readonly WatchEvent[]): ListState {
  let state = prev ?? EMPTY_LIST;
  let run: ChangeEvent[] = [];
  for (const event of events) {
    if (event?.type === 'ADDED' || event?.type === 'MODIFIED' || event?.type === 'DELETED') {
      run.push(event);
      continue;
    }
    if (run.length) {
      state = applyChanges(state, run);
      run = [];
    }
    state = reduceOther(state, event);
  }
  return run.length ? applyChanges(state, run) : state;
}

function reduceOther(state: ListState, event: WatchEvent): ListState {
  switch (event?.type) {
    case 'snapshot': {
      const next: ListState = event.continued
        ? { items: appendPage(state.items, event.items), resourceVersion: state.resourceVersion || (event.resourceVersion ?? ''), state: 'live' }
        : { items: snapshotItems(state.items, event.items), resourceVersion: event.resourceVersion ?? '', state: 'live' };
      if (event.more) next.partial = true;
      return next;
    }
    case 'status': {
      if (state.state === event.state && state.reason === event.reason && state.retryInMs === event.retryInMs) return state;
      const next: ListState = { items: state.items, resourceVersion: state.resourceVersion, state: event.state };
      if (state.partial) next.partial = true;
      if (event.reason !== undefined) next.reason = event.reason;
      if (event.reasonMsg !== undefined) next.reasonMsg = event.reasonMsg;
      if (event.retryInMs !== undefined) next.retryInMs = event.retryInMs;
      return next;
    }
    default:
      return state;
  }
}

function snapshotItems(before: readonly KubeObject[], raw: unknown): KubeObject[] {
  const items = dedupe(Array.isArray(raw) ? raw.filter(isObject) : []);
  // Servers list in key order (namespace/name) already; sort only when they did not.
  let sorted = true;
  for (let i = 1; i < items.length && sorted; i++) sorted = compareObjects(items[i - 1], items[i]) <= 0;
  if (!sorted) items.sort(compareObjects);
  if (!before.length) return items;
  // A re-list (reconnect, a kind joining the stream) hands out new copies of unchanged objects.
  const index = indexOf(before);
  let reused = 0;
  for (let i = 0; i < items.length; i++) {
    const p = index.get(identity(items[i]));
    const old = p === undefined ? undefined : before[p];
    if (old?.metadata.resourceVersion && old.metadata.resourceVersion === items[i].metadata.resourceVersion) {
      items[i] = old;
      if (p === i) reused++;
    }
  }
  return reused === items.length && items.length === before.length ? (before as KubeObject[]) : items;
}

/** A further page of the list: appended (pages come in the server's key order), re-sorted if not. */
function appendPage(items: readonly KubeObject[], raw: unknown): KubeObject[] {
  const page = Array.isArray(raw) ? raw.filter(isObject) : [];
  if (!page.length) return items as KubeObject[];
  const index = indexOf(items);
  const fresh = page.filter((o) => index.get(identity(o)) === undefined);
  const all = dedupe([...items, ...fresh]);
  let sorted = true;
  for (let i = Math.max(1, items.length); i < all.length && sorted; i++) sorted = compareObjects(all[i - 1], all[i]) <= 0;
  return sorted ? all : all.sort(compareObjects);
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

function applyChanges(state: ListState, changes: readonly ChangeEvent[]): ListState {
  const base = state.items;
  const index = indexOf(base);
  const replaced = new Map<number, KubeObject>();
  const removed = new Set<number>();
  const added = new Map<string, KubeObject>();
  let rv = state.resourceVersion;
  for (const { type, object: obj } of changes) {
    if (!isObject(obj)) continue;
    const objRv = obj.metadata.resourceVersion;
    // Watch events arrive in resourceVersion order and the list's version is the newest one folded
    // in, so anything not newer is a replay (duplicate, or an event already covered by a snapshot).
    if (objRv && rv && compareResourceVersions(objRv, rv) <= 0) continue;
    const id = identity(obj);
    const pos = index.get(id);
    const inBase = pos !== undefined && !removed.has(pos);
    if (type === 'DELETED') {
      if (inBase) {
        removed.add(pos);
        replaced.delete(pos);
      } else added.delete(id);
    } else {
      const existing = inBase ? (replaced.get(pos) ?? base[pos]) : added.get(id);
      if (existing && compareResourceVersions(objRv, existing.metadata.resourceVersion) <= 0) continue;
      if (pos !== undefined) {
        // Same identity, same namespace/name: its sorted position does not move.
        removed.delete(pos);
        replaced.set(pos, obj);
      } else added.set(id, obj);
    }
    if (objRv && compareResourceVersions(objRv, rv) > 0) rv = objRv;
  }
  if (!replaced.size && !removed.size && !added.size) return rv === state.resourceVersion ? state : { ...state, resourceVersion: rv };
  let items: KubeObject[];
  if (!removed.size && !added.size) {
    items = base.slice();
    for (const [p, o] of replaced) items[p] = o;
    positions.set(items, index);
  } else {
    const kept: KubeObject[] = [];
    for (let i = 0; i < base.length; i++) if (!removed.has(i)) kept.push(replaced.get(i) ?? base[i]);
    items = added.size ? mergeSorted(kept, [...added.values()].sort(compareObjects)) : kept;
  }
  return { ...state, items, resourceVersion: rv };
}

function mergeSorted(a: KubeObject[], b: KubeObject[]): KubeObject[] {
  const out: KubeObject[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  // An addition goes after objects that sort equal to it, as the one-by-one insert did.
  while (i < a.length && j < b.length) out[k++] = compareObjects(b[j], a[i]) < 0 ? b[j++] : a[i++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}
