// Web Worker entry (bundled to public/workers/lua-worker.js by scripts/build-engine.mjs).
import { handleRequest } from './handle';
import { fetchTransport } from './kube-fetch';
import type { RunnerRequest } from './protocol';
import { WORKER_READY } from './dispatcher';

const scope = self as unknown as { onmessage: ((e: MessageEvent<RunnerRequest>) => void) | null; postMessage(m: unknown): void };
const env = { kube: fetchTransport() };

scope.onmessage = (e) => {
  void handleRequest(e.data, env).then((res) => scope.postMessage(res));
};
// the engine is loaded: the client starts its requests' hard-stop clocks now (dispatcher.ts)
scope.postMessage(WORKER_READY);
