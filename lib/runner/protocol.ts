// Messages between the app (browser main thread / server / CLI) and the engine worker.
import type { LuaFailure, LuaProfile } from '@/lib/lua';
import type { RouteInput, RouteOutput } from '@/lib/kruise';

export type RunnerRequest =
  | { id: number; type: 'route'; input: RouteInput }
  | { id: number; type: 'tag'; input: unknown }
  | { id: number; type: 'check'; source: string; profile: LuaProfile };

export type RunnerRequestBody =
  | { type: 'route'; input: RouteInput }
  | { type: 'tag'; input: unknown }
  | { type: 'check'; source: string; profile: LuaProfile };

export type RunnerResponse =
  | { id: number; ok: true; type: 'route'; output: RouteOutput }
  | { id: number; ok: true; type: 'tag'; output: unknown }
  | { id: number; ok: true; type: 'check'; output: { ok: true } | { ok: false; error: LuaFailure } }
  | { id: number; ok: false; error: RunnerError };

export interface RunnerError {
  /** timeout: the worker was terminated after the wall-clock limit; crash: the worker died or threw */
  kind: 'timeout' | 'crash' | 'unsupported';
  message: string;
}

export type RunnerResult = Extract<RunnerResponse, { ok: true }> | { ok: false; error: RunnerError };
