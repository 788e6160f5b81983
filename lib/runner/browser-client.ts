// Runs engine requests in a dedicated Web Worker. The wall-clock timeout is the hard stop for what the
// in-engine budget cannot interrupt (a long single library call, memory blow-ups): terminate and
// recreate the Worker, resolve with a timeout error. Never rejects.
import type { RunnerRequestBody, RunnerResult, RunnerResponse } from './protocol';

export const WORKER_URL = '/workers/lua-worker.js';

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, (r: RunnerResult) => void>();

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(WORKER_URL);
  w.onmessage = (e: MessageEvent<RunnerResponse>) => {
    const done = pending.get(e.data.id);
    if (!done) return;
    pending.delete(e.data.id);
    done(e.data.ok ? e.data : { ok: false, error: e.data.error });
  };
  w.onerror = (e) => {
    e.preventDefault();
    failAll(`the Lua worker crashed: ${e.message || 'unknown error'}`);
  };
  worker = w;
  return w;
}

function failAll(message: string): void {
  worker?.terminate();
  worker = null;
  for (const done of pending.values()) done({ ok: false, error: { kind: 'crash', message } });
  pending.clear();
}

export function runInBrowserWorker(request: RunnerRequestBody, opts: { timeoutMs: number }): Promise<RunnerResult> {
  return new Promise((resolve) => {
    let w: Worker;
    try {
      w = getWorker();
    } catch (e) {
      resolve({ ok: false, error: { kind: 'crash', message: `cannot start the Lua worker: ${e instanceof Error ? e.message : String(e)}` } });
      return;
    }
    const id = nextId++;
    const timer = setTimeout(() => {
      if (!pending.has(id)) return;
      pending.delete(id);
      // other requests queued on this worker are lost with it: fail them too
      const others = [...pending.values()];
      pending.clear();
      w.terminate();
      if (worker === w) worker = null;
      for (const done of others) done({ ok: false, error: { kind: 'crash', message: 'the Lua worker was restarted after another request timed out' } });
      resolve({ ok: false, error: { kind: 'timeout', message: `stopped after ${opts.timeoutMs} ms (the script ran too long or built too much data); the worker was restarted` } });
    }, opts.timeoutMs);
    pending.set(id, (r) => {
      clearTimeout(timer);
      resolve(r);
    });
    w.postMessage({ ...request, id });
  });
}
