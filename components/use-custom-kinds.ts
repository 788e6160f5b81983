'use client';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { customKind, type KindDef } from '@/lib/k8s/kinds';

export interface CustomKindSpec {
  group: string;
  version: string;
  plural: string;
  kind?: string;
  /** From the cluster's discovery, with `kind`, when the user typed only the plural. */
  singular?: string;
  namespaced: boolean;
}

// Browser-local on purpose: adding a CRD to the studio is a viewing preference, not cluster state.
const STORAGE_KEY = 'kube-lua-studio.custom-kinds.v1';
const listeners = new Set<() => void>();
let cachedRaw: string | null | undefined;
let cachedSpecs: CustomKindSpec[] = [];
const EMPTY: CustomKindSpec[] = [];

function read(): CustomKindSpec[] {
  const raw = window.localStorage.getItem(STORAGE_KEY);
  if (raw === cachedRaw) return cachedSpecs;
  cachedRaw = raw;
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    cachedSpecs = Array.isArray(parsed) ? parsed.filter(isSpec) : [];
  } catch {
    cachedSpecs = [];
  }
  return cachedSpecs;
}

function isSpec(v: unknown): v is CustomKindSpec {
  const o = v as Record<string, unknown>;
  return !!o && typeof o.group === 'string' && typeof o.version === 'string' && typeof o.plural === 'string';
}

function write(specs: CustomKindSpec[]) {
  window.localStorage.setItem(STORAGE_KEY, JSON.stringify(specs));
  listeners.forEach((l) => l());
}

function subscribe(cb: () => void) {
  listeners.add(cb);
  // Another tab editing the list updates this one too.
  const onStorage = (e: StorageEvent) => e.key === STORAGE_KEY && cb();
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(cb);
    window.removeEventListener('storage', onStorage);
  };
}

export function toKindDef(s: CustomKindSpec): KindDef {
  return customKind({ group: s.group, version: s.version, plural: s.plural, kind: s.kind, singular: s.singular, namespaced: s.namespaced });
}

export function useCustomKinds() {
  const specs = useSyncExternalStore(subscribe, read, () => EMPTY);
  const kinds = useMemo(() => specs.map(toKindDef), [specs]);
  const add = useCallback((s: CustomKindSpec) => {
    const key = toKindDef(s).key;
    write([...read().filter((x) => toKindDef(x).key !== key), s]);
  }, []);
  const remove = useCallback((key: string) => write(read().filter((x) => toKindDef(x).key !== key)), []);
  return { specs, kinds, add, remove };
}
