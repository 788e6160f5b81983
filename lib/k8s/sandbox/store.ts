// In-memory object storage with the API server's bookkeeping (uid, resourceVersion, generation,
// finalizers) and a bounded event log that watches replay from. Synchronous on purpose: Node runs
// one request at a time, so every read sees a consistent state and watches never miss an event.
import { randomUUID } from 'node:crypto';
import { BUILTIN_KINDS, type KindDef } from '../kinds';
import { parseSelector, matches, type Selector } from './selectors';
import { errors } from './status';
import { assertValidObject } from './validation';

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
  ownerReferences?: { apiVersion: string; kind: string; name: string; uid: string; controller?: boolean; blockOwnerDeletion?: boolean }[];
  [k: string]: unknown;
}

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [k: string]: unknown;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: WatchEventType;
  /** resourceVersion of the change (the object's own resourceVersion after it). */
  rv: number;
  kind: KindDef;
  object: K8sObject;
  /** State before a MODIFIED event: watches with selectors turn "stopped matching" into DELETED. */
  previous?: K8sObject;
}

/** A kind by registry key (`pods`, `rollouts.rollouts.kruise.io`), definition, or object identity. */
export type KindRef = string | KindDef | { apiVersion: string; kind: string };

export interface ListOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
  /**
   * Hand out the stored objects themselves instead of copies, for callers that only serialise them
   * (the list handler): copying 10,000 pods costs seconds. Stored objects are never mutated in place.
   */
  shared?: boolean;
}

export interface ListResult {
  items: K8sObject[];
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

export interface WriteOptions {
  kind?: KindRef;
  namespace?: string;
  dryRun?: boolean;
}

export interface DeleteOptions {
  dryRun?: boolean;
  preconditions?: { uid?: string; resourceVersion?: string };
}

export interface StoreOptions {
  kinds?: readonly KindDef[];
  /** How many events the log keeps; older resourceVersions get 410 Expired. Default 1000. */
  eventWindow?: number;
}

const clone = <T>(v: T): T => structuredClone(v);
const gpKey = (k: Pick<KindDef, 'group' | 'plural'>) => `${k.group}/${k.plural}`;
const objKey = (namespace: string | undefined, name: string) => `${namespace ?? ''}/${name}`;
const NAME_CHARS = 'bcdfghjklmnpqrstvwxz2456789';

/** RFC 3339 without fractions, as the API server writes timestamps. */
export const timestamp = (d = new Date()) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

function randomSuffix(n = 5): string {
  let s = '';
  for (let i = 0; i < n; i++) s += NAME_CHARS[Math.floor(Math.random() * NAME_CHARS.length)];
  return s;
}

/** Everything except metadata and status: a change here bumps `metadata.generation`. */
function specPart(o: K8sObject): string {
  const { metadata: _m, status: _s, ...rest } = o;
  return JSON.stringify(rest);
}

function withoutVolatile(o: K8sObject): string {
  const { resourceVersion: _rv, ...meta } = o.metadata;
  return JSON.stringify({ ...o, metadata: meta });
}

export class SandboxStore {
  private readonly kindMap = new Map<string, KindDef>();
  private readonly data = new Map<string, Map<string, K8sObject>>();
  /** Sorted keys of each bucket, rebuilt after a create or delete (lists page through them). */
  private readonly sortedKeys = new Map<Map<string, K8sObject>, string[]>();
  private log: StoreEvent[] = [];
  private compactedRv = 0;
  private rv = 0;
  private readonly listeners = new Set<(e: StoreEvent) => void>();
  eventWindow: number;

  constructor(opts: StoreOptions = {}) {
    for (const k of opts.kinds ?? BUILTIN_KINDS) this.addKind(k);
    this.eventWindow = opts.eventWindow ?? 1000;
  }

  get kinds(): KindDef[] {
    return [...this.kindMap.values()];
  }

  /** Serves one more kind; a second definition of the same group+plural adds its versions. */
  addKind(k: KindDef): KindDef {
    const existing = this.kindMap.get(gpKey(k));
    if (existing) {
      const merged = { ...existing, versions: [...new Set([...existing.versions, ...k.versions])] };
      this.kindMap.set(gpKey(k), merged);
      return merged;
    }
    this.kindMap.set(gpKey(k), k);
    this.data.set(gpKey(k), new Map());
    return k;
  }

  kindFor(group: string, plural: string): KindDef | undefined {
    return this.kindMap.get(`${group}/${plural}`);
  }

  resolveKind(ref: KindRef): KindDef {
    if (typeof ref === 'string') {
      const exact = this.kinds.find((x) => x.key === ref);
      if (exact) return exact;
      // Like kubectl: a bare plural, singular or short name works when it is unambiguous.
      const loose = this.kinds.filter((x) => x.plural === ref || x.singular === ref || x.shortNames?.includes(ref));
      if (loose.length === 1) return loose[0];
      throw errors.badRequest(loose.length ? `"${ref}" is ambiguous: use one of ${loose.map((x) => x.key).join(', ')}` : `unknown kind key "${ref}"`);
    }
    if ('plural' in ref) return this.kindFor(ref.group, ref.plural) ?? this.addKind(ref);
    const [group, version] = ref.apiVersion.includes('/') ? ref.apiVersion.split('/', 2) : ['', ref.apiVersion];
    const k = this.kinds.find((x) => x.group === group && x.kind === ref.kind && x.versions.includes(version));
    if (!k) throw errors.badRequest(`no kind "${ref.kind}" is registered for version "${ref.apiVersion}" in the sandbox (add it with extraKinds)`);
    return k;
  }

  get resourceVersion(): string {
    return String(this.rv);
  }

  /** Oldest resourceVersion a watch may start from; older ones are answered with 410 Expired. */
  get oldestResourceVersion(): number {
    return this.compactedRv;
  }

  get(kind: KindRef, namespace: string | undefined, name: string): K8sObject | undefined {
    const k = this.resolveKind(kind);
    const o = this.bucket(k).get(objKey(k.namespaced ? namespace : undefined, name));
    return o && clone(o);
  }

  list(kind: KindRef, opts: ListOptions = {}): ListResult {
    const k = this.resolveKind(kind);
    const sel = parseSelector(opts.labelSelector, opts.fieldSelector, k.plural);
    let listRv = this.rv;
    let after: string | undefined;
    if (opts.continue) {
      const token = decodeContinue(opts.continue);
      if (token.rv < this.compactedRv)
        throw errors.expired('The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue value from the response.');
      listRv = token.rv;
      after = token.key;
    }
    const bucket = this.bucket(k);
    let keys = this.sortedKeys.get(bucket);
    if (!keys) this.sortedKeys.set(bucket, (keys = [...bucket.keys()].sort()));
    const all: [string, K8sObject][] = [];
    for (let i = after === undefined ? 0 : firstAfter(keys, after); i < keys.length; i++) {
      const key = keys[i];
      const o = bucket.get(key)!;
      if (k.namespaced && opts.namespace && o.metadata.namespace !== opts.namespace) continue;
      if (!matches(sel, o)) continue;
      all.push([key, o]);
    }
    const limit = opts.limit && opts.limit > 0 ? opts.limit : all.length;
    const page = all.slice(0, limit);
    const result: ListResult = { items: page.map(([, o]) => (opts.shared ? o : clone(o))), resourceVersion: String(listRv) };
    if (page.length < all.length) {
      result.continue = encodeContinue({ rv: listRv, key: page[page.length - 1][0] });
      result.remainingItemCount = all.length - page.length;
    }
    return result;
  }

  /** Matches a selector against one object (used by watches to filter events). */
  static matches(sel: Selector, o: K8sObject): boolean {
    return matches(sel, o);
  }

  create(input: K8sObject, opts: WriteOptions & { seed?: boolean } = {}): K8sObject {
    const k = this.resolveKind(opts.kind ?? input);
    const obj = clone(input);
    obj.metadata = obj.metadata ?? {};
    const meta = obj.metadata;
    if (!obj.kind) obj.kind = k.kind;
    if (!obj.apiVersion) obj.apiVersion = k.group ? `${k.group}/${k.versions[0]}` : k.versions[0];
    if (!meta.name && meta.generateName) {
      do meta.name = `${meta.generateName}${randomSuffix()}`;
      while (this.bucket(k).has(objKey(k.namespaced ? (opts.namespace ?? meta.namespace ?? 'default') : undefined, meta.name)));
    }
    if (k.namespaced) meta.namespace = opts.namespace ?? meta.namespace ?? 'default';
    else delete meta.namespace;
    // Names, labels, annotations: what a real API server refuses (seeds included).
    assertValidObject(k, obj);
    const name = meta.name!; // a missing name is a 422 above
    const key = objKey(meta.namespace, name);
    if (this.bucket(k).has(key)) throw errors.alreadyExists(k, name);

    // Seeds keep their identity so ownerReferences (which point at uids) stay valid.
    if (!opts.seed || !meta.uid) meta.uid = randomUUID();
    if (!opts.seed || !meta.creationTimestamp) meta.creationTimestamp = timestamp();
    if (!opts.seed || typeof meta.generation !== 'number') meta.generation = 1;
    if (!opts.seed) {
      delete meta.deletionTimestamp;
      delete meta.deletionGracePeriodSeconds;
    }
    if (k.group === '' && k.kind === 'Namespace') {
      const status = (obj.status ?? {}) as Record<string, unknown>;
      obj.status = { phase: 'Active', ...status };
    }
    if (opts.dryRun) {
      meta.resourceVersion = undefined;
      delete meta.resourceVersion;
      return obj;
    }
    meta.resourceVersion = String(++this.rv);
    this.bucket(k).set(key, obj);
    this.sortedKeys.delete(this.bucket(k));
    this.emit({ type: 'ADDED', rv: this.rv, kind: k, object: obj });
    return clone(obj);
  }

  /**
   * PUT semantics. The main resource never changes `status` of kinds with a status subresource and
   * the `status` subresource changes nothing else, as the API server does.
   */
  update(input: K8sObject, opts: WriteOptions & { subresource?: 'status' } = {}): K8sObject {
    const k = this.resolveKind(opts.kind ?? input);
    const name = input.metadata?.name ?? '';
    const namespace = k.namespaced ? (opts.namespace ?? input.metadata?.namespace ?? 'default') : undefined;
    const key = objKey(namespace, name);
    const current = this.bucket(k).get(key);
    if (!current) throw errors.notFound(k, name);
    const wantedRv = input.metadata?.resourceVersion;
    if (wantedRv && wantedRv !== current.metadata.resourceVersion) throw errors.conflict(k, name);

    let next: K8sObject;
    if (opts.subresource === 'status') {
      next = clone(current);
      if (input.status === undefined) delete next.status;
      else next.status = clone(input.status);
    } else {
      next = clone(input);
      next.metadata = {
        ...clone(input.metadata),
        name: current.metadata.name,
        uid: current.metadata.uid,
        creationTimestamp: current.metadata.creationTimestamp,
        generation: current.metadata.generation,
      };
      if (namespace) next.metadata.namespace = namespace;
      if (current.metadata.deletionTimestamp) next.metadata.deletionTimestamp = current.metadata.deletionTimestamp;
      else delete next.metadata.deletionTimestamp;
      if (!next.kind) next.kind = current.kind;
      if (!next.apiVersion) next.apiVersion = current.apiVersion;
      if (k.hasStatus) {
        if (current.status === undefined) delete next.status;
        else next.status = clone(current.status);
      }
    }
    if (opts.subresource !== 'status') assertValidObject(k, next);
    next.metadata.resourceVersion = current.metadata.resourceVersion;
    if (specPart(next) !== specPart(current)) next.metadata.generation = (current.metadata.generation ?? 0) + 1;
    // A no-op write keeps the resourceVersion and emits nothing, like etcd-backed storage.
    if (withoutVolatile({ ...next, apiVersion: current.apiVersion }) === withoutVolatile(current)) return clone(current);
    if (opts.dryRun) return next;

    // Removing the last finalizer of an object being deleted completes the deletion.
    if (next.metadata.deletionTimestamp && current.metadata.finalizers?.length && !next.metadata.finalizers?.length) {
      this.remove(k, key, next);
      return clone(next);
    }
    next.metadata.resourceVersion = String(++this.rv);
    this.bucket(k).set(key, next);
    this.emit({ type: 'MODIFIED', rv: this.rv, kind: k, object: next, previous: current });
    return clone(next);
  }

  /**
   * Deletes at once (no grace period; the sandbox has no kubelet) unless finalizers are present, in
   * which case the object gets `deletionTimestamp` and goes when the last finalizer is removed.
   * Deleting a Namespace deletes everything in it.
   */
  delete(kind: KindRef, namespace: string | undefined, name: string, opts: DeleteOptions = {}): { object: K8sObject; deleted: boolean } {
    const k = this.resolveKind(kind);
    const key = objKey(k.namespaced ? namespace : undefined, name);
    const current = this.bucket(k).get(key);
    if (!current) throw errors.notFound(k, name);
    const pre = opts.preconditions;
    if (pre?.uid && pre.uid !== current.metadata.uid)
      throw errors.conflict(k, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${current.metadata.uid}`);
    if (pre?.resourceVersion && pre.resourceVersion !== current.metadata.resourceVersion)
      throw errors.conflict(k, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in meta: ${current.metadata.resourceVersion}`);
    if (opts.dryRun) return { object: clone(current), deleted: !current.metadata.finalizers?.length };

    if (current.metadata.finalizers?.length) {
      if (current.metadata.deletionTimestamp) return { object: clone(current), deleted: false };
      const next = clone(current);
      next.metadata.deletionTimestamp = timestamp();
      next.metadata.deletionGracePeriodSeconds = 0;
      next.metadata.resourceVersion = String(++this.rv);
      this.bucket(k).set(key, next);
      this.emit({ type: 'MODIFIED', rv: this.rv, kind: k, object: next, previous: current });
      return { object: clone(next), deleted: false };
    }
    if (k.group === '' && k.kind === 'Namespace') {
      for (const other of this.kinds) {
        if (!other.namespaced) continue;
        for (const [okey, o] of [...this.bucket(other)]) if (o.metadata.namespace === name) this.remove(other, okey, o);
      }
    }
    const removed = this.remove(k, key, current);
    return { object: clone(removed), deleted: true };
  }

  /** Events after `rv`, or `undefined` when the log no longer reaches back that far. */
  eventsSince(rv: number): StoreEvent[] | undefined {
    if (rv < this.compactedRv) return undefined;
    return this.log.filter((e) => e.rv > rv);
  }

  /** Open watches (and other subscribers); lets tests wait until a client is listening. */
  get subscriberCount(): number {
    return this.listeners.size;
  }

  subscribe(fn: (e: StoreEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Forgets every logged event, so any resourceVersion before now is answered with 410. */
  compact(): void {
    this.log = [];
    this.compactedRv = this.rv;
  }

  /** Loads objects as they are (uids, timestamps, generation kept) without logging events. */
  load(objects: readonly K8sObject[], onError?: (obj: K8sObject, err: unknown) => void): void {
    for (const o of objects) {
      try {
        this.create(o, { seed: true });
      } catch (err) {
        if (!onError) throw err;
        onError(o, err);
      }
    }
    this.compact();
  }

  private bucket(k: KindDef): Map<string, K8sObject> {
    let b = this.data.get(gpKey(k));
    if (!b) {
      this.addKind(k);
      b = this.data.get(gpKey(k))!;
    }
    return b;
  }

  private remove(k: KindDef, key: string, current: K8sObject): K8sObject {
    this.bucket(k).delete(key);
    this.sortedKeys.delete(this.bucket(k));
    const gone = clone(current);
    gone.metadata.resourceVersion = String(++this.rv);
    this.emit({ type: 'DELETED', rv: this.rv, kind: k, object: gone, previous: current });
    return gone;
  }

  private emit(e: StoreEvent): void {
    this.log.push(e);
    while (this.log.length > this.eventWindow) this.compactedRv = this.log.shift()!.rv;
    for (const fn of this.listeners) fn(e);
  }
}

/** Index of the first key greater than `after` in sorted `keys`. */
function firstAfter(keys: readonly string[], after: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function encodeContinue(t: { rv: number; key: string }): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: t.rv, start: t.key })).toString('base64url');
}

function decodeContinue(token: string): { rv: number; key: string } {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof t.rv === 'number' && typeof t.start === 'string') return { rv: t.rv, key: t.start };
  } catch {
    // fall through
  }
  throw errors.badRequest(`continue key is not valid: ${token}`);
}
