'use client';
import { useCallback, useSyncExternalStore } from 'react';

const KEY = 'kube-lua-studio.editor.plain-text';
const listeners = new Set<() => void>();

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
    return false;
  }
}

/** The "Plain text editor" choice, shared by every editor on the page and remembered across visits. */
export function usePlainTextPreference(): [boolean, (on: boolean) => void] {
  const plain = useSyncExternalStore(subscribe, read, () => false);
  const set = useCallback((on: boolean) => {
    try {
      if (on) window.localStorage.setItem(KEY, '1');
      else window.localStorage.removeItem(KEY);
    } catch {
      // storage disabled: the choice lasts for this page only
    }
    listeners.forEach((l) => l());
  }, []);
  return [plain, set];
}
