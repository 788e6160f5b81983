// Server/CLI side: runs engine requests in a worker thread, terminating it on timeout (the hard
// stop behind the in-engine budget) and starting a fresh one for the next request. Never rejects.
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Dispatcher } from './dispatcher';
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

// One worker per bundle path (tests may point at another build).
const dispatchers = new Map<string, Dispatcher>();

function dispatcherFor(file: string): Dispatcher {
  let d = dispatchers.get(file);
  if (!d) {
    d = new Dispatcher((events) => {
      const worker = new Worker(file);
      worker.unref();
      worker.on('message', (res: RunnerResponse) => events.message(res));
      worker.on('error', (e) => events.crash(`the Lua worker crashed: ${e.message}`));
      worker.on('exit', (code) => events.crash(`the Lua worker exited (code ${code})`));
      return {
        post: (m) => worker.postMessage(m),
        announcesReady: true,
        terminate: () => worker.terminate(),
        // keep the process alive only while a request is waiting
        busy: (busy) => (busy ? worker.ref() : worker.unref()),
      };
    }, 'the worker was terminated and will be restarted');
    dispatchers.set(file, d);
  }
  return d;
}

export function runInThread(request: RunnerRequestBody, opts: NodeRunnerOptions): Promise<RunnerResult> {
  return dispatcherFor(opts.workerPath ?? defaultWorkerPath()).run(request, opts.timeoutMs);
}

/** Stops the worker threads (tests, CLI exit). */
export async function closeThreadRunner(): Promise<void> {
  await Promise.all([...dispatchers.values()].map((d) => d.close()));
}
