// worker_threads entry (bundled to dist/lua-worker.mjs by scripts/build-engine.mjs).
import { parentPort } from 'node:worker_threads';
import { handleRequest } from './handle';
import type { RunnerRequest } from './protocol';

parentPort?.on('message', (req: RunnerRequest) => {
  void handleRequest(req).then((res) => parentPort?.postMessage(res));
});
