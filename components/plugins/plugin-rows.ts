// The /plugins list as rows: execution order beside DeepFlow's list order, drift, and pods mapped.
// Pure, so the ordering rules are tested without a browser.
import type { DriftState, PluginList, PluginRecord } from '@/lib/plugins/types';

export interface PluginRow {
  plugin: PluginRecord;
  /** 1-based position in the execution order (creation order, as DeepFlow runs them). */
  runs: number;
  /** 1-based position in DeepFlow's list (`GET /v1/plugin/`, updated time, newest first). */
  listed: number;
  drift: DriftState | null;
  /** Pods the saved chain maps with this plugin now; null while the chain runs; 0 when disabled. */
  mapped: number | null;
}

export type PluginOrder = 'runs' | 'updated';

/**
 * DeepFlow's list order: the server's own order when it answered (its rows are updated_at DESC),
 * local update times otherwise. Plugins the server does not have go after those it has.
 */
export function listedOrder(list: Pick<PluginList, 'plugins' | 'deepflow'>): string[] {
  const byTime = [...list.plugins].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.name.localeCompare(b.name)).map((p) => p.name);
  const remote = list.deepflow?.ok ? list.deepflow.remote.map((r) => r.name) : [];
  const local = new Set(byTime);
  const onServer = remote.filter((n) => local.has(n));
  const seen = new Set(onServer);
  return [...onServer, ...byTime.filter((n) => !seen.has(n))];
}

export function pluginRows(list: Pick<PluginList, 'plugins' | 'deepflow'>, counts: ReadonlyMap<string, number> | null, order: PluginOrder = 'runs'): PluginRow[] {
  const listed = new Map(listedOrder(list).map((n, i) => [n, i + 1]));
  const drift = new Map((list.deepflow?.drift ?? []).map((d) => [d.name, d.state]));
  const rows = list.plugins.map((plugin, i) => ({
    plugin,
    runs: i + 1,
    listed: listed.get(plugin.name) ?? i + 1,
    drift: drift.get(plugin.name) ?? null,
    mapped: !plugin.enabled ? 0 : counts === null ? null : (counts.get(plugin.name) ?? 0),
  }));
  return order === 'runs' ? rows : [...rows].sort((a, b) => a.listed - b.listed);
}

/** Plugins on the DeepFlow server with no local source (the studio cannot show or edit them). */
export function remoteOnly(list: Pick<PluginList, 'deepflow'>): { name: string; updatedAt: string }[] {
  const d = list.deepflow;
  if (!d?.ok) return [];
  const names = new Set(d.drift.filter((x) => x.state === 'remote-only').map((x) => x.name));
  return d.remote.filter((r) => names.has(r.name)).map((r) => ({ name: r.name, updatedAt: r.updatedAt }));
}

/** The execution order with one plugin moved one place up (-1) or down (+1); null at either end. */
export function moveInOrder(names: readonly string[], name: string, by: -1 | 1): string[] | null {
  const i = names.indexOf(name);
  const j = i + by;
  if (i < 0 || j < 0 || j >= names.length) return null;
  const out = [...names];
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}

/** A name for a copy that is not taken yet: `<name>-copy`, `<name>-copy-2`, … */
export function copyName(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = `${name}-copy`;
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}-${i}`)) return `${base}-${i}`;
}
