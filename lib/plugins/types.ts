// The plugin store's contract, shared by the server (stores, actions, /api/plugins) and the browser
// (pods page, plugins pages). Plain JSON only: this crosses the server/client boundary.
import type { DeepflowVersion } from '@/lib/deepflow/versions';
import type { Msg } from '@/lib/i18n/message';

/** One DeepFlow tagging plugin as the studio keeps it (DeepFlow itself cannot return sources, §8.1). */
export interface PluginRecord {
  name: string;
  source: string;
  /** Disabled plugins stay in the store but are not part of the chain (nor uploaded to DeepFlow). */
  enabled: boolean;
  createdAt: string; // ISO 8601
  updatedAt: string; // ISO 8601
  /** Opaque optimistic-concurrency token (file store: a counter; cluster store: the ConfigMap's resourceVersion). */
  version: string;
}

/** An earlier saved state of one plugin (the store keeps the last 20). */
export interface PluginHistoryEntry {
  version: string;
  savedAt: string;
  name: string;
  source: string;
  enabled: boolean;
}

export type DriftState = 'in-sync' | 'remote-only' | 'local-only' | 'not-uploaded';

/** What a DeepFlow server (DEEPFLOW_SERVER_URL) says, merged with the local sources. */
export interface DeepflowSyncState {
  url: string;
  orgId: number;
  /** false: the server was unreachable or answered garbage; `error` says so, the local store is intact. */
  ok: boolean;
  error?: string;
  /** GET /v1/plugin/ rows as DeepFlow returns them (updated_at DESC), all types. */
  remote: { name: string; type: number; user: number; updatedAt: string }[];
  drift: { name: string; state: DriftState }[];
}

export interface PluginList {
  store: 'file' | 'cluster';
  /** Where it lives: the data directory, or `<context>/<namespace>`. */
  location: string;
  /** Execution order (creation order, as DeepFlow runs them). */
  plugins: PluginRecord[];
  /** Changes whenever anything in the store changes (for the whole-list operations: reorder). */
  listVersion: string;
  deepflow: DeepflowSyncState | null;
}

/** Team-level DeepFlow emulation settings, persisted beside the plugins. */
export interface DeepflowSettings {
  /** The agent config YAML as users write it (`inputs.resources.kubernetes.api_resources`); '' = DeepFlow's defaults. */
  agentConfigYaml: string;
  version: DeepflowVersion;
  /** Optimistic-concurrency token, as for plugins. */
  settingsVersion: string;
}

/**
 * `error` is the English text (API, audit, CLI); `message`, when set, is the same refusal for the
 * UI to render in the reader's language (an engine's or DeepFlow's words inside it stay verbatim).
 */
export type Failure = { ok: false; error: string; message?: Msg; conflict?: boolean };
export type Result<T extends object = object> = ({ ok: true } & T) | Failure;

export const PLUGINS_QUERY_KEY = ['plugins'] as const;
export const DEEPFLOW_SETTINGS_QUERY_KEY = ['deepflow-settings'] as const;
