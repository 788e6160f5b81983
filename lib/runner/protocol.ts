// Messages between the app (browser main thread / server / CLI) and the engine worker. Every request
// type has its own typed output; every ok response carries the worker-measured run stats.
import type { LuaFailure, LuaProfile, LuaResult } from '@/lib/lua';
import type { RouteInput, RouteOutput } from '@/lib/kruise';
import type { TagInput, tagPods } from '@/lib/deepflow';
import type { LintIssue, LuaDialect } from '@/lib/lua/lint';

import type { JsonValue, ScriptCustomKind } from '@/lib/k8s/script-read-types';

export type { JsonValue };

export type TagOutput = ReturnType<typeof tagPods>;

export interface ClusterScriptInput {
  source: string;
  /** CRDs added in Settings (browser-local), which the studio route may then serve too. */
  customKinds?: ScriptCustomKind[];
}

export interface ClusterScriptOutput {
  /** The JSON of each value the script returned (Lua tables as objects/arrays, functions as their type name). */
  returned: JsonValue[];
  prints: string[];
  error: LuaFailure | null;
}

export interface RunStats {
  /** Wall-clock time of the request inside the worker (cluster scripts: the whole run, cluster reads included). */
  ms: number;
  /** Lua VM instructions the host counted (0 where the host does not report them yet). */
  instructions: number;
}

export type RunnerRequestBody =
  | { type: 'route'; input: RouteInput }
  | { type: 'tag'; input: TagInput }
  | { type: 'lint'; input: { source: string; dialect: LuaDialect } }
  | { type: 'check'; source: string; profile: LuaProfile }
  | { type: 'cluster'; input: ClusterScriptInput };

export type RunnerType = RunnerRequestBody['type'];

interface Outputs {
  route: RouteOutput;
  tag: TagOutput;
  lint: LintIssue[];
  check: LuaResult;
  cluster: ClusterScriptOutput;
}

export type OutputOf<T extends RunnerType> = Outputs[T];

export type RunnerRequest = RunnerRequestBody & { id: number };

/** One ok response per request type, `output` typed by `type`. */
export type RunnerOk = { [T in RunnerType]: { id: number; ok: true; type: T; output: Outputs[T]; stats: RunStats } }[RunnerType];

export type RunnerResponse = RunnerOk | { id: number; ok: false; error: RunnerError };

export interface RunnerError {
  /** timeout: the worker was terminated after the wall-clock limit; crash: the worker died or threw;
   *  superseded: a newer run replaced this one (the hook drops these) */
  kind: 'timeout' | 'crash' | 'unsupported' | 'superseded';
  message: string;
}

export type RunnerResult = RunnerOk | { ok: false; error: RunnerError };
