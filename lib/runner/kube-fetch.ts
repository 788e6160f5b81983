// The worker's way to the studio route: `POST /api/kube` on the page's origin (the worker script is
// served by the app, so a relative URL is same-origin and carries the context cookie).
import type { ScriptReadRequest, ScriptReadResponse } from '@/lib/k8s/script-read-types';
import type { KubeTransport } from './cluster-script';

export const KUBE_ROUTE = '/api/kube';

export function fetchTransport(url = KUBE_ROUTE): KubeTransport {
  return async (request: ScriptReadRequest, signal: AbortSignal): Promise<ScriptReadResponse> => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
      credentials: 'same-origin',
      signal,
    });
    const text = await res.text();
    try {
      return JSON.parse(text) as ScriptReadResponse;
    } catch {
      return { ok: false, status: res.status, reason: 'BadResponse', message: `the studio answered ${res.status} without JSON: ${text.slice(0, 200)}` };
    }
  };
}
