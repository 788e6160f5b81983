import 'server-only';
// What a plugin store does, whichever backs it (STUDIO_PLUGIN_STORE: `file` by default, `cluster`).
// Every mutating operation carries the version it was based on and is refused with `conflict: true`
// when the stored one moved on. Operations never throw for expected refusals; an I/O failure throws
// (the actions turn it into `{ ok: false }`).
import type { AuditTarget } from '@/lib/audit/entry';
import type { DeepflowVersion } from '@/lib/deepflow/versions';
import type { DeepflowSettings, PluginHistoryEntry, PluginRecord, Result } from './types';

export interface PluginChange {
  source?: string;
  enabled?: boolean;
  /** Rename: history travels with the plugin; the position in the order is kept. */
  rename?: string;
}

export interface StoredList {
  plugins: PluginRecord[];
  listVersion: string;
}

export interface PluginStore {
  readonly kind: 'file' | 'cluster';
  /** The data directory, or `<context>/<namespace>`. */
  readonly location: string;
  list(): Promise<StoredList>;
  /** What the audit names as the object a write to plugin `name` changes, and in which context. */
  auditTarget(name: string): { context: string; target: AuditTarget };
  /** The same for the DeepFlow settings. */
  settingsAuditTarget(): { context: string; target: AuditTarget };
  /** Newest first; null when there is no such plugin. */
  history(name: string): Promise<PluginHistoryEntry[] | null>;
  create(input: { name: string; source: string; enabled?: boolean }): Promise<Result<{ plugin: PluginRecord }>>;
  update(name: string, baseVersion: string, change: PluginChange): Promise<Result<{ plugin: PluginRecord }>>;
  remove(name: string, baseVersion: string): Promise<Result>;
  reorder(order: string[], listVersion: string): Promise<Result<StoredList>>;
  getSettings(): Promise<DeepflowSettings>;
  saveSettings(input: { agentConfigYaml: string; version: DeepflowVersion }, baseVersion: string): Promise<Result<{ settings: DeepflowSettings }>>;
  /** When each plugin was last uploaded to the DeepFlow server `serverKey` (ISO), for drift. */
  uploadMarks(serverKey: string): Promise<Record<string, string>>;
  /** Records (or, with null, forgets) a successful upload. */
  markUploaded(serverKey: string, name: string, at: string | null): Promise<void>;
}

export type StoreKind = PluginStore['kind'];

export function storeKindFromEnv(env: Record<string, string | undefined> = process.env): StoreKind {
  const v = (env.STUDIO_PLUGIN_STORE ?? '').trim().toLowerCase();
  if (v === '' || v === 'file') return 'file';
  if (v === 'cluster') return 'cluster';
  throw new Error(`STUDIO_PLUGIN_STORE="${env.STUDIO_PLUGIN_STORE}" is not a store: use "file" (the default) or "cluster".`);
}
