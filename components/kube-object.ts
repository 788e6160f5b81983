// Helpers for reading objects whose shape we do not trust (CRDs vary across versions and clusters).
import type { KubeObject } from '@/lib/k8s/types';

export type { KubeObject };

/** Reads a nested field without trusting the object's shape (CRDs from real clusters vary by version). */
export function field(obj: unknown, ...path: (string | number)[]): unknown {
  let cur: unknown = obj;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return cur;
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

export function objectKey(o: KubeObject): string {
  return o.metadata.uid ?? `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
}
