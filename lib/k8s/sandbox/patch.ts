// The three patch formats the API server accepts. Pure functions over plain JSON; callers turn the
// thrown ApiErrors into Status responses (422 for a failed JSON-patch op, as upstream does).
import { errors } from './status';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const clone = <T>(v: T): T => (v === undefined ? v : structuredClone(v));

/** RFC 7386: objects merge recursively, `null` deletes, everything else (arrays too) replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return clone(patch);
  const out: JsonObject = isObject(target) ? clone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v) as Json;
  }
  return out;
}

/**
 * Strategic merge patch, simplified: map semantics of RFC 7386 plus the parts clients rely on —
 * lists of objects that all carry `name` (containers, env, ports…) merge by name, and the
 * `$patch: delete|replace` directive. Other directives are dropped.
 */
export function strategicMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return clone(patch);
  if (patch.$patch === 'replace') {
    const { $patch: _, ...rest } = patch;
    return stripDirectives(rest);
  }
  const out: JsonObject = isObject(target) ? clone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$') || k.startsWith('$setElementOrder/') || k.startsWith('$deleteFromPrimitiveList/')) continue;
    if (v === null) delete out[k];
    else if (Array.isArray(v) && Array.isArray(out[k])) out[k] = mergeList(out[k] as Json[], v);
    else out[k] = strategicMergePatch(out[k], v) as Json;
  }
  return out;
}

function stripDirectives(v: Json): Json {
  if (Array.isArray(v)) return v.map(stripDirectives);
  if (!isObject(v)) return v;
  return Object.fromEntries(Object.entries(v).filter(([k]) => !k.startsWith('$')).map(([k, x]) => [k, stripDirectives(x)]));
}

function mergeList(current: Json[], patch: Json[]): Json[] {
  const named = (l: Json[]) => l.every((e) => isObject(e) && typeof e.name === 'string');
  if (!named(current) || !named(patch)) return patch.map(stripDirectives);
  const out = current.map((e) => clone(e)) as JsonObject[];
  for (const p of patch as JsonObject[]) {
    const i = out.findIndex((e) => e.name === p.name);
    if (p.$patch === 'delete') {
      if (i >= 0) out.splice(i, 1);
    } else if (i >= 0) out[i] = strategicMergePatch(out[i], p) as JsonObject;
    else out.push(stripDirectives(p) as JsonObject);
  }
  return out;
}

export interface JsonPatchOp {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  from?: string;
  value?: unknown;
}

function parsePointer(p: string): string[] {
  if (p === '') return [];
  if (!p.startsWith('/')) throw errors.badRequest(`json patch: invalid pointer "${p}"`);
  return p
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function failed(op: JsonPatchOp, why: string): never {
  throw errors.unprocessable(`${op.op} operation does not apply: doc is missing path: "${op.path}": ${why}`);
}

/** Resolves the parent container of `path`; returns [parent, lastKey]. */
function locate(doc: Json, tokens: string[], op: JsonPatchOp): [JsonObject | Json[], string] {
  let cur: Json = doc;
  for (const t of tokens.slice(0, -1)) {
    if (Array.isArray(cur)) {
      const i = Number(t);
      if (!/^\d+$/.test(t) || i >= cur.length) failed(op, 'missing value');
      cur = cur[i];
    } else if (isObject(cur)) {
      if (!(t in cur)) failed(op, 'missing value');
      cur = cur[t];
    } else failed(op, 'missing value');
  }
  if (!Array.isArray(cur) && !isObject(cur)) failed(op, 'missing value');
  return [cur, tokens[tokens.length - 1]];
}

function getAt(doc: Json, path: string, op: JsonPatchOp): Json {
  const tokens = parsePointer(path);
  if (!tokens.length) return doc;
  const [parent, key] = locate(doc, tokens, op);
  if (Array.isArray(parent)) {
    const i = Number(key);
    if (!/^\d+$/.test(key) || i >= parent.length) failed(op, 'missing value');
    return parent[i];
  }
  if (!(key in parent)) failed(op, 'missing value');
  return parent[key];
}

function removeAt(doc: Json, path: string, op: JsonPatchOp): Json {
  const [parent, key] = locate(doc, parsePointer(path), op);
  if (Array.isArray(parent)) {
    const i = Number(key);
    if (!/^\d+$/.test(key) || i >= parent.length) failed(op, 'missing value');
    return parent.splice(i, 1)[0];
  }
  if (!(key in parent)) failed(op, 'missing value');
  const v = parent[key];
  delete parent[key];
  return v;
}

function addAt(doc: Json, path: string, value: Json, op: JsonPatchOp, replace = false): Json {
  const tokens = parsePointer(path);
  if (!tokens.length) return value;
  const [parent, key] = locate(doc, tokens, op);
  if (Array.isArray(parent)) {
    if (key === '-' && !replace) parent.push(value);
    else {
      const i = Number(key);
      if (!/^\d+$/.test(key) || i > parent.length || (replace && i >= parent.length)) failed(op, 'index out of range');
      if (replace) parent[i] = value;
      else parent.splice(i, 0, value);
    }
  } else {
    if (replace && !(key in parent)) failed(op, 'missing value');
    parent[key] = value;
  }
  return doc;
}

const deepEqual = (a: unknown, b: unknown): boolean => JSON.stringify(canon(a)) === JSON.stringify(canon(b));
function canon(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canon);
  if (isObject(v)) return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon(v[k])]));
  return v;
}

/** RFC 6902. A failed `test` or a missing path is a 422, as the API server answers. */
export function jsonPatch(target: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw errors.badRequest('json patch: the patch must be a JSON array of operations');
  let doc = clone(target) as Json;
  for (const raw of ops) {
    if (!isObject(raw) || typeof raw.op !== 'string' || typeof raw.path !== 'string')
      throw errors.badRequest(`json patch: invalid operation ${JSON.stringify(raw)}`);
    const op = raw as unknown as JsonPatchOp;
    const value = clone(op.value) as Json;
    switch (op.op) {
      case 'add':
        if (!('value' in raw)) throw errors.badRequest(`json patch: add operation on "${op.path}" has no value`);
        doc = addAt(doc, op.path, value, op);
        break;
      case 'replace':
        if (!('value' in raw)) throw errors.badRequest(`json patch: replace operation on "${op.path}" has no value`);
        doc = parsePointer(op.path).length ? addAt(doc, op.path, value, op, true) : value;
        break;
      case 'remove':
        removeAt(doc, op.path, op);
        break;
      case 'move': {
        if (typeof op.from !== 'string') throw errors.badRequest('json patch: move operation has no "from"');
        const v = removeAt(doc, op.from, op);
        doc = addAt(doc, op.path, v, op);
        break;
      }
      case 'copy': {
        if (typeof op.from !== 'string') throw errors.badRequest('json patch: copy operation has no "from"');
        doc = addAt(doc, op.path, clone(getAt(doc, op.from, op)), op);
        break;
      }
      case 'test': {
        const actual = getAt(doc, op.path, op);
        if (!deepEqual(actual, op.value)) throw errors.unprocessable(`testing value ${op.path} failed: test failed`);
        break;
      }
      default:
        throw errors.badRequest(`json patch: unexpected operation "${String(raw.op)}"`);
    }
  }
  return doc;
}

export const PATCH_TYPES = {
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml',
} as const;

/** Applies a patch body by Content-Type (parameters such as `; charset=utf-8` are ignored). */
export function applyPatch(contentType: string, target: unknown, patch: unknown): unknown {
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (type === PATCH_TYPES.merge) return mergePatch(target, patch);
  if (type === PATCH_TYPES.json) return jsonPatch(target, patch);
  if (type === PATCH_TYPES.strategic) return strategicMergePatch(target, patch);
  throw errors.unsupportedMediaType(contentType);
}
