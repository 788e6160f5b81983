// Unsaved editor text kept in the browser (localStorage) per editor key, so a reload, a crash or a
// forced sign-in (expired token) loses nothing. A draft is only ever "the text that differs from
// what is saved": when the editor's text equals the saved text again (saved, discarded, undone) the
// draft is gone. Pure over a Storage-like object, so the rules are tested without a browser.

export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export const DRAFT_PREFIX = 'kube-lua-studio.draft.';
/** A draft nobody came back to in two weeks is noise, not work in progress. */
export const DRAFT_MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000;

interface StoredDraft {
  text: string;
  /** the saved text the draft was written against */
  base: string;
  at: number;
}

export interface RestorableDraft {
  text: string;
  /** the saved text changed since the draft was written (someone saved meanwhile) */
  stale: boolean;
}

const storageKey = (key: string) => DRAFT_PREFIX + key;

function read(storage: DraftStorage, key: string): StoredDraft | null {
  try {
    const raw = storage.getItem(storageKey(key));
    if (raw === null) return null;
    const d = JSON.parse(raw) as Partial<StoredDraft>;
    if (typeof d.text === 'string' && typeof d.base === 'string' && typeof d.at === 'number') return d as StoredDraft;
  } catch {
    // unreadable storage or a foreign value: treated as no draft
  }
  forget(storage, key);
  return null;
}

function forget(storage: DraftStorage, key: string): void {
  try {
    storage.removeItem(storageKey(key));
  } catch {
    // storage disabled
  }
}

/** Keeps `text` while it differs from `saved`, forgets it otherwise. False when storage refused it (full, disabled). */
export function recordDraft(storage: DraftStorage, key: string, text: string, saved: string, now = Date.now()): boolean {
  if (text === saved) {
    forget(storage, key);
    return true;
  }
  try {
    storage.setItem(storageKey(key), JSON.stringify({ text, base: saved, at: now } satisfies StoredDraft));
    return true;
  } catch {
    return false;
  }
}

/** The draft to put back into an editor showing `current` with `saved` in the store; null when there is none worth restoring. */
export function restorableDraft(storage: DraftStorage, key: string, current: { text: string; saved: string }, now = Date.now()): RestorableDraft | null {
  const d = read(storage, key);
  if (!d) return null;
  if (now - d.at > DRAFT_MAX_AGE_MS || d.text === current.saved) {
    forget(storage, key);
    return null;
  }
  if (d.text === current.text) return null;
  return { text: d.text, stale: d.base !== current.saved };
}

/** Every draft of this browser (an explicit sign-out on a shared machine). */
export function clearDrafts(storage: DraftStorage): void {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k?.startsWith(DRAFT_PREFIX)) keys.push(k);
  }
  keys.forEach((k) => storage.removeItem(k));
}
