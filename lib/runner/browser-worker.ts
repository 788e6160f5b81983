// Web Worker entry (bundled to public/workers/lua-worker.js by scripts/build-engine.mjs).
import { handleRequest } from './handle';
import { fetchTransport } from './kube-fetch';
import type { RunnerRequest } from './protocol';

const scope = self as unknown as { onmessage: ((e: MessageEvent<RunnerRequest>) => void) | null; postMessage(m: unknown): void };
const env = { kube: fetchTransport() };

scope.onmessage = (e) => {
  void handleRequest(e.data, env).then((res) => scope.postMessage(res));
};
