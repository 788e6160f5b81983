// The request handler shared by the browser Worker and the Node worker thread.
import { checkSyntax } from '@/lib/lua';
import { routeSteps } from '@/lib/kruise';
import type { RunnerRequest, RunnerResponse } from './protocol';

type TagPods = (input: never) => unknown;
let tagPods: TagPods | null | undefined;

async function loadTagPods(): Promise<TagPods | null> {
  if (tagPods !== undefined) return tagPods;
  try {
    // lib/deepflow is built by another engineer; guard until it exports tagPods
    const mod = (await import('@/lib/deepflow')) as { tagPods?: TagPods };
    tagPods = typeof mod.tagPods === 'function' ? mod.tagPods : null;
  } catch {
    tagPods = null;
  }
  return tagPods;
}

export async function handleRequest(req: RunnerRequest): Promise<RunnerResponse> {
  try {
    switch (req.type) {
      case 'route':
        return { id: req.id, ok: true, type: 'route', output: routeSteps(req.input) };
      case 'check':
        return { id: req.id, ok: true, type: 'check', output: checkSyntax(req.source, req.profile) };
      case 'tag': {
        const fn = await loadTagPods();
        if (!fn) return { id: req.id, ok: false, error: { kind: 'unsupported', message: 'DeepFlow tagging is not available in this build (lib/deepflow tagPods missing)' } };
        return { id: req.id, ok: true, type: 'tag', output: await fn(req.input as never) };
      }
    }
  } catch (e) {
    return { id: req.id, ok: false, error: { kind: 'crash', message: e instanceof Error ? e.message : String(e) } };
  }
}
