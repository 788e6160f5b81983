// `kube-lua-studio test`: routing cases in Kruise's testdata format and our tagging case format.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { tagPods } from '../deepflow';
import { runTestCase } from '../kruise';
import { diffLines, stableJson } from './format';
import { InputError, isObject, readDocuments, readText, type Json } from './input';
import type { CommandOutput } from './route';
import { builtinFor } from './scripts';
import { contractPod } from './tag';
import { flattenItems, pickPods } from './validate';

export interface CaseResult {
  file: string;
  kind: 'routing' | 'tagging';
  /** Step (routing) or pod (tagging), 1-based. */
  index: number;
  pass: boolean;
  message?: string;
  diff?: string[];
}

const isYaml = (f: string) => /\.ya?ml$/i.test(f);

/** Default: `lua/**` and `plugins/**` testdata folders under cwd. With paths: every YAML under them. */
export function collectCaseFiles(paths: string[], cwd: string): string[] {
  const files: string[] = [];
  const walk = (dir: string, onlyTestdata: boolean) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full, onlyTestdata);
      } else if (isYaml(entry.name) && (!onlyTestdata || path.basename(dir) === 'testdata')) files.push(full);
    }
  };
  if (paths.length === 0) {
    const roots = ['lua', 'plugins'].map((d) => path.join(cwd, d)).filter((d) => existsSync(d));
    if (roots.length === 0) throw new InputError(`${cwd}: no lua/ or plugins/ folder here; pass the paths of test cases`);
    roots.forEach((r) => walk(r, true));
    return files;
  }
  for (const p of paths) {
    const full = path.resolve(cwd, p);
    if (!existsSync(full)) throw new InputError(`${p}: no such file or directory`);
    if (statSync(full).isDirectory()) walk(full, false);
    else files.push(full);
  }
  return files;
}

export function runCaseFile(file: string): CaseResult[] {
  const docs = readDocuments(file, 'test case');
  const doc = docs[0];
  if (docs.length !== 1 || !isObject(doc)) throw new InputError(`${file}: expected one YAML document holding a test case`);
  if ('original' in doc && ('rollout' in doc || 'trafficRouting' in doc)) return runRoutingCase(file, doc);
  if ('plugins' in doc && 'pods' in doc) return runTaggingCase(file, doc);
  throw new InputError(`${file}: not a test case (routing: rollout or trafficRouting, original, expected; tagging: plugins, pods, expected)`);
}

function scriptForCase(file: string, original: Json): { source: string } | { error: string } {
  const dir = path.dirname(file);
  if (path.basename(dir) === 'testdata') {
    const local = path.join(dir, '..', 'trafficRouting.lua');
    if (existsSync(local)) return { source: readText(local, 'script') };
  }
  const builtin = builtinFor(original.apiVersion, original.kind);
  if (builtin) return { source: builtin.source };
  return { error: `no trafficRouting.lua next to testdata/ and no built-in script for ${String(original.apiVersion).split('/')[0]}/${String(original.kind)}` };
}

function runRoutingCase(file: string, doc: Json): CaseResult[] {
  if (!isObject(doc.original)) throw new InputError(`${file}: \`original\` must be the gateway object`);
  if (!Array.isArray(doc.expected)) throw new InputError(`${file}: \`expected\` must be a list with one object per step`);
  const script = scriptForCase(file, doc.original);
  if ('error' in script) return [{ file, kind: 'routing', index: 1, pass: false, message: script.error }];
  const { steps, inputErrors } = runTestCase(doc, script.source);
  if (inputErrors.length > 0) return [{ file, kind: 'routing', index: 1, pass: false, message: `bad test case: ${inputErrors.join('; ')}` }];
  return steps.map((s) => {
    if (s.pass) return { file, kind: 'routing' as const, index: s.index, pass: true };
    if (s.error) return { file, kind: 'routing' as const, index: s.index, pass: false, message: s.error };
    return { file, kind: 'routing' as const, index: s.index, pass: false, message: 'result differs from expected', diff: diffLines(stableJson(s.expected), stableJson(s.actual)) };
  });
}

interface ExpectedPod {
  pod?: string;
  type?: string;
  name?: string;
  accepted?: boolean;
  error?: boolean | string;
}

function runTaggingCase(file: string, doc: Json): CaseResult[] {
  const dir = path.dirname(file);
  if (!Array.isArray(doc.plugins) || doc.plugins.length === 0) throw new InputError(`${file}: \`plugins\` must be a non-empty list`);
  const plugins = doc.plugins.map((p, i) => {
    if (typeof p === 'string') return { name: path.basename(p).replace(/\.lua$/, ''), source: readText(path.resolve(dir, p), 'plugin') };
    if (isObject(p) && typeof p.source === 'string') return { name: typeof p.name === 'string' ? p.name : `plugin-${i + 1}`, source: p.source };
    if (isObject(p) && typeof p.file === 'string') return { name: typeof p.name === 'string' ? p.name : path.basename(p.file), source: readText(path.resolve(dir, p.file), 'plugin') };
    throw new InputError(`${file}: plugins[${i}] must be a path or {name, source}`);
  });
  const podDocs = typeof doc.pods === 'string' ? readDocuments(path.resolve(dir, doc.pods), 'pod list') : [Array.isArray(doc.pods) ? { kind: 'PodList', items: doc.pods } : doc.pods];
  const { pods, objects } = pickPods(file, podDocs);
  const extra = Array.isArray(doc.objects) ? flattenItems(doc.objects).filter(isObject) : [];
  const expected = Array.isArray(doc.expected) ? (doc.expected as ExpectedPod[]) : null;
  if (!expected) throw new InputError(`${file}: \`expected\` must be a list with one entry per pod`);
  const result = tagPods({ pods, plugins, objects: [...objects, ...extra] });
  const results: CaseResult[] = [];
  const count = Math.max(expected.length, result.pods.length);
  for (let i = 0; i < count; i++) {
    const want = expected[i];
    const got = result.pods[i];
    const base = { file, kind: 'tagging' as const, index: i + 1 };
    if (!want || !got) {
      results.push({ ...base, pass: false, message: !want ? `pod ${got?.namespace}/${got?.name} has no expected entry` : `expected an entry for ${want.pod ?? `pod ${i + 1}`}, but there are only ${result.pods.length} pods` });
      continue;
    }
    const problems: string[] = [];
    const id = `${got.namespace}/${got.name}`;
    if (want.pod !== undefined && want.pod !== id) problems.push(`pod is ${id}, expected ${want.pod}`);
    if (want.type !== undefined && want.type !== got.plugin.type) problems.push(`type ${JSON.stringify(got.plugin.type)}, expected ${JSON.stringify(want.type)}`);
    if (want.name !== undefined && want.name !== got.plugin.name) problems.push(`name ${JSON.stringify(got.plugin.name)}, expected ${JSON.stringify(want.name)}`);
    if (want.accepted !== undefined && want.accepted !== got.accepted) problems.push(`accepted ${got.accepted}, expected ${want.accepted}`);
    const error = got.plugin.error ?? null;
    if (want.error === false && error) problems.push(`unexpected error: ${error.split('\n')[0]}`);
    if (want.error === true && !error) problems.push('expected an error, got none');
    if (typeof want.error === 'string' && !(error ?? '').includes(want.error)) problems.push(`error ${JSON.stringify(error)} does not contain ${JSON.stringify(want.error)}`);
    results.push(problems.length ? { ...base, pass: false, message: `${id}: ${problems.join('; ')}`, diff: diffLines(stableJson(want), stableJson(contractPod(got))) } : { ...base, pass: true });
  }
  return results;
}

export function runTests(paths: string[], opts: { json?: boolean; cwd: string }): CommandOutput {
  const files = collectCaseFiles(paths, opts.cwd);
  if (files.length === 0) throw new InputError(`${paths.join(', ') || opts.cwd}: no test cases found`);
  const results = files.flatMap((f) => runCaseFile(f));
  const passed = results.filter((r) => r.pass).length;
  const failed = results.length - passed;
  const code = failed > 0 ? 1 : 0;
  const rel = (f: string) => path.relative(opts.cwd, f) || f;
  if (opts.json) {
    const cases = results.map((r) => ({ ...r, file: rel(r.file) }));
    return { code, stdout: `${JSON.stringify({ cases, passed, failed }, null, 2)}\n` };
  }
  const lines: string[] = [];
  for (const r of results) {
    if (r.pass) continue;
    lines.push(`FAIL ${rel(r.file)} ${r.kind === 'routing' ? 'step' : 'pod'} ${r.index}: ${(r.message ?? '').split('\n')[0]}`);
    for (const d of r.diff ?? []) lines.push(`    ${d}`);
  }
  lines.push(`${passed} passed, ${failed} failed`);
  return { code, stdout: `${lines.join('\n')}\n` };
}
