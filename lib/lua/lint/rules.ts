// The dialect rules (lua-dialect.md §9.2), on the AST when the grammar holds and on tokens when it
// does not, so that a syntax error elsewhere never hides what the rules know.
import type { Chunk } from 'luaparse';
import { catalogueFor, globalNames } from '../catalogue';
import { lintText } from './lint-text';
import type { LintIssue, LuaDialect } from './types';
import type { Token } from './tokens';

interface Node {
  type: string;
  loc?: { start: { line: number; column: number }; end: { line: number; column: number } };
  range?: [number, number];
  [key: string]: unknown;
}

type Add = (issue: LintIssue) => void;
type At = Pick<LintIssue, 'line' | 'column' | 'endLine' | 'endColumn'>;

/** Globals a dialect does not have, with the reason: `error` where the script fails, `warning` where only the preview differs. */
type Text = ReturnType<typeof lintText>;
const ABSENT: Record<LuaDialect, Record<string, { severity: LintIssue['severity'] } & Text>> = {
  kruise: Object.fromEntries(
    ['os', 'io', 'package', 'coroutine', 'debug', 'channel'].map((n) => [n, { severity: 'error' as const, ...lintText('absent.kruise', { name: n }) }]),
  ),
  deepflow: {
    os: { severity: 'warning', ...lintText('absent.deepflowOs') },
    io: { severity: 'warning', ...lintText('absent.deepflowIo') },
    debug: { severity: 'warning', ...lintText('absent.deepflowDebug') },
    channel: { severity: 'warning', ...lintText('absent.deepflowChannel') },
  },
  cluster: Object.fromEntries(['os', 'io', 'debug', 'channel'].map((n) => [n, { severity: 'error' as const, ...lintText('absent.cluster', { name: n }) }])),
};

/** Library members that Lua 5.2+ added and gopher-lua (5.1) does not have. */
const LUA52: Record<string, Text> = {
  'table.unpack': lintText('lua52.tableUnpack'),
  'table.pack': lintText('lua52.tablePack'),
  'math.type': lintText('lua52.mathType'),
  ...Object.fromEntries(
    ['table.move', 'math.tointeger', 'math.ult', 'math.maxinteger', 'math.mininteger', 'string.pack', 'string.unpack', 'string.packsize'].map((n) => [n, lintText('lua52.member', { name: n })]),
  ),
};
const LUA52_GLOBALS: Record<string, Text> = {
  utf8: lintText('lua52.utf8'),
  bit32: lintText('lua52.bit32'),
};

const CLUSTER_WRITES = new Set(['create', 'update', 'patch', 'delete', 'replace', 'apply', 'evict']);
const HOOK = 'GetWorkloadTypeAndName';

const at = (n: Node): At =>
  n.loc ? { line: n.loc.start.line, column: n.loc.start.column + 1, endLine: n.loc.end.line, endColumn: n.loc.end.column + 1 } : { line: 1 };
const atToken = (t: Token): At => ({ line: t.line, column: t.column, endLine: t.line, endColumn: t.column + t.value.length });
const isIdent = (n: unknown, name?: string): n is Node =>
  !!n && typeof n === 'object' && (n as Node).type === 'Identifier' && (name === undefined || (n as Node).name === name);
const isGlobalIdent = (n: unknown, name?: string): n is Node => isIdent(n, name) && (n as Node).isLocal !== true;

function stringValue(node: Node): string | undefined {
  if (node.type !== 'StringLiteral') return undefined;
  if (typeof node.value === 'string') return node.value;
  return String(node.raw ?? '').replace(/^(['"])(.*)\1$/s, '$2').replace(/^\[=*\[([\s\S]*)\]=*\]$/, '$1');
}

function requireArg(call: Node): Node | undefined {
  if (call.type === 'CallExpression') return (call.arguments as Node[])[0];
  if (call.type === 'StringCallExpression') return call.argument as Node;
  return undefined;
}

/** Edit distance ≤ 2 to a known global: the likely intended name. */
function closest(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const k of known) {
    if (Math.abs(k.length - name.length) > 2) continue;
    const d = distance(name.toLowerCase(), k.toLowerCase());
    if (d < bestD) { bestD = d; best = k; }
  }
  return best;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

function requireRule(dialect: LuaDialect, name: string): ({ severity: LintIssue['severity'] } & Text) | null {
  if (dialect === 'kruise') return name === 'json' || name === 'string' ? null : { severity: 'error', ...lintText('require.kruise', { name }) };
  if (dialect === 'cluster') return name === 'kube.config' || name === 'kube.api' ? null : { severity: 'warning', ...lintText('require.cluster', { name }) };
  return name === 'dkjson' ? null : { severity: 'warning', ...lintText('require.deepflow', { name }) };
}

/** Rules over the AST (the grammar held). */
export function astRules(chunk: Chunk, source: string, dialect: LuaDialect, add: Add): void {
  const known = globalNames(dialect);
  const catalogue = catalogueFor(dialect);
  const writes = new WeakSet<object>();
  const definedGlobals = new Set<string>();
  const reads: Node[] = [];
  const members: Node[] = [];
  const calls: Node[] = [];
  const pathAssignments: { index: number; addsBin: boolean }[] = [];
  let hook: 'global' | 'local' | null = null;
  let hookNode: Node | undefined;

  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object' || typeof (node as Node).type !== 'string') return;
    const n = node as Node;
    switch (n.type) {
      case 'AssignmentStatement':
        for (const v of n.variables as Node[]) {
          writes.add(v);
          if (isGlobalIdent(v)) definedGlobals.add(v.name as string);
          if (isGlobalIdent(v, HOOK)) hook = 'global';
          if (v.type === 'MemberExpression' && isGlobalIdent(v.base, 'package') && isIdent(v.identifier, 'path')) {
            pathAssignments.push({ index: n.range?.[0] ?? 0, addsBin: JSON.stringify(n.init).includes('/bin/?.lua') });
          }
        }
        break;
      case 'FunctionDeclaration': {
        const id = n.identifier as Node | null;
        if (id) {
          writes.add(id);
          if (isIdent(id) && !n.isLocal) definedGlobals.add(id.name as string);
          if (isIdent(id, HOOK)) {
            hookNode = id;
            if (n.isLocal) hook ??= 'local';
            else hook = 'global';
          }
        }
        break;
      }
      case 'LocalStatement':
        for (const v of n.variables as Node[]) {
          writes.add(v);
          if (isIdent(v, HOOK)) { hook ??= 'local'; hookNode = v; }
        }
        break;
      case 'Identifier':
        if (n.isLocal !== true && !writes.has(n)) reads.push(n);
        break;
      case 'MemberExpression':
        // `a.b`: `b` is a field name, not a variable.
        writes.add(n.identifier as Node);
        if (!writes.has(n)) members.push(n);
        break;
      case 'TableKeyString':
        writes.add(n.key as Node);
        break;
      case 'LabelStatement':
      case 'GotoStatement':
        writes.add(n.label as Node);
        break;
      case 'CallExpression':
      case 'StringCallExpression':
      case 'TableCallExpression':
        calls.push(n);
        break;
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'loc' && key !== 'range') visit(value);
  };
  visit(chunk.body);

  // Globals: missing libraries of the dialect, 5.2+ libraries, then names nobody defines (typos).
  const absent = ABSENT[dialect];
  for (const r of reads) {
    const name = r.name as string;
    if (absent[name]) add({ ...absent[name], rule: 'missing-library', ...at(r) });
    else if (LUA52_GLOBALS[name]) add({ severity: 'error', rule: 'lua52', ...LUA52_GLOBALS[name], ...at(r) });
    else if (!known.has(name) && !definedGlobals.has(name)) {
      const guess = closest(name, [...known, ...definedGlobals]);
      add({
        severity: 'warning',
        rule: 'undefined-global',
        ...(guess ? lintText(`undefinedGlobalGuess.${dialect}`, { name, guess }) : lintText(`undefinedGlobal.${dialect}`, { name })),
        ...at(r),
      });
    }
  }

  // Members of library tables and host globals that do not exist (`table.unpack`, `obj.stableRevision`).
  for (const m of members) {
    if (m.indexer !== '.' || !isGlobalIdent(m.base) || !isIdent(m.identifier)) continue;
    const base = (m.base as Node).name as string;
    const field = (m.identifier as Node).name as string;
    if (absent[base] || definedGlobals.has(base)) continue;
    const lib = catalogue.globals.find((g) => g.name === base);
    if (!lib?.members || lib.members.some((x) => x.name === field)) continue;
    const key = `${base}.${field}`;
    if (LUA52[key]) add({ severity: 'error', rule: 'lua52', ...LUA52[key], ...at(m) });
    else if (base === 'obj') {
      add({ severity: 'warning', rule: 'kruise/obj-field', ...lintText('objField', { field, fields: lib.members.map((x) => x.name).join(', ') }), ...at(m) });
    } else add({ severity: 'warning', rule: 'unknown-member', ...lintText(`unknownMember.${dialect}`, { name: key }), ...at(m) });
  }

  // require(...) per dialect, and DeepFlow's package.path boilerplate before require("dkjson").
  for (const c of calls) {
    if (isGlobalIdent(c.base, 'require')) {
      const arg = requireArg(c);
      const name = arg ? stringValue(arg) : undefined;
      if (name === undefined) continue;
      const rule = requireRule(dialect, name);
      if (rule) add({ ...rule, rule: 'require', ...at(c) });
      if (dialect === 'deepflow' && name === 'dkjson') {
        const start = c.range?.[0] ?? 0;
        const before = pathAssignments.filter((p) => p.index < start);
        if (before.length === 0) {
          add({
            severity: 'error',
            rule: 'deepflow/package-path',
            ...lintText('dkjsonPath'),
            ...at(c),
          });
        } else if (!before.some((p) => p.addsBin)) {
          add({ severity: 'warning', rule: 'deepflow/package-path', ...lintText('dkjsonPathNoBin'), ...at(c) });
        }
      }
    }
    if (dialect === 'cluster') {
      const base = c.base as Node;
      if (base?.type === 'MemberExpression' && base.indexer === ':' && isIdent(base.identifier) && CLUSTER_WRITES.has((base.identifier as Node).name as string)) {
        add({ severity: 'warning', rule: 'cluster/read-only', ...lintText('readOnly', { method: String((base.identifier as Node).name) }), ...at(base.identifier as Node) });
      }
    }
  }

  if (dialect === 'kruise' && !(chunk.body as unknown as Node[]).some((s) => s.type === 'ReturnStatement')) {
    add({ severity: 'error', rule: 'kruise/no-return', line: Math.max(1, source.split('\n').length), ...lintText('noReturn') });
  }
  if (dialect === 'deepflow') hookRule(hook, hookNode ? at(hookNode) : { line: 1 }, add);
}

function hookRule(hook: 'global' | 'local' | null, where: At, add: Add): void {
  if (hook === 'global') return;
  add(
    hook === 'local'
      ? { severity: 'error', rule: 'deepflow/hook', ...where, ...lintText('hookLocal') }
      : { severity: 'error', rule: 'deepflow/hook', line: 1, ...lintText('hookMissing') },
  );
}

/** The same rules, as far as tokens can tell, for a script whose grammar fails. */
export function tokenRules(tokens: Token[], dialect: LuaDialect, add: Add): void {
  const absent = ABSENT[dialect];
  const locals = new Set<string>();
  let hook: 'global' | 'local' | null = null;
  let hookAt: At = { line: 1 };
  tokens.forEach((t, i) => {
    if (t.type !== 'name') return;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const afterDot = prev?.type === 'punct' && (prev.value === '.' || prev.value === ':');
    if (prev?.value === 'local' || (prev?.value === 'function' && tokens[i - 2]?.value === 'local')) locals.add(t.value);
    if (t.value === HOOK && !afterDot) {
      const isLocal = prev?.value === 'local' || (prev?.value === 'function' && tokens[i - 2]?.value === 'local');
      const defines = prev?.value === 'function' || next?.value === '=';
      if (isLocal && hook === null) { hook = 'local'; hookAt = atToken(t); }
      else if (!isLocal && defines) hook = 'global';
    }
    if (afterDot || locals.has(t.value) || next?.value === '=') return;
    if (absent[t.value]) add({ ...absent[t.value], rule: 'missing-library', ...atToken(t) });
    if (next?.value === '.' && tokens[i + 2]?.type === 'name' && LUA52[`${t.value}.${tokens[i + 2].value}`]) {
      add({ severity: 'error', rule: 'lua52', ...LUA52[`${t.value}.${tokens[i + 2].value}`], ...atToken(t) });
    }
    if (t.value === 'require') {
      const arg = next?.type === 'string' ? next : next?.value === '(' && tokens[i + 2]?.type === 'string' ? tokens[i + 2] : undefined;
      const rule = arg ? requireRule(dialect, arg.value) : null;
      if (rule) add({ ...rule, rule: 'require', ...atToken(t) });
    }
  });
  if (dialect === 'deepflow') hookRule(hook, hookAt, add);
}
