// Runs engine requests in a dedicated Web Worker. The wall-clock timeout is the hard stop for what the
// in-engine budget cannot interrupt (a long single library call, memory blow-ups): terminate and
// recreate the Worker, resolve with a timeout error. Never rejects.
import { Dispatcher } from './dispatcher';
import type { RunnerRequestBody, RunnerResponse, RunnerResult } from './protocol';

export const WORKER_URL = '/workers/lua-worker.js';

const dispatcher = new Dispatcher((events) => {
  const w = new Worker(WORKER_URL);
  w.onmessage = (e: MessageEvent<RunnerResponse>) => events.message(e.data);
  w.onerror = (e) => {
    e.preventDefault();
    events.crash(`the Lua worker crashed: ${e.message || 'unknown error'}`);
  };
  return { post: (m) => w.postMessage(m), terminate: () => w.terminate() };
}, 'the script ran too long or built too much data; the worker was restarted');

export function runInBrowserWorker(request: RunnerRequestBody, opts: { timeoutMs: number }): Promise<RunnerResult> {
  return dispatcher.run(request, opts.timeoutMs);
}
