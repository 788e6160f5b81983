// Seed loading: folders of (multi-document) YAML or a `kubectl get -A -o json` dump. Every failure
// is a SeedError naming the file and line, because seeds are hand-edited and snapshots get mangled.
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { LineCounter, parseAllDocuments, isMap, isSeq, type Node as YamlNode } from 'yaml';

/**
 * The repo's seed folders. Resolved from `process.cwd()` (the project root for `next dev`,
 * `next start`, vitest and the scripts) rather than from this module's URL, because a Next.js
 * server bundle no longer lives beside its sources.
 */
export const DEFAULT_SEED_DIR = join(process.cwd(), 'lib/k8s/sandbox/seed/default');
export const STAGING_SEED_DIR = join(process.cwd(), 'lib/k8s/sandbox/seed/staging');

export class SeedError extends Error {
  file: string;
  line?: number;
  column?: number;
  constructor(file: string, problem: string, fix: string, line?: number, column?: number) {
    const where = line !== undefined ? `${file}:${line}${column !== undefined ? `:${column}` : ''}` : file;
    super(`${where}: ${problem}. ${fix}`);
    this.name = 'SeedError';
    this.file = file;
    this.line = line;
    this.column = column;
  }
}

export interface SeedSource {
  file: string;
  line?: number;
  column?: number;
  /** `items[3]` for objects inside a List. */
  path?: string;
}

const sources = new WeakMap<object, SeedSource>();

/** Where a loaded seed object came from, so later errors (duplicates, unknown kinds) can point at it. */
export function seedSourceOf(obj: object): SeedSource | undefined {
  return sources.get(obj);
}

/** Carries the source location over to a transformed copy of a seed object. */
export function copySeedSource(from: object, to: object): void {
  const source = sources.get(from);
  if (source) sources.set(to, source);
}

const SEED_FILE = /\.(ya?ml|json)$/i;
const SHAPE_FIX = 'Every object needs `apiVersion`, `kind` and `metadata.name`; a List needs `items`';

async function collectFiles(p: string): Promise<string[]> {
  const abs = resolve(p);
  let st;
  try {
    st = await stat(abs);
  } catch {
    throw new SeedError(abs, 'the seed path does not exist', 'Pass an existing folder of YAML files or a JSON file from `kubectl get -A -o json`');
  }
  if (st.isFile()) return [abs];
  const out: string[] = [];
  const entries = (await readdir(abs, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const child = join(abs, e.name);
    if (e.isDirectory()) out.push(...(await collectFiles(child)));
    else if (SEED_FILE.test(e.name)) out.push(child);
  }
  return out;
}

type Located = { value: unknown; line?: number; column?: number; path?: string };

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : `a ${typeof v} (${JSON.stringify(v)?.slice(0, 40)})`;
}

function validate(file: string, loc: Located): object[] {
  const v = loc.value as Record<string, unknown> | null;
  const fail = (problem: string) => new SeedError(file, `${loc.path ? `${loc.path}: ` : ''}${problem}`, SHAPE_FIX, loc.line, loc.column);
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw fail(`expected a Kubernetes object, found ${describe(v)}`);
  if (typeof v.kind !== 'string' || !v.kind) throw fail('the object has no `kind`');
  if (typeof v.apiVersion !== 'string' || !v.apiVersion) throw fail(`the ${v.kind} has no \`apiVersion\``);
  if (Array.isArray(v.items) && v.kind.endsWith('List')) return [];
  const meta = v.metadata as Record<string, unknown> | undefined;
  if (!meta || typeof meta !== 'object') throw fail(`the ${v.kind} has no \`metadata\``);
  if (typeof meta.name !== 'string' || !meta.name) throw fail(`the ${v.kind} has no \`metadata.name\``);
  sources.set(v, { file, line: loc.line, column: loc.column, path: loc.path });
  return [v];
}

function jsonErrorPosition(text: string, err: Error): { line: number; column: number } | undefined {
  const lc = /line (\d+) column (\d+)/.exec(err.message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(err.message);
  if (!pos) return undefined;
  const before = text.slice(0, Number(pos[1])).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

function parseJsonFile(file: string, text: string): Located[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const at = jsonErrorPosition(text, err as Error) ?? yamlErrorPosition(text);
    throw new SeedError(file, `invalid JSON: ${(err as Error).message}`, 'Fix the syntax at that position (or re-export it with `kubectl get -A -o json`)', at?.line, at?.column);
  }
  const d = data as Record<string, unknown>;
  if (d && typeof d === 'object' && Array.isArray(d.items)) return d.items.map((value, i) => ({ value, path: `items[${i}]` }));
  return [{ value: data, line: 1, column: 1 }];
}

function yamlErrorPosition(text: string): { line: number; column: number } | undefined {
  for (const doc of parseAllDocuments(text)) {
    const e = 'errors' in doc ? doc.errors[0] : undefined;
    if (e?.linePos) return { line: e.linePos[0].line, column: e.linePos[0].col };
  }
  return undefined;
}

function parseYamlFile(file: string, text: string): Located[] {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: true });
  const out: Located[] = [];
  const at = (node: YamlNode | null | undefined) => {
    if (!node?.range) return {};
    const p = lineCounter.linePos(node.range[0]);
    return { line: p.line, column: p.col };
  };
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const err = doc.errors[0];
    if (err) {
      const pos = err.linePos?.[0];
      throw new SeedError(file, `invalid YAML: ${err.message.split('\n')[0].replace(/\s*at line \d+, column \d+:?$/, '')}`, 'Fix the indentation or quoting on that line (a value containing `: ` or starting with a special character needs quotes)', pos?.line, pos?.col);
    }
    const value = doc.toJS({ maxAliasCount: 1000 });
    // Empty and comment-only documents are skipped, as kubectl does.
    if (value === null || value === undefined) continue;
    const items = isMap(doc.contents) ? doc.contents.get('items', true) : undefined;
    const v = value as Record<string, unknown>;
    if (v && typeof v === 'object' && typeof v.kind === 'string' && v.kind.endsWith('List') && Array.isArray(v.items) && isSeq(items)) {
      v.items.forEach((item, i) => out.push({ value: item, path: `items[${i}]`, ...at(items.items[i] as YamlNode) }));
    } else out.push({ value, ...at(doc.contents as YamlNode) });
  }
  return out;
}

/** Reads every object from the given folders/files, in path order. Throws SeedError. */
export async function loadSeed(paths: string | string[]): Promise<object[]> {
  const objects: object[] = [];
  for (const p of Array.isArray(paths) ? paths : [paths]) {
    for (const file of await collectFiles(p)) {
      const text = await readFile(file, 'utf8');
      const trimmed = text.trimStart();
      const located = /\.json$/i.test(file) || (trimmed.startsWith('{') && !/\.ya?ml$/i.test(file)) ? parseJsonFile(file, text) : parseYamlFile(file, text);
      for (const loc of located) objects.push(...validate(file, loc));
    }
  }
  return objects;
}
