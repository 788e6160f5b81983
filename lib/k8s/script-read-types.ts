// The contract of `POST /api/kube`, the read-only door cluster scripts use (lib/runner's `kube`
// module in the Web Worker on one side, lib/k8s/script-reads.ts on the server on the other).
// Pure types: safe for the worker bundle.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** The only verbs a script may use; `log` is `GET pods/{name}/log`. */
export type ScriptReadVerb = 'get' | 'list' | 'log';

export interface ScriptReadQuery {
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
  resourceVersion?: string;
  /** log only */
  container?: string;
  tailLines?: number;
  sinceSeconds?: number;
  timestamps?: boolean;
  previous?: boolean;
  limitBytes?: number;
}

/** A CRD the page added in Settings (browser-local), so the route may serve it. */
export interface ScriptCustomKind {
  group: string;
  version: string;
  plural: string;
  kind?: string;
  namespaced: boolean;
}

export interface ScriptReadRequest {
  verb: ScriptReadVerb;
  /** '' for the core group */
  group: string;
  version: string;
  plural: string;
  namespace?: string;
  name?: string;
  query?: ScriptReadQuery;
  customKinds?: ScriptCustomKind[];
}

export type ScriptReadResponse =
  | { ok: true; body: JsonValue }
  | { ok: false; status: number | string; reason: string; message: string };
