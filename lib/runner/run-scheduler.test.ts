import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RunScheduler, type SchedulerRunner } from './run-scheduler';
import type { LuaResult } from '@/lib/lua';
import type { RunnerError, RunnerRequestBody, RunnerResult } from './protocol';

// A fake runner: every run waits until the test answers it; abort resolves everything waiting.
function fakeRunner() {
  const runs: { request: RunnerRequestBody; timeoutMs: number; resolve(r: RunnerResult): void; done: boolean }[] = [];
  const aborts: RunnerError[] = [];
  const runner: SchedulerRunner = {
    run: (request, opts) =>
      new Promise((resolve) => {
        const entry = { request, timeoutMs: opts.timeoutMs, done: false, resolve: (r: RunnerResult) => { entry.done = true; resolve(r); } };
        runs.push(entry);
      }),
    abort: (error) => {
      aborts.push(error);
      for (const r of runs) if (!r.done) r.resolve({ ok: false, error });
    },
  };
  return { runner, runs, aborts };
}

const check = (source: string): RunnerRequestBody => ({ type: 'check', source, profile: 'kruise' });
const okOutput = (id: number): RunnerResult => ({ id, ok: true, type: 'check', output: { ok: true }, stats: { ms: 1, instructions: 7 } });
const sourceOf = (r: RunnerRequestBody) => (r.type === 'check' ? r.source : '');
const flush = () => vi.advanceTimersByTimeAsync(0);

describe('RunScheduler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const make = (accept?: (o: LuaResult) => boolean) => {
    const fake = fakeRunner();
    const s = new RunScheduler<LuaResult>(fake.runner, { debounceMs: 150, timeoutMs: 2000, graceMs: 100, accept });
    return { ...fake, s };
  };

  it('debounces: only the request current after the quiet time runs, once', async () => {
    const { s, runs } = make();
    s.setRequest(check('a'));
    await vi.advanceTimersByTimeAsync(100);
    s.setRequest(check('ab'));
    await vi.advanceTimersByTimeAsync(100);
    s.setRequest(check('abc'));
    expect(runs).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(150);
    expect(runs.map((r) => sourceOf(r.request))).toEqual(['abc']);
    expect(runs[0].timeoutMs).toBe(2000);
    expect(s.getSnapshot().running).toBe(true);
    runs[0].resolve(okOutput(1));
    await flush();
    expect(s.getSnapshot()).toMatchObject({ result: { ok: true }, running: false, stale: false, stats: { ms: 1, instructions: 7 } });
  });

  it('compares requests by value: an equal fresh object schedules nothing', async () => {
    const { s, runs } = make();
    s.setRequest(check('a'));
    await vi.advanceTimersByTimeAsync(150);
    runs[0].resolve(okOutput(1));
    await flush();
    s.setRequest(check('a'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toHaveLength(1);
    expect(s.getSnapshot().stale).toBe(false);
  });

  it('keeps the last good result, marked stale, while a newer request is pending', async () => {
    const { s, runs } = make();
    s.setRequest(check('a'));
    await vi.advanceTimersByTimeAsync(150);
    runs[0].resolve(okOutput(1));
    await flush();
    s.setRequest(check('b'));
    expect(s.getSnapshot()).toMatchObject({ result: { ok: true }, stale: true });
    await vi.advanceTimersByTimeAsync(150);
    runs[1].resolve({ ok: false, error: { kind: 'timeout', message: 'stopped after 2000 ms' } });
    await flush();
    expect(s.getSnapshot()).toMatchObject({ result: { ok: true }, stale: true, error: { kind: 'timeout' }, running: false });
  });

  it('latest wins: a newer request waits for the running one, whose late result is dropped', async () => {
    const { s, runs, aborts } = make();
    s.setRequest(check('old'));
    await vi.advanceTimersByTimeAsync(150);
    s.setRequest(check('new'));
    await vi.advanceTimersByTimeAsync(150);
    expect(runs).toHaveLength(1); // one run at a time: 'new' waits
    expect(s.getSnapshot().running).toBe(true);
    runs[0].resolve({ id: 1, ok: true, type: 'check', output: { ok: false, error: { kind: 'syntax', message: 'old' } }, stats: { ms: 1, instructions: 0 } });
    await flush();
    expect(s.getSnapshot().result).toBeNull(); // the old answer is not shown
    expect(runs.map((r) => sourceOf(r.request))).toEqual(['old', 'new']);
    runs[1].resolve(okOutput(2));
    await flush();
    expect(s.getSnapshot()).toMatchObject({ result: { ok: true }, stale: false, running: false });
    expect(aborts).toHaveLength(0);
  });

  it('terminates the worker of a superseded run that outlives the grace time, then runs the new request', async () => {
    const { s, runs, aborts } = make();
    s.setRequest(check('while true do end'));
    await vi.advanceTimersByTimeAsync(150);
    s.setRequest(check('return 1'));
    await vi.advanceTimersByTimeAsync(150 + 99);
    expect(aborts).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(aborts).toEqual([{ kind: 'superseded', message: expect.any(String) }]);
    await flush();
    expect(runs.map((r) => sourceOf(r.request))).toEqual(['while true do end', 'return 1']);
    expect(s.getSnapshot().error).toBeNull(); // the superseded failure is not reported
    runs[1].resolve(okOutput(2));
    await flush();
    expect(s.getSnapshot()).toMatchObject({ result: { ok: true }, running: false, error: null });
  });

  it('a run as long as the last good one is not terminated: the grace grows with it', async () => {
    const { s, runs, aborts } = make();
    s.setRequest(check('slow 1'));
    await vi.advanceTimersByTimeAsync(150);
    runs[0].resolve({ ...okOutput(1), stats: { ms: 400, instructions: 1 } } as RunnerResult);
    await flush();
    s.setRequest(check('slow 2'));
    await vi.advanceTimersByTimeAsync(150);
    s.setRequest(check('slow 3'));
    await vi.advanceTimersByTimeAsync(150 + 100 + 800 - 1);
    expect(aborts).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(aborts).toHaveLength(1);
  });

  it('going back to the request that is running just waits for it', async () => {
    const { s, runs, aborts } = make();
    s.setRequest(check('a'));
    await vi.advanceTimersByTimeAsync(150);
    s.setRequest(check('b'));
    await vi.advanceTimersByTimeAsync(100);
    s.setRequest(check('a'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(aborts).toHaveLength(0);
    runs[0].resolve(okOutput(1));
    await flush();
    expect(runs).toHaveLength(1);
    expect(s.getSnapshot()).toMatchObject({ result: { ok: true }, stale: false, running: false });
  });

  it('after a hard stop the next request runs again (the runner starts a fresh worker)', async () => {
    const { s, runs } = make();
    s.setRequest(check('slow'));
    await vi.advanceTimersByTimeAsync(150);
    runs[0].resolve({ ok: false, error: { kind: 'timeout', message: 'stopped' } });
    await flush();
    expect(s.getSnapshot().error?.kind).toBe('timeout');
    s.setRequest(check('fast'));
    await vi.advanceTimersByTimeAsync(150);
    expect(runs).toHaveLength(2);
    runs[1].resolve(okOutput(2));
    await flush();
    expect(s.getSnapshot()).toMatchObject({ error: null, result: { ok: true } });
  });

  it('runNow skips the debounce and re-runs an unchanged request', async () => {
    const { s, runs } = make();
    s.setRequest(check('a'));
    s.runNow();
    expect(runs).toHaveLength(1);
    runs[0].resolve(okOutput(1));
    await flush();
    s.runNow();
    expect(runs).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toHaveLength(2);
  });

  it('an output that accept rejects does not replace the last good result', async () => {
    const { s, runs } = make((o) => o.ok);
    s.setRequest(check('good'));
    s.runNow();
    runs[0].resolve(okOutput(1));
    await flush();
    s.setRequest(check('bad'));
    s.runNow();
    runs[1].resolve({ id: 2, ok: true, type: 'check', output: { ok: false, error: { kind: 'syntax', message: 'x' } }, stats: { ms: 1, instructions: 0 } });
    await flush();
    expect(s.getSnapshot()).toMatchObject({ result: { ok: true }, stale: true, latest: { ok: false } });
  });

  it('a null request cancels the pending run; reset stops a running one', async () => {
    const { s, runs, aborts } = make();
    s.setRequest(check('a'));
    s.setRequest(null);
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toHaveLength(0);
    s.setRequest(check('b'));
    s.runNow();
    s.reset();
    expect(aborts).toHaveLength(1);
    await flush();
    expect(s.getSnapshot()).toMatchObject({ result: null, error: null, running: false });
  });
});
