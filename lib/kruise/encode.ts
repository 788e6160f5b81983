// Kruise's Lua -> JSON encoder (luamanager.Encode, a fork of layeh.com/gopher-json; kruise-routing.md
// §5.1), over the Lua value as the engine reads it (`state.readValue`: tables in `next` order).
// Strings and numbers are Go's encoding/json (lib/go-json) as built by the Go release Kruise's
// controller is compiled with.
import type { LuaTable, LuaTree } from '@/lib/lua';
import { compareBytes, goJsonNumber as goNumber, goJsonQuoteBytes, GoJsonError, PRODUCTION_GO } from '@/lib/go-json';

export const MARSHAL_PREFIX = 'json: error calling MarshalJSON for type luamanager.jsonValue: ';

export type EncodeResult = { ok: true; json: string } | { ok: false; error: string };

class EncodeError extends Error {
  constructor(inner: string, depth: number) {
    // one prefix per nesting level: a value at depth d carries d + 1 prefixes
    super(MARSHAL_PREFIX.repeat(depth + 1) + inner);
  }
}

/** Encodes a Lua value read with `state.readValue`. */
export function encodeLuaValue(value: LuaTree): EncodeResult {
  try {
    return { ok: true, json: encodeAt(value, 0, new Set()) };
  } catch (e) {
    if (e instanceof EncodeError) return { ok: false, error: e.message };
    throw e;
  }
}

function encodeAt(v: LuaTree, depth: number, visited: Set<LuaTable>): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return goJsonNumber(v, depth);
  if (v instanceof Uint8Array) return goJsonString(v);
  if (v.kind === 'table') return encodeTable(v, depth, visited);
  throw new EncodeError(`cannot encode ${v.typeName} to JSON`, depth);
}

function goJsonNumber(n: number, depth: number): string {
  try {
    return goNumber(n);
  } catch (e) {
    if (e instanceof GoJsonError) throw new EncodeError(e.message, depth);
    throw e;
  }
}

const goJsonString = (bytes: Uint8Array): string => goJsonQuoteBytes(bytes, PRODUCTION_GO.kruise);

type Entry = [key: LuaTree, value: LuaTree];

function encodeTable(t: LuaTable, depth: number, visited: Set<LuaTable>): string {
  if (visited.has(t)) throw new EncodeError('cannot encode recursively nested tables to JSON', depth);
  visited.add(t);
  const entries = t.entries;
  if (entries.length === 0) return 'null'; // Kruise PR #209: empty table -> null
  return entries.some(([k]) => k === 1) ? encodeArray(entries, depth, visited) : encodeByFirstKey(entries, depth, visited);
}

/**
 * gopher-lua iterates its array part (1..n, filled by appends) before the hash part (insertion
 * order). The array part is modelled as the contiguous run 1..n; the other keys follow in
 * insertion order and must continue the sequence.
 */
function encodeArray(entries: Entry[], depth: number, visited: Set<LuaTable>): string {
  const byNum = new Map<number, Entry>();
  for (const e of entries) if (typeof e[0] === 'number') byNum.set(e[0], e);
  let n = 0;
  while (byNum.has(n + 1)) n++;
  const ordered: Entry[] = [];
  for (let i = 1; i <= n; i++) ordered.push(byNum.get(i) as Entry);
  let expected = n + 1;
  for (const e of entries) {
    const k = e[0];
    if (typeof k === 'number' && k >= 1 && k <= n && Number.isInteger(k)) continue;
    if (typeof k !== 'number') throw new EncodeError('cannot encode mixed or invalid key types', depth);
    if (k !== expected) throw new EncodeError('cannot encode sparse array', depth);
    ordered.push(e);
    expected++;
  }
  return '[' + ordered.map((e) => encodeAt(e[1], depth + 1, visited)).join(',') + ']';
}

function encodeByFirstKey(entries: Entry[], depth: number, visited: Set<LuaTable>): string {
  const first = entries[0][0];
  if (typeof first === 'number') throw new EncodeError('cannot encode sparse array', depth); // first key is not 1
  if (!(first instanceof Uint8Array)) throw new EncodeError('cannot encode mixed or invalid key types', depth);
  for (const [k] of entries) if (!(k instanceof Uint8Array)) throw new EncodeError('cannot encode mixed or invalid key types', depth);
  // Go's map encoding sorts keys by their (UTF-8) bytes
  const sorted = [...entries].sort((a, b) => compareBytes(a[0] as Uint8Array, b[0] as Uint8Array));
  const parts = sorted.map(([k, v]) => goJsonString(k as Uint8Array) + ':' + encodeAt(v, depth + 1, visited));
  return '{' + parts.join(',') + '}';
}
