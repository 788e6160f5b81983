// Runs engine requests in a dedicated Web Worker. The wall-clock timeout is the hard stop for what the
// in-engine budget cannot interrupt (a long single library call, memory blow-ups): terminate and
// recreate the Worker, resolve with a timeout error. Never rejects.
import { Dispatcher } from './dispatcher';
import type { RunnerError, RunnerRequestBody, RunnerResponse, RunnerResult } from './protocol';

export const WORKER_URL = '/workers/lua-worker.js';

export interface BrowserRunner {
  run(request: RunnerRequestBody, opts: { timeoutMs: number }): Promise<RunnerResult>;
  /** Terminates this runner's worker now; what waits on it resolves with `error`; the next run starts a fresh one. */
  abort(error: RunnerError): void;
  close(): Promise<void>;
}

/** A runner with its own Worker (started on the first run): one per hook, so aborting one preview never kills another's run. */
export function createBrowserRunner(url = WORKER_URL): BrowserRunner {
  const dispatcher = new Dispatcher((events) => {
    const w = new Worker(url);
    w.onmessage = (e: MessageEvent<RunnerResponse>) => events.message(e.data);
    w.onerror = (e) => {
      e.preventDefault();
      events.crash(`the Lua worker crashed: ${e.message || 'unknown error'}`);
    };
    return { post: (m) => w.postMessage(m), terminate: () => w.terminate(), announcesReady: true };
  }, 'the script ran too long or built too much data; the worker was restarted');
  return {
    run: (request, opts) => dispatcher.run(request, opts.timeoutMs),
    abort: (error) => dispatcher.abort(error),
    close: () => dispatcher.close(),
  };
}

let shared: BrowserRunner | null = null;

/** One-off requests on a page-wide shared worker. */
export function runInBrowserWorker(request: RunnerRequestBody, opts: { timeoutMs: number }): Promise<RunnerResult> {
  shared ??= createBrowserRunner();
  return shared.run(request, opts);
}
