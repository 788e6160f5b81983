// Finds the places where production's gopher-lua compiles a nil assignment wrongly.
//
// gopher-lua's compiler (compile.go `codeStore.AddLoadNil`, identical at Kruise's pin 658193537a64
// and at v1.1.1) merges a new `LOADNIL a b` (registers a..b) into the instruction just emitted when
// that is a `LOADNIL A B` with A + B == a, turning it into `LOADNIL A b`. The intended test is
// B + 1 == a, so when A >= 2 the merged instruction also sets the registers B+1..a-1 (live locals)
// to nil; and because the previous instruction is checked without regard to jump targets, a branch
// that jumps to the new nil load now skips it. Upstream fixed the test in b720190 (2024) and
// removed the merge in b3dcd3f (2025), both after v1.1.1 (tests TestMergingLoadNilBug/Bug2).
//
// fengari compiles differently (Lua 5.3 keeps `nil` in comparisons as a constant, checks jump
// targets, and allocates some temporaries elsewhere), so the preview cannot reproduce the
// miscompile instruction for instruction; instead this module follows gopher's code generator over
// the luaparse AST for the constructs that emit LOADNIL and reports each harmful merge. Constructs it
// does not model reset its state, so it may miss a case but does not invent one.
import { parse } from 'luaparse';
import type { MessageValues, Msg } from '../i18n/message';
import { lintText } from './lint/lint-text';

export interface LoadNilMerge {
  /** 1-based, of the nil load that gopher merges away. */
  line: number;
  /** 1-based. */
  column: number;
  /** English (CLI, server, logs). */
  message: string;
  /** `message` in the reader's language. */
  msg: Msg;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
type Node = any;

interface Local { name: string; reg: number; block: Block; line: number }
interface Block { locals: Local[]; refUpvalue: boolean; parent: Block | null }
interface LastNil { a: number; b: number; line: number; what: string; end: number; block: Block }
/** Source offset just after the first nil load, and the locals its merged form also clears. */
interface Clobber { offset: number; names: Set<string> }
interface Fn {
  parent: Fn | null;
  block: Block;
  regTop: number;
  /** The instruction just emitted, when it is a LOADNIL. */
  last: LastNil | null;
  /** The next instruction is the target of a jump (branch end, loop head, label). */
  jumpTarget: boolean;
  /** Line of the construct whose jump lands on the next instruction. */
  jumpFrom: number;
}

const RELATIONAL = new Set(['==', '~=', '<', '>', '<=', '>=']);

/** The catalogue's `select` on a register range: ICU cannot compare two arguments itself. */
const span = (from: number, to: number): 'single' | 'range' => (from === to ? 'single' : 'range');

function parseLua(source: string): Node | null {
  for (const luaVersion of ['5.2', '5.1'] as const) {
    try {
      return parse(source, { luaVersion, locations: true, ranges: true, scope: false, comments: false });
    } catch {
      // 5.1 scripts may use `goto` as a name; anything else is a syntax error reported elsewhere
    }
  }
  return null;
}

export function findLoadNilMerges(source: string): LoadNilMerge[] {
  return analyze(source).found;
}

const rewritten = new Map<string, string>();
const MAX_REWRITTEN = 64;

/**
 * The source the preview compiles so that it computes what gopher-lua's miscompiled code computes:
 * after each nil assignment whose LOADNIL gopher widens, the locals the wider LOADNIL clears are
 * set to nil too (on the same line, so positions in messages stay right). The other half of the
 * bug, a jump that skips the merged nil load and leaves an old register value, cannot be written
 * in Lua; `findLoadNilMerges` reports it.
 */
export function withGopherLoadNil(source: string): string {
  if (!source.includes('nil')) return source;
  const known = rewritten.get(source);
  if (known !== undefined) return known;
  const { clobbers } = analyze(source);
  let out = source;
  for (const c of [...clobbers].sort((x, y) => y.offset - x.offset)) {
    out = `${out.slice(0, c.offset)} ${[...c.names].join(', ')} = nil;${out.slice(c.offset)}`;
  }
  if (rewritten.size >= MAX_REWRITTEN) rewritten.delete(rewritten.keys().next().value as string);
  rewritten.set(source, out);
  return out;
}

function analyze(source: string): { found: LoadNilMerge[]; clobbers: Clobber[] } {
  const chunk = parseLua(source);
  if (!chunk) return { found: [], clobbers: [] };
  const found: LoadNilMerge[] = [];
  const clobbers = new Map<number, Clobber>();
  const lineOf = (n: Node): number => n?.loc?.start.line ?? 0;

  const newFn = (parent: Fn | null): Fn => ({ parent, block: { locals: [], refUpvalue: false, parent: null }, regTop: 0, last: null, jumpTarget: false, jumpFrom: 0 });

  const addLocal = (fn: Fn, name: string, line: number): void => {
    fn.block.locals.push({ name, reg: fn.regTop, block: fn.block, line });
    fn.regTop += 1;
  };

  const findIn = (fn: Fn, name: string): Local | null => findFrom(fn.block, name);
  const findFrom = (from: Block, name: string): Local | null => {
    for (let b: Block | null = from; b; b = b.parent) {
      for (let i = b.locals.length - 1; i >= 0; i--) if (b.locals[i].name === name) return b.locals[i];
    }
    return null;
  };

  /** A local of the running function (not an upvalue), or null. */
  const localOf = (fn: Fn, node: Node): Local | null => (node?.type === 'Identifier' ? findIn(fn, node.name) : null);

  const liveLocalsIn = (fn: Fn, from: number, to: number): Local[] => {
    const out: Local[] = [];
    for (let b: Block | null = fn.block; b; b = b.parent) for (const l of b.locals) if (l.reg >= from && l.reg <= to) out.push(l);
    return out.sort((x, y) => x.reg - y.reg);
  };

  const other = (fn: Fn): void => {
    fn.last = null;
    fn.jumpTarget = false;
  };

  /** `end`: source offset after the statement the nil load ends (where a wider LOADNIL takes effect). */
  const loadNil = (fn: Fn, a: number, b: number, node: Node, what: string, end: number = node?.range?.[1] ?? 0): void => {
    const prev = fn.last;
    if (prev && prev.a + prev.b === a) {
      const clobbered = liveLocalsIn(fn, prev.b + 1, a - 1);
      const wrongRange = prev.b + 1 < a;
      if (wrongRange || fn.jumpTarget) {
        const values: MessageValues = {
          what, load: span(a, b), a: String(a), b: String(b),
          prevLine: String(prev.line), prevWhat: prev.what, merged: span(prev.a, b), prevA: String(prev.a),
        };
        if (wrongRange) {
          Object.assign(values, {
            count: clobbered.length, names: clobbered.map((l) => `\`${l.name}\` (line ${l.line})`).join(', '),
            skipped: span(prev.b + 1, a - 1), skipFrom: String(prev.b + 1), skipTo: String(a - 1),
          });
        }
        if (fn.jumpTarget) values.jumpLine = String(fn.jumpFrom);
        const key = wrongRange ? (fn.jumpTarget ? 'both' : 'wrongRange') : 'jump';
        found.push({ line: lineOf(node), column: (node?.loc?.start.column ?? 0) + 1, ...lintText(`loadnil.${key}`, values) });
        // names that still mean these registers where the first nil load is (not shadowed there)
        const names = clobbered.filter((l) => findFrom(prev.block, l.name) === l).map((l) => l.name);
        if (names.length > 0) {
          const c = clobbers.get(prev.end) ?? { offset: prev.end, names: new Set<string>() };
          for (const n of names) c.names.add(n);
          clobbers.set(prev.end, c);
        }
      }
      // the merged instruction is still a LOADNIL; a jump meant for the merged load now lands on the next one
      fn.last = { ...prev, b };
      return;
    }
    fn.last = { a, b, line: lineOf(node), what, end, block: fn.block };
    fn.jumpTarget = false;
  };

  const enterBlock = (fn: Fn): number => {
    fn.block = { locals: [], refUpvalue: false, parent: fn.block };
    return fn.regTop;
  };
  const leaveBlock = (fn: Fn, savedTop: number): void => {
    if (fn.block.refUpvalue) other(fn); // OP_CLOSE
    fn.block = fn.block.parent!;
    fn.regTop = savedTop;
  };

  /** Marks captured locals and compiles nested functions; emits nothing in the running function. */
  const visit = (fn: Fn, node: Node): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) { for (const n of node) visit(fn, n); return; }
    switch (node.type) {
      case 'Identifier': {
        if (findIn(fn, node.name)) return;
        for (let outer = fn.parent; outer; outer = outer.parent) {
          const l = findIn(outer, node.name);
          if (l) { l.block.refUpvalue = true; return; }
        }
        return;
      }
      case 'FunctionDeclaration':
        compileFunction(fn, node);
        return;
      case 'MemberExpression':
        visit(fn, node.base);
        return;
      case 'TableKeyString':
        visit(fn, node.value);
        return;
      default:
        for (const key of Object.keys(node)) if (key !== 'loc' && key !== 'range') visit(fn, node[key]);
    }
  };

  const describe = (node: Node): string => {
    const text = source.slice(node.range?.[0] ?? 0, node.range?.[1] ?? 0).split('\n')[0];
    return text.length > 40 ? `\`${text.slice(0, 37)}...\`` : `\`${text}\``;
  };

  /** A comparison operand that gopher keeps in place (local register or constant): it emits no instruction. */
  const inPlace = (fn: Fn, e: Node): boolean =>
    (e.type === 'Identifier' && localOf(fn, e) !== null) || e.type === 'NumericLiteral' || e.type === 'StringLiteral';

  /** The branch condition's first instruction when it is a LOADNIL (gopher loads `nil` operands into a register). */
  const conditionLoadNil = (fn: Fn, e: Node): Node | null => {
    if (e.type === 'UnaryExpression' && e.operator === 'not') return conditionLoadNil(fn, e.argument);
    if (e.type === 'LogicalExpression') return conditionLoadNil(fn, e.left);
    if (e.type === 'BinaryExpression' && RELATIONAL.has(e.operator)) {
      if (e.left.type === 'NilLiteral') return e.left;
      if (inPlace(fn, e.left) && e.right.type === 'NilLiteral') return e.right;
    }
    return null;
  };

  /** Emits a branch condition; returns false when gopher emits no instruction for it (`if true`). */
  const condition = (fn: Fn, e: Node): boolean => {
    if (e.type === 'BooleanLiteral' ? e.value : (e.type === 'NumericLiteral' || e.type === 'StringLiteral')) return false;
    const nil = conditionLoadNil(fn, e);
    if (nil) loadNil(fn, fn.regTop, fn.regTop, nil, `${describe(e)}`);
    visit(fn, e);
    other(fn);
    return true;
  };

  const isMulti = (e: Node): boolean => e.type === 'CallExpression' || e.type === 'StringCallExpression' || e.type === 'TableCallExpression' || e.type === 'VarargLiteral';

  const statements = (fn: Fn, body: Node[]): void => { for (const s of body) statement(fn, s); };

  const block = (fn: Fn, body: Node[]): void => {
    const saved = enterBlock(fn);
    statements(fn, body);
    leaveBlock(fn, saved);
  };

  const statement = (fn: Fn, s: Node): void => {
    switch (s.type) {
      case 'LocalStatement': {
        const r = fn.regTop;
        const names: Node[] = s.variables;
        const exprs: Node[] = s.init;
        let assigned = 0;
        for (let i = 0; i < exprs.length; i++) {
          const e = exprs[i];
          if (i === exprs.length - 1 && isMulti(e) && assigned < names.length) {
            visit(fn, e); other(fn); assigned = names.length; break;
          }
          if (e.type === 'NilLiteral') loadNil(fn, r + i, r + i, e, describe(s), s.range[1]);
          else { visit(fn, e); other(fn); }
          assigned = Math.min(names.length, i + 1);
        }
        if (assigned < names.length) loadNil(fn, r + assigned, r + names.length - 1, s, describe(s));
        for (const n of names) addLocal(fn, n.name, lineOf(n));
        return;
      }
      case 'AssignmentStatement': {
        const [target] = s.variables;
        if (s.variables.length === 1 && s.init.length === 1 && s.init[0].type === 'NilLiteral' && target.type === 'Identifier') {
          const l = localOf(fn, target);
          visit(fn, target);
          if (l) loadNil(fn, l.reg, l.reg, s, describe(s));
          else { loadNil(fn, fn.regTop, fn.regTop, s, describe(s)); other(fn); } // then SETGLOBAL / SETUPVAL
          return;
        }
        visit(fn, s.variables); visit(fn, s.init); other(fn);
        return;
      }
      case 'FunctionDeclaration':
        if (s.isLocal && s.identifier) addLocal(fn, s.identifier.name, lineOf(s.identifier));
        else visit(fn, s.identifier);
        compileFunction(fn, s);
        other(fn);
        return;
      case 'DoStatement':
        block(fn, s.body);
        return;
      case 'IfStatement': {
        let jumps = false;
        s.clauses.forEach((c: Node, i: number) => {
          if (c.type !== 'ElseClause') {
            if (condition(fn, c.condition)) jumps = true;
          }
          block(fn, c.body);
          if (i < s.clauses.length - 1) { other(fn); jumps = true; } // JMP over the other clauses
        });
        if (jumps) { fn.jumpTarget = true; fn.jumpFrom = lineOf(s); }
        return;
      }
      case 'WhileStatement': {
        fn.jumpTarget = true; fn.jumpFrom = s.loc?.end.line ?? lineOf(s);
        condition(fn, s.condition);
        block(fn, s.body);
        other(fn);
        return;
      }
      case 'RepeatStatement': {
        fn.jumpTarget = true; fn.jumpFrom = s.loc?.end.line ?? lineOf(s);
        const saved = enterBlock(fn);
        statements(fn, s.body);
        condition(fn, s.condition);
        leaveBlock(fn, saved);
        other(fn);
        return;
      }
      case 'ForNumericStatement':
      case 'ForGenericStatement': {
        visit(fn, s.type === 'ForNumericStatement' ? [s.start, s.end, s.step] : s.iterators);
        other(fn);
        const saved = enterBlock(fn);
        for (let i = 0; i < 3; i++) addLocal(fn, '(for state)', lineOf(s));
        for (const v of s.type === 'ForNumericStatement' ? [s.variable] : s.variables) addLocal(fn, v.name, lineOf(v));
        statements(fn, s.body);
        leaveBlock(fn, saved);
        other(fn);
        return;
      }
      case 'ReturnStatement': {
        const args: Node[] = s.arguments;
        if (args.length > 0 && args[0].type === 'NilLiteral') loadNil(fn, fn.regTop, fn.regTop, args[0], describe(s));
        visit(fn, args);
        other(fn);
        return;
      }
      case 'LabelStatement':
        fn.jumpTarget = true; fn.jumpFrom = lineOf(s);
        return;
      default: // CallStatement, BreakStatement, GotoStatement, ...
        visit(fn, s);
        other(fn);
    }
  };

  const compileFunction = (parent: Fn | null, f: Node): void => {
    const fn = newFn(parent);
    if (f.identifier?.type === 'MemberExpression' && f.identifier.indexer === ':') addLocal(fn, 'self', lineOf(f));
    let vararg = false;
    for (const p of f.parameters ?? []) {
      if (p.type === 'VarargLiteral') vararg = true;
      else addLocal(fn, p.name, lineOf(p));
    }
    // CompatVarArg: every vararg function but the main chunk gets a hidden `arg` local
    if (vararg && parent) addLocal(fn, 'arg', lineOf(f));
    statements(fn, f.body);
  };

  compileFunction(null, chunk);
  return { found: found.sort((x, y) => x.line - y.line || x.column - y.column), clobbers: [...clobbers.values()] };
}
