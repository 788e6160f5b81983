// The playground's exports: the script as a .lua file, the routing case as a Kruise testdata file
// (inputs plus the current outputs as `expected`, in upstream's format), and a tagging plugin as the
// deepflow-ctl command line that installs it (deepflow-tagging.md §8).
import { stringify } from 'yaml';
import type { KruiseData } from '@/lib/kruise/data';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A file-system and shell safe base name. */
export function safeFileName(name: string, fallback = 'script'): string {
  const s = name.trim().replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '');
  return s || fallback;
}

export function luaFileName(name: string): string {
  const base = safeFileName(name).replace(/\.lua$/i, '');
  return `${base}.lua`;
}

/** Keeps what describes the object and drops what the API server adds. */
export function cleanObject(o: unknown): unknown {
  if (!isObj(o)) return o;
  const { status: _status, ...rest } = o;
  void _status;
  if (!isObj(rest.metadata)) return rest;
  const m = rest.metadata;
  const metadata: Obj = {};
  for (const k of ['name', 'namespace', 'labels', 'annotations']) if (m[k] !== undefined) metadata[k] = m[k];
  return { ...rest, metadata };
}

export interface RoutingCaseExport {
  rollout?: unknown;
  trafficRouting?: unknown;
  original: unknown;
  /** per step: the produced data, or null when the step failed */
  results: (KruiseData | null)[];
}

/** The case as a Kruise testdata YAML; failed steps are listed in `skipped` and left out of `expected`. */
export function routingTestdataYaml(c: RoutingCaseExport): { yaml: string; skipped: number[] } {
  const original = cleanObject(c.original) as Obj;
  const meta = isObj(original?.metadata) ? original.metadata : {};
  const skipped: number[] = [];
  const expected: Obj[] = [];
  c.results.forEach((r, i) => {
    if (!r) {
      skipped.push(i + 1);
      return;
    }
    const metadata: Obj = {};
    if (meta.name !== undefined) metadata.name = meta.name;
    if (meta.namespace !== undefined) metadata.namespace = meta.namespace;
    if (r.labels && Object.keys(r.labels).length) metadata.labels = r.labels;
    if (r.annotations && Object.keys(r.annotations).length) metadata.annotations = r.annotations;
    expected.push({ apiVersion: original?.apiVersion, kind: original?.kind, metadata, ...(r.spec !== undefined ? { spec: r.spec } : {}) });
  });
  const doc: Obj = {};
  if (c.rollout !== undefined) doc.rollout = cleanObject(c.rollout);
  else doc.trafficRouting = cleanObject(c.trafficRouting);
  doc.original = original;
  doc.expected = expected;
  const header = '# Kruise Rollout testdata (lua_configuration/<group>/<Kind>/testdata/), exported by Kube Lua Studio:\n'
    + '# the inputs, and as expected what the script produced in the playground.\n'
    + (skipped.length ? `# Steps ${skipped.join(', ')} failed and are not in expected: fix them before contributing this file.\n` : '');
  return { yaml: header + stringify(doc, { lineWidth: 0 }), skipped };
}

function shellQuote(s: string): string {
  return /^[A-Za-z0-9._/-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * Shell lines that write the plugin to `<name>.lua` and register it as a server-side Lua plugin.
 * `--user server` is required: the CLI's default user is the agent, which never runs Lua plugins.
 */
export function deepflowCtlCommand(name: string, source: string): string {
  const file = luaFileName(name);
  const plugin = safeFileName(name, 'plugin').replace(/\.lua$/i, '');
  let eof = 'EOF';
  for (let i = 0; source.split('\n').includes(eof); i++) eof = `EOF_${i}`;
  const body = source.endsWith('\n') ? source : source + '\n';
  return `cat > ${shellQuote(file)} <<'${eof}'\n${body}${eof}\ndeepflow-ctl plugin create --type lua --image ${shellQuote(file)} --name ${shellQuote(plugin)} --user server\n`;
}
