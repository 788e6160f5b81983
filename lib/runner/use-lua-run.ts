'use client';
// React binding of RunScheduler: one scheduler (and one Web Worker, started on the first run) per
// hook instance. Requests are compared by value, so callers may pass a fresh object each render.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { createBrowserRunner } from './browser-client';
import { DEFAULT_DEBOUNCE_MS, DEFAULT_GRACE_MS, DEFAULT_TIMEOUT_MS, RunScheduler, type RunState } from './run-scheduler';
import type { OutputOf, RunnerError, RunnerRequestBody, RunStats } from './protocol';

export interface UseLuaRunOptions<O> {
  /** Quiet time after the last change before a run starts (default none: one run at a time already coalesces keystrokes). */
  debounceMs?: number;
  /** Wall-clock hard stop: the worker is terminated and restarted (default per request type). */
  timeoutMs?: number;
  /** Whether an output may replace the last good result (default: every output). */
  accept?: (output: O) => boolean;
}

export type LuaRun<O> = RunState<O> & { runNow(): void };

const serverSnapshot: RunState<never> = { result: null, error: null, running: false, stale: false, stats: null, latest: null };

export function useLuaRun<T extends RunnerRequestBody['type']>(
  request: Extract<RunnerRequestBody, { type: T }> | null,
  opts: UseLuaRunOptions<OutputOf<T>> = {},
): LuaRun<OutputOf<T>> {
  const timeoutMs = opts.timeoutMs ?? (request ? DEFAULT_TIMEOUT_MS[request.type] : DEFAULT_TIMEOUT_MS.route);
  const debounceMs = opts.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const [scheduler] = useState(
    () => new RunScheduler<OutputOf<T>>(createBrowserRunner(), { debounceMs, timeoutMs, graceMs: DEFAULT_GRACE_MS, accept: opts.accept }),
  );
  const state = useSyncExternalStore(scheduler.subscribe, scheduler.getSnapshot, () => serverSnapshot as RunState<OutputOf<T>>);
  const key = request === null ? null : JSON.stringify(request);

  useEffect(() => {
    scheduler.configure({ debounceMs, timeoutMs, accept: opts.accept });
  });
  useEffect(() => {
    scheduler.setRequest(key === null ? null : (JSON.parse(key) as RunnerRequestBody));
  }, [scheduler, key]);
  useEffect(() => () => scheduler.reset(), [scheduler]);

  return { ...state, runNow: scheduler.runNow };
}
