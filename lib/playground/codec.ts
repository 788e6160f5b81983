// Keeping the work: the state in localStorage, and the "Share" URL with one mode's state in the hash
// (`#s=1.<base64url of deflate-raw JSON>`). Both sides parse through the state schema, so a bad or
// foreign value yields defaults, never a broken page.
import type { Msg } from '@/lib/i18n/message';
import { parseState, type Mode, type PlaygroundState } from './state';
import { playgroundRefusal } from './text';

export const STORAGE_KEY = 'kube-lua-studio.playground';
export const SHARE_PARAM = 's';
const SHARE_VERSION = '1';
/** A shared state larger than this (decompressed) is refused: a hash is not a place for a pod dump. */
export const MAX_SHARED_JSON = 4_000_000;

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function loadStored(storage: StorageLike | null): PlaygroundState | null {
  if (!storage) return null;
  let raw: string | null;
  try {
    raw = storage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    return parseState(JSON.parse(raw));
  } catch {
    return null;
  }
}

/** The keys of saveStored's failures, so a later success can take their notice away. */
export const NOT_SAVED_KEYS: readonly string[] = ['playground.storage.unavailable', 'playground.storage.notSaved'];

export function saveStored(storage: StorageLike | null, state: PlaygroundState): { ok: true } | { ok: false; error: string; msg: Msg } {
  if (!storage) return playgroundRefusal('playground.storage.unavailable');
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(state));
    return { ok: true };
  } catch (e) {
    return playgroundRefusal('playground.storage.notSaved', { error: e instanceof Error ? e.message : String(e) });
  }
}

/** What a share link carries: the mode and that mode's state only. */
export function sharedPart(state: PlaygroundState): Record<string, unknown> {
  return { v: state.v, mode: state.mode, [state.mode]: state[state.mode] };
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new Error('not base64url');
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new Error('too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** `#s=1.…` for the current mode's state. */
export async function encodeShareHash(state: PlaygroundState): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(sharedPart(state)));
  const packed = await pipe(json, new CompressionStream('deflate-raw'), Number.MAX_SAFE_INTEGER);
  return `#${SHARE_PARAM}=${SHARE_VERSION}.${toBase64Url(packed)}`;
}

export type DecodedShare = { ok: true; mode: Mode; state: PlaygroundState } | { ok: false; error: string; msg: Msg } | { ok: 'none' };

const shareError = (k: 'version' | 'damaged' | 'tooLarge' | 'notState') => playgroundRefusal(`playground.share.error.${k}`);

/**
 * Reads a share hash into a full state: the shared mode's part over `base` (the stored work, so
 * the other modes keep what the user had). Never throws.
 */
export async function decodeShareHash(hash: string, base: PlaygroundState): Promise<DecodedShare> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const value = params.get(SHARE_PARAM);
  if (value === null) return { ok: 'none' };
  const dot = value.indexOf('.');
  if (dot < 0 || value.slice(0, dot) !== SHARE_VERSION) return shareError('version');
  let parsed: unknown;
  try {
    const bytes = await pipe(fromBase64Url(value.slice(dot + 1)), new DecompressionStream('deflate-raw'), MAX_SHARED_JSON);
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    const tooLarge = e instanceof Error && e.message === 'too large';
    return shareError(tooLarge ? 'tooLarge' : 'damaged');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return shareError('notState');
  const shared = parseState(parsed);
  const mode = shared.mode;
  const rec = parsed as Record<string, unknown>;
  const state: PlaygroundState = { ...base, mode, ...(rec[mode] !== undefined ? { [mode]: shared[mode] } : {}) };
  return { ok: true, mode, state };
}
