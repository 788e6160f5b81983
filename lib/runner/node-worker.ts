// worker_threads entry (bundled to dist/lua-worker.mjs by scripts/build-engine.mjs).
import { parentPort } from 'node:worker_threads';
import { handleRequest } from './handle';
import type { RunnerRequest } from './protocol';
import { WORKER_READY } from './dispatcher';

parentPort?.on('message', (req: RunnerRequest) => {
  void handleRequest(req).then((res) => parentPort?.postMessage(res));
});
// the engine is loaded: the client starts its requests' hard-stop clocks now (dispatcher.ts)
parentPort?.postMessage(WORKER_READY);
