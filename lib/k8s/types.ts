// Plain-JSON shapes shared by the server (route handlers, server actions) and the client (hooks).
// No imports from server modules: this file is bundled into the browser.
import type { Msg } from '@/lib/i18n/message';

/** A Kubernetes object as it travels to the client (managedFields stripped). */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    creationTimestamp?: string;
    deletionTimestamp?: string;
    ownerReferences?: { apiVersion: string; kind: string; name: string; uid: string; controller?: boolean }[];
    [key: string]: unknown;
  };
  spec?: unknown;
  status?: unknown;
  [key: string]: unknown;
}

export type ProblemSource = 'kubeconfig' | 'seed' | 'context' | 'connection';

export interface Problem {
  source: ProblemSource;
  file?: string;
  line?: number;
  context?: string;
  /** English, for the terminal, the CLI and the tests. */
  message: string;
  /** `message` in the reader's language (renders to `message` in English). */
  messageMsg?: Msg;
  /** What the user can do about it, in one sentence. */
  fix: string;
  /** `fix` in the reader's language (renders to `fix` in English). */
  fixMsg?: Msg;
}

export interface ContextInfo {
  name: string;
  cluster: string;
  server: string;
  user: string;
  namespace?: string;
}

export interface ConnectionProbe {
  ok: boolean;
  reason?: string;
  /** `reason` in the reader's language, when the studio wrote it */
  reasonMsg?: Msg;
  /** `gitVersion` of the API server, e.g. `v1.31.0`. */
  version?: string;
}

export interface ClusterInfo {
  contexts: ContextInfo[];
  current: string | null;
  server: string | null;
  sandbox: boolean;
  kubeconfigPaths: string[];
  problems: Problem[];
  connection: ConnectionProbe;
}

/** Error shape every cluster call is mapped to, with text meant for the user. */
export interface KubeError {
  code: 400 | 401 | 403 | 404 | 409 | 410 | 422 | 500 | 'unreachable' | 'timeout' | 'unknown';
  reason: string;
  message: string;
  /** `message` in the reader's language, when the studio wrote it (the API server's own words stay verbatim) */
  messageMsg?: Msg;
}

export type ListStateName = 'loading' | 'live' | 'reconnecting' | 'forbidden' | 'error';
export type StreamStateName = Exclude<ListStateName, 'loading'>;

// --- The watch protocol (`GET /api/watch`, one `data:` JSON line per event) ---

export interface SnapshotEvent {
  kind: string;
  type: 'snapshot';
  items: KubeObject[];
  resourceVersion: string;
  /**
   * The server lists in pages (`limit`/`continue`) and sends each as it arrives, so the first rows
   * of 10,000 pods show long before the last page: `more` says pages follow, `continued` that this
   * page extends the previous snapshot of the kind instead of replacing it.
   */
  more?: boolean;
  continued?: boolean;
}

export interface ChangeEvent {
  kind: string;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KubeObject;
}

export interface StatusEvent {
  kind: string;
  type: 'status';
  state: StreamStateName;
  reason?: string;
  /** `reason` in the reader's language, when the studio wrote it */
  reasonMsg?: Msg;
  retryInMs?: number;
  /** Reconnect attempt number, present with `reconnecting`. */
  attempt?: number;
  /**
   * `kind`: the cluster answered and the answer concerns this kind only (not served, bad request),
   * so the connection itself is fine. Absent: the state may be the connection's (401, outage).
   */
  scope?: 'kind';
}

export type WatchEvent = SnapshotEvent | ChangeEvent | StatusEvent;

/** What `useKubeList` reads from the query cache: the folded result of the events of one kind. */
export interface ListState {
  items: KubeObject[];
  resourceVersion: string;
  state: ListStateName;
  /** The list is live but further pages of the initial LIST are still coming. */
  partial?: boolean;
  reason?: string;
  /** `reason` in the reader's language, when the studio wrote it */
  reasonMsg?: Msg;
  retryInMs?: number;
}

export type SwitchContextResult = { ok: true; context: string } | { ok: false; error: string; errorMsg?: Msg };

export const CONTEXT_COOKIE = 'kls-context';
