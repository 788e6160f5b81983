'use client';
// Wires an editor to its draft (drafts.ts): on mount a kept draft replaces the text (the page's own
// onChange, so its state is the one source), and from then on every change is kept while it
// differs from the saved text.
import { useEffect, useRef, useState } from 'react';
import { recordDraft, restorableDraft, type RestorableDraft } from './drafts';

export interface DraftOptions {
  /** one per edited thing: `plugin:<name>`, `plugin:new`, `kruise-script:<key>` */
  key: string;
  /** what the store holds now; the draft is whatever differs from it */
  saved: string;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The restored draft while it is still unsaved (for the notice), or null. */
export function useDraft(draft: DraftOptions | undefined, value: string, onChange: (text: string) => void): RestorableDraft | null {
  const [restored, setRestored] = useState<RestorableDraft | null>(null);
  /** set when the editor (re)mounts for a key: the text of that render is the page's, not an edit */
  const mounting = useRef(true);
  const key = draft?.key;
  const saved = draft?.saved;

  // Only when the editor (re)mounts for a key; later changes are recorded by the effect below.
  useEffect(() => {
    mounting.current = true;
    const s = storage();
    if (!s || key === undefined || saved === undefined) return;
    const found = restorableDraft(s, key, { text: value, saved });
    if (found) {
      setRestored(found);
      onChange(found.text);
    }
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (mounting.current) {
      mounting.current = false;
      return;
    }
    const s = storage();
    if (!s || key === undefined || saved === undefined) return;
    recordDraft(s, key, value, saved);
    if (value === saved) setRestored(null);
  }, [key, value, saved]);

  return restored;
}
