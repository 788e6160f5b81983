// Server/CLI side: runs engine requests in a worker thread, terminating it on timeout (the hard
// stop behind the in-engine budget) and starting a fresh one for the next request. Never rejects.
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunnerRequestBody, RunnerResponse, RunnerResult } from './protocol';

export interface NodeRunnerOptions {
  timeoutMs: number;
  /** the bundled worker (dist/lua-worker.mjs); defaults to searching from this file and the cwd */
  workerPath?: string;
}

function defaultWorkerPath(): string {
  const candidates = [path.resolve(process.cwd(), 'dist/lua-worker.mjs')];
  try {
    const here = path.dirname(fileURLToPath(import.meta.url));
    candidates.unshift(path.resolve(here, 'lua-worker.mjs'), path.resolve(here, '../../dist/lua-worker.mjs'));
  } catch {
    /* not a file URL (bundled elsewhere) */
  }
  return candidates.find((c) => existsSync(c)) ?? candidates[candidates.length - 1];
}

let current: { worker: Worker; file: string } | null = null;
let nextId = 1;
const pending = new Map<number, (r: RunnerResult) => void>();

function getWorker(file: string): Worker {
  if (current && current.file === file) return current.worker;
  current?.worker.terminate();
  const worker = new Worker(file);
  worker.unref();
  worker.on('message', (res: RunnerResponse) => {
    const done = pending.get(res.id);
    if (!done) return;
    pending.delete(res.id);
    done(res.ok ? res : { ok: false, error: res.error });
  });
  const die = (message: string) => {
    if (current?.worker !== worker) return;
    current = null;
    for (const done of pending.values()) done({ ok: false, error: { kind: 'crash', message } });
    pending.clear();
  };
  worker.on('error', (e) => die(`the Lua worker crashed: ${e.message}`));
  worker.on('exit', (code) => die(`the Lua worker exited (code ${code})`));
  current = { worker, file };
  return worker;
}

export function runInThread(request: RunnerRequestBody, opts: NodeRunnerOptions): Promise<RunnerResult> {
  return new Promise((resolve) => {
    const file = opts.workerPath ?? defaultWorkerPath();
    let worker: Worker;
    try {
      worker = getWorker(file);
    } catch (e) {
      resolve({ ok: false, error: { kind: 'crash', message: `cannot start the Lua worker (${file}): ${e instanceof Error ? e.message : String(e)}` } });
      return;
    }
    const id = nextId++;
    const timer = setTimeout(() => {
      if (!pending.has(id)) return;
      pending.delete(id);
      const others = [...pending.values()];
      pending.clear();
      if (current?.worker === worker) current = null;
      void worker.terminate();
      for (const done of others) done({ ok: false, error: { kind: 'crash', message: 'the Lua worker was restarted after another request timed out' } });
      resolve({ ok: false, error: { kind: 'timeout', message: `stopped after ${opts.timeoutMs} ms; the worker was terminated and will be restarted` } });
    }, opts.timeoutMs);
    pending.set(id, (r) => {
      clearTimeout(timer);
      resolve(r);
    });
    worker.ref();
    worker.postMessage({ ...request, id });
    // keep the process alive only while a request is pending
    const unrefWhenIdle = () => { if (pending.size === 0) worker.unref(); };
    const orig = pending.get(id);
    if (orig) pending.set(id, (r) => { orig(r); unrefWhenIdle(); });
  });
}

/** Stops the worker thread (tests, CLI exit). */
export async function closeThreadRunner(): Promise<void> {
  const w = current?.worker;
  current = null;
  if (w) await w.terminate();
}
