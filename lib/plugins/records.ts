// Rules both stores share (pure): history length, and the words of every refusal, so the file and
// the cluster store answer the same thing for the same situation.
import { msg } from '@/lib/i18n/message';
import type { Failure, PluginHistoryEntry } from './types';

/** Versions kept per plugin (the current one included). */
export const HISTORY_LIMIT = 20;

export function conflict(name: string, baseVersion: string, currentVersion: string): Failure {
  return {
    ok: false,
    conflict: true,
    message: msg('plugins.store.changed', { name, base: baseVersion, current: currentVersion }),
    error: `Plugin "${name}" was changed since you opened it (version ${baseVersion} → ${currentVersion}). Your text is kept in the editor; reload the plugin to see the other change, then apply yours again.`,
  };
}

export function deletedSinceOpened(name: string): Failure {
  return {
    ok: false,
    conflict: true,
    message: msg('plugins.store.deleted', { name }),
    error: `Plugin "${name}" was deleted since you opened it. Your text is kept in the editor; save it under a new name to create it again.`,
  };
}

export function alreadyExists(name: string): Failure {
  return { ok: false, message: msg('plugins.store.exists', { name }), error: `A plugin named "${name}" already exists: choose another name (nothing was written).` };
}

export function notFound(name: string): Failure {
  return { ok: false, message: msg('plugins.store.missing', { name }), error: `There is no plugin named "${name}".` };
}

export function listConflict(base: string, current: string): Failure {
  return {
    ok: false,
    conflict: true,
    message: msg('plugins.store.listChanged', { base, current }),
    error: `The plugin list was changed since you loaded it (list version ${base} → ${current}). Reload the list and reorder again.`,
  };
}

export function settingsConflict(base: string, current: string): Failure {
  return {
    ok: false,
    conflict: true,
    error: `The DeepFlow settings were changed since you opened them (version ${base} → ${current}). Your text is kept; reload the page to see the other change, then apply yours again.`,
  };
}

/** New entry first, oldest dropped beyond HISTORY_LIMIT. */
export function pushHistory(history: readonly PluginHistoryEntry[], entry: PluginHistoryEntry, limit = HISTORY_LIMIT): PluginHistoryEntry[] {
  return [entry, ...history].slice(0, limit);
}

/** A reorder must name every plugin exactly once. */
export function checkOrder(order: readonly string[], names: readonly string[]): string | null {
  const want = new Set(names);
  const seen = new Set<string>();
  for (const n of order) {
    if (!want.has(n)) return `The new order names "${n}", which is not in the store.`;
    if (seen.has(n)) return `The new order names "${n}" twice.`;
    seen.add(n);
  }
  const missing = names.filter((n) => !seen.has(n));
  return missing.length ? `The new order leaves out ${missing.map((n) => `"${n}"`).join(', ')}.` : null;
}
