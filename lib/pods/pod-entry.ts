// One row of the pods page: the pod's own facts plus DeepFlow's verdict for it (null until the
// worker has evaluated it). Pure: the filters, counts and sort work on these.
import type { PodTag } from '@/lib/deepflow/tag';

export interface PodEntry {
  uid: string;
  /** `<namespace>/<name>`: the drawer's `?pod=` and the "Write a plugin" link's `pods=` use it. */
  key: string;
  namespace: string;
  name: string;
  /** kubectl's STATUS column. */
  status: string;
  restarts: number;
  createdAt: string;
  ownerKind: string | null;
  tag: PodTag | null;
}

export type PodCategory = 'unmatched' | 'synchronized' | 'mapped' | 'errors';

/** Synchronized by DeepFlow's standard owner logic (whatever a plugin then says). */
export const isSynchronized = (t: PodTag) => t.reason === null;
/** Given a workload by a plugin or the built-in virtual-kubelet rule. */
export const isMapped = (t: PodTag) => t.accepted && (t.workload?.source === 'plugin' || t.workload?.source === 'builtin-rule');
export const hasError = (t: PodTag) => t.plugin.error !== null;

export function inCategory(e: PodEntry, c: PodCategory): boolean {
  const t = e.tag;
  if (!t) return false;
  switch (c) {
    case 'unmatched': return t.unmatched;
    case 'synchronized': return isSynchronized(t);
    case 'mapped': return isMapped(t);
    case 'errors': return hasError(t);
  }
}

/** The plugin a row is about: the one whose result was used, or the one that raised the error. */
export function pluginOf(t: PodTag | null): string | null {
  if (!t) return null;
  if (t.matchedPlugin) return t.matchedPlugin.name;
  if (t.plugin.failedPlugin) return t.plugin.failedPlugin.name;
  if (t.workload?.source === 'builtin-rule') return 'virtual-kubelet rule';
  return null;
}

/** What the DeepFlow column says: the final label, or the reason it has none. */
export function deepflowText(t: PodTag | null): string {
  if (!t) return '';
  if (t.label) return t.label;
  return t.reason?.text ?? 'no workload';
}
