// PLACEHOLDER until wip-classify's lib/deepflow/agent-config.ts is merged (same signature, Contract A);
// remove this file then and import parseAgentConfig from '@/lib/deepflow/agent-config'.
import { parseDocument, LineCounter } from 'yaml';
import { API_RESOURCE_GROUP_VERSIONS, type ApiResourceEntry } from '@/lib/deepflow/api-resources';

export function parseAgentConfig(yamlText: string): { ok: true; entries: ApiResourceEntry[]; warnings: string[] } | { ok: false; error: { line: number | null; message: string } } {
  if (yamlText.trim() === '') return { ok: true, entries: [], warnings: [] };
  const lc = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lc });
  if (doc.errors.length) {
    const e = doc.errors[0];
    return { ok: false, error: { line: e.linePos?.[0]?.line ?? null, message: e.message } };
  }
  const js = doc.toJS() as unknown;
  const list = Array.isArray(js) ? js : (js as { inputs?: { resources?: { kubernetes?: { api_resources?: unknown } } } })?.inputs?.resources?.kubernetes?.api_resources;
  if (!Array.isArray(list)) return { ok: false, error: { line: 1, message: 'expected inputs.resources.kubernetes.api_resources (a list)' } };
  const entries: ApiResourceEntry[] = [];
  for (const e of list as ApiResourceEntry[]) {
    if (!e || typeof e.name !== 'string') return { ok: false, error: { line: null, message: 'every api_resources entry needs a name' } };
    if (!Object.prototype.hasOwnProperty.call(API_RESOURCE_GROUP_VERSIONS, e.name)) return { ok: false, error: { line: null, message: `resource ${e.name} not supported` } };
    entries.push(e);
  }
  return { ok: true, entries, warnings: [] };
}
