// `kube-lua-studio tag`: a DeepFlow tagging plugin chain over a list of pods.
import path from 'node:path';
import { pluginLoadFailures, tagPods, type PodTag } from '../deepflow';
import type { DeepflowVersion } from '../deepflow/versions';
import { readDocuments, readText } from './input';
import type { CommandOutput } from './route';
import { pickPods } from './validate';

export interface TagOptions {
  pods: string;
  plugins: string[];
  deepflowVersion?: DeepflowVersion;
  json?: boolean;
}


/** The contract's view of one pod (cli-contract.md): no prints, no production-only fields. */
export function contractPod(p: PodTag) {
  return {
    namespace: p.namespace,
    name: p.name,
    uid: p.uid,
    plugin: { type: p.plugin.type, name: p.plugin.name, error: p.plugin.error ?? null },
    accepted: p.accepted,
    standard: p.standard,
    workload: p.workload,
  };
}

export function runTag(opts: TagOptions): CommandOutput {
  const { pods, objects } = pickPods(opts.pods, readDocuments(opts.pods, 'pod list'));
  const plugins = opts.plugins.map((file) => ({ name: path.basename(file).replace(/\.lua$/, ''), source: readText(file, 'plugin') }));
  const failures = pluginLoadFailures(plugins);
  const code = failures.length > 0 ? 1 : 0;
  const stderr = failures.map((f) => {
    const deepflow = f.production !== undefined && f.production !== f.error ? `\nin DeepFlow: ${f.production}` : '';
    return `${indentLines(`kube-lua-studio: plugin ${f.name}: ${f.error}${deepflow}`)}\n`;
  }).join('');
  const unloadable = new Set(failures.map((f) => f.index));
  const result = tagPods({ pods, plugins, objects, deepflowVersion: opts.deepflowVersion });
  if (opts.json) return { code, stderr, stdout: `${JSON.stringify({ pods: result.pods.map(contractPod) }, null, 2)}\n` };
  const rows = result.pods.map((p) => {
    const failed = p.plugin.failedPlugin;
    const answer = p.plugin.error
      ? failed && unloadable.has(failed.index) && p.plugin.error.startsWith('lua script loading error')
        ? `error: plugin ${failed.name} does not load (see above)`
        : `error: ${firstLine(p.plugin.error)}`
      : p.plugin.type || p.plugin.name ? `${p.plugin.type}/${p.plugin.name}` : '-';
    return [`${p.namespace}/${p.name}`, answer, p.accepted ? 'yes' : 'no', describe(p.workload ?? p.standard)];
  });
  const header = ['POD', 'PLUGIN ANSWER', 'ACCEPTED', 'WORKLOAD'];
  const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => r[i].length))));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  const out = [line(header), ...rows.map(line)];
  for (const w of result.warnings ?? []) out.push(`warning: ${typeof w === 'string' ? w : JSON.stringify(w)}`);
  return { code, stderr, stdout: `${out.join('\n')}\n` };
}

const firstLine = (s: string) => s.split('\n')[0];
/** Continuation lines of a multi-line Lua message, indented under their first line. */
const indentLines = (s: string) => s.split('\n').join('\n    ');

function describe(v: unknown): string {
  if (v === null || v === undefined) return '-';
  if (typeof v === 'string') return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.type === 'string' && typeof o.name === 'string') return `${o.type}/${o.name}`;
    if (typeof o.label === 'string') return o.label;
    if (typeof o.unsynchronized === 'string') return `unsynchronized (${o.unsynchronized})`;
  }
  return JSON.stringify(v);
}
