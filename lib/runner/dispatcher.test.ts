import { describe, expect, it, vi } from 'vitest';
import { Dispatcher, WORKER_READY, WORKER_START_MS, type WorkerEvents } from './dispatcher';
import type { RunnerRequestBody } from './protocol';

function fakeWorkers() {
  const started: { events: WorkerEvents; posted: { id: number }[]; terminated: boolean; busy: boolean[] }[] = [];
  const dispatcher = new Dispatcher((events) => {
    const w = { events, posted: [] as { id: number }[], terminated: false, busy: [] as boolean[] };
    started.push(w);
    return { post: (m) => w.posted.push(m as { id: number }), terminate: () => void (w.terminated = true), busy: (b) => w.busy.push(b) };
  }, 'restarted');
  return { dispatcher, started };
}

const check: RunnerRequestBody = { type: 'check', source: 'return 1', profile: 'kruise' };
const answer = (id: number) => ({ id, ok: true as const, type: 'check' as const, output: { ok: true as const }, stats: { ms: 1, instructions: 0 } });

describe('Dispatcher', () => {
  it('routes answers by id on one worker and releases it when idle', async () => {
    const { dispatcher, started } = fakeWorkers();
    const a = dispatcher.run(check, 1000);
    const b = dispatcher.run(check, 1000);
    expect(started).toHaveLength(1);
    const [w] = started;
    w.events.message(answer(w.posted[1].id));
    w.events.message(answer(w.posted[0].id));
    await expect(a).resolves.toMatchObject({ ok: true, id: w.posted[0].id });
    await expect(b).resolves.toMatchObject({ ok: true, id: w.posted[1].id });
    expect(w.busy.at(-1)).toBe(false);
  });

  it('on timeout terminates the worker, fails what was queued on it, and starts afresh', async () => {
    vi.useFakeTimers();
    try {
      const { dispatcher, started } = fakeWorkers();
      const slow = dispatcher.run(check, 100);
      const queued = dispatcher.run(check, 10_000);
      vi.advanceTimersByTime(100);
      await expect(slow).resolves.toMatchObject({ ok: false, error: { kind: 'timeout' } });
      await expect(queued).resolves.toMatchObject({ ok: false, error: { kind: 'crash' } });
      expect(started[0].terminated).toBe(true);
      const next = dispatcher.run(check, 1000);
      expect(started).toHaveLength(2);
      started[1].events.message(answer(started[1].posted[0].id));
      await expect(next).resolves.toMatchObject({ ok: true });
    } finally {
      vi.useRealTimers();
    }
  });

  it('a crash fails the waiting requests; a late crash of a replaced worker changes nothing', async () => {
    const { dispatcher, started } = fakeWorkers();
    const waiting = dispatcher.run(check, 1000);
    started[0].events.crash('boom');
    await expect(waiting).resolves.toEqual({ ok: false, error: { kind: 'crash', message: 'boom' } });
    const next = dispatcher.run(check, 1000);
    started[0].events.crash('exited (code 1)');
    started[1].events.message(answer(started[1].posted[0].id));
    await expect(next).resolves.toMatchObject({ ok: true });
  });

  it('abort terminates the worker now, resolves what waits with the given error, and the next run starts afresh', async () => {
    const { dispatcher, started } = fakeWorkers();
    const running = dispatcher.run(check, 10_000);
    dispatcher.abort({ kind: 'superseded', message: 'newer run' });
    await expect(running).resolves.toEqual({ ok: false, error: { kind: 'superseded', message: 'newer run' } });
    expect(started[0].terminated).toBe(true);
    const next = dispatcher.run(check, 1000);
    expect(started).toHaveLength(2);
    started[1].events.message(answer(started[1].posted[0].id));
    await expect(next).resolves.toMatchObject({ ok: true });
  });

  describe('a worker that announces when it has loaded', () => {
    function announcing() {
      const started: { events: WorkerEvents; posted: { id: number }[]; terminated: boolean }[] = [];
      const dispatcher = new Dispatcher((events) => {
        const w = { events, posted: [] as { id: number }[], terminated: false };
        started.push(w);
        return { post: (m) => w.posted.push(m as { id: number }), terminate: () => void (w.terminated = true), announcesReady: true };
      }, 'restarted');
      return { dispatcher, started };
    }

    it('starts the hard stop when the worker is ready, not while it loads', async () => {
      vi.useFakeTimers();
      try {
        const { dispatcher, started } = announcing();
        const run = dispatcher.run(check, 100);
        vi.advanceTimersByTime(5_000); // a slow start: the engine bundle loading on a busy machine
        expect(started[0].terminated).toBe(false);
        started[0].events.message(WORKER_READY as never);
        vi.advanceTimersByTime(99);
        started[0].events.message(answer(started[0].posted[0].id));
        await expect(run).resolves.toMatchObject({ ok: true });
      } finally {
        vi.useRealTimers();
      }
    });

    it('still stops a runaway once the worker is ready', async () => {
      vi.useFakeTimers();
      try {
        const { dispatcher, started } = announcing();
        const run = dispatcher.run(check, 100);
        started[0].events.message(WORKER_READY as never);
        vi.advanceTimersByTime(100);
        await expect(run).resolves.toMatchObject({ ok: false, error: { kind: 'timeout' } });
        expect(started[0].terminated).toBe(true);
        // the next run waits for its own fresh worker to be ready
        const next = dispatcher.run(check, 100);
        expect(started).toHaveLength(2);
        vi.advanceTimersByTime(1_000);
        started[1].events.message(WORKER_READY as never);
        started[1].events.message(answer(started[1].posted[0].id));
        await expect(next).resolves.toMatchObject({ ok: true });
      } finally {
        vi.useRealTimers();
      }
    });

    it('calls a worker that never loads crashed after the start limit', async () => {
      vi.useFakeTimers();
      try {
        const { dispatcher, started } = announcing();
        const run = dispatcher.run(check, 100);
        vi.advanceTimersByTime(WORKER_START_MS);
        await expect(run).resolves.toMatchObject({ ok: false, error: { kind: 'crash', message: expect.stringContaining('did not start') } });
        expect(started[0].terminated).toBe(true);
      } finally {
        vi.useRealTimers();
      }
    });
  });
});
