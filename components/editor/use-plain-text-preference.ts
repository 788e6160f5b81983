'use client';
import { useCallback, useSyncExternalStore } from 'react';

const KEY = 'kube-lua-studio.editor.plain-text';
const listeners = new Set<() => void>();
// Where the choice lives when storage is disabled (private modes, policies): this page only.
let memory = false;

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key === KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

function read(): boolean {
  try {
    return window.localStorage.getItem(KEY) === '1';
  } catch {
    return memory;
  }
}

/** The "Plain text editor" choice, shared by every editor on the page and remembered across visits. */
export function usePlainTextPreference(): [boolean, (on: boolean) => void] {
  const plain = useSyncExternalStore(subscribe, read, () => false);
  const set = useCallback((on: boolean) => {
    memory = on;
    try {
      if (on) window.localStorage.setItem(KEY, '1');
      else window.localStorage.removeItem(KEY);
    } catch {
      // storage disabled: `memory` keeps the choice for this page
    }
    listeners.forEach((l) => l());
  }, []);
  return [plain, set];
}
