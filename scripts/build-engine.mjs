// Pre-bundles fengari 0.1.5 for every host (browser Worker, Node worker thread, CLI, tests).
// Why not fengari-web: it ships fengari 0.1.4 (string.find capture bug) and loads the `js` interop
// module into its global state. Why not import `fengari` directly: its `typeof process` checks take
// Node code paths (fs, child_process, io) under Next's process polyfill. See lua-dialect.md §6.
import { build } from 'esbuild';
import { readFile, writeFile, mkdir, readdir, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeEngineStamp } from './lib/engine-fingerprint.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fengariSrc = path.join(root, 'node_modules/fengari/src');
const vendorDir = path.join(root, 'lib/lua/vendor');

// gopher-lua's number -> string rule (lua-dialect.md §3.1) replaces fengari's %.14g emulation. The rule
// lives once, in lib/lua/number.ts; fengari's luaconf.js is made to import it.
const GOPHER_NUMBER2STR = `const lua_number2str = require(${JSON.stringify(path.join(root, 'lib/lua/number.ts'))}).formatLuaNumber;`;

const CONFIG = JSON.stringify({ LUA_COMPAT_FLOATSTRING: true });

// gopher-lua's default call stack holds 256 frames (main chunk, Lua and Go functions alike);
// deeper recursion fails with "stack overflow" there, so the preview must fail at the same depth.
const MAX_CALL_FRAMES = 256;

// fengari's integers are 32-bit and wrap; gopher-lua has only float64. Integer results outside int32
// become floats here, which is what float64 arithmetic gives (lua-dialect.md §3.4).
const SETNUM = 'const __setnum = (o, r) => { if ((r | 0) === r) o.setivalue(r); else o.setfltvalue(r); };\n';
const PATCHES = {
  'lvm.js': [
    ['L.stack[ra].setivalue((op1.value + op2.value)|0);', '__setnum(L.stack[ra], op1.value + op2.value);'],
    ['L.stack[ra].setivalue((op1.value - op2.value)|0);', '__setnum(L.stack[ra], op1.value - op2.value);'],
    ['L.stack[ra].setivalue(luaV_imul(op1.value, op2.value));', '__setnum(L.stack[ra], op1.value * op2.value);'],
    // gopher: math.Mod(x, 0) is NaN, not an error
    ['L.stack[ra].setivalue(luaV_mod(L, op1.value, op2.value));',
      'if (op2.value === 0) L.stack[ra].setfltvalue(NaN); else L.stack[ra].setivalue(luaV_mod(L, op1.value, op2.value));'],
    ['L.stack[ra].setivalue((-op.value)|0);', '__setnum(L.stack[ra], -op.value);'],
    // an index stepping past int32 has passed any (int32) limit: no wrap-around, the loop ends
    ['let idx = (L.stack[ra].value + step)|0;', 'let idx = L.stack[ra].value + step;'],
    ['init.value = (initv - pstep.value)|0;', 'init.value = initv - pstep.value;'],
    // gopher-lua grows a concatenation until Go runs out of memory; the preview stops it at the
    // engine's string limit with a clear message (lib/lua/state.ts sets the limit and the error).
    ['let buff = new Uint8Array(tl);', 'if (L.l_G.studioConcatLimit !== undefined && tl > L.l_G.studioConcatLimit) ldebug.luaG_runerror(L, to_luastring(L.l_G.studioConcatTooLong(L, tl), true));\n            let buff = new Uint8Array(tl);'],
    ["ldebug.luaG_typeerror(L, t, to_luastring('index', true));",
      "(L.l_G.studioLastError = { op: 'index', key: key.ttisstring() ? key.svalue() : key.ttisnumber() ? key.value : null, keyType: key.type }, ldebug.luaG_typeerror(L, t, to_luastring('index', true)));", 2],
  ],
  'lobject.js': [
    ['case LUA_OPADD:  return (v1 + v2)|0;', 'case LUA_OPADD:  return v1 + v2;'],
    ['case LUA_OPSUB:  return (v1 - v2)|0;', 'case LUA_OPSUB:  return v1 - v2;'],
    ['case LUA_OPMUL:  return lvm.luaV_imul(v1, v2);', 'case LUA_OPMUL:  return v1 * v2;'],
    ['case LUA_OPUNM:  return (0 - v1)|0;', 'case LUA_OPUNM:  return -v1;'],
    ['res.setivalue(intarith(L, op, p1.value, p2.value));', '__setnum(res, intarith(L, op, p1.value, p2.value));'],
  ],
  'ldo.js': [
    ['let ci = lstate.luaE_extendCI(L);',
      `if ((L.ci.depth || 0) >= ${MAX_CALL_FRAMES}) ldebug.luaG_runerror(L, to_luastring("stack overflow", true));\n            let ci = lstate.luaE_extendCI(L);`, 2],
  ],
  // Record what gopher-lua's messages need but fengari's omit (the key of a failed index, the
  // operand types of a failed arithmetic/concat); lib/lua/errors.ts reads l_G.studioLastError.
  'ltm.js': [
    ['if (!luaT_callbinTM(L, p1, p2, res, event)) {',
      'if (!luaT_callbinTM(L, p1, p2, res, event)) {\n        L.l_G.studioLastError = { op: event, t1: luaT_objtypename(L, p1), t2: luaT_objtypename(L, p2) };'],
  ],
  // Lua 5.1's lexer (and gopher-lua's) has no \x, \u{} or \z escapes and keeps the character of an
  // unknown escape: "\x41" is "x41" in production, and "\z" followed by a line break is an
  // unterminated string. fengari 0.1.5 lexes them as Lua 5.3 does.
  'llex.js': [
    ["case 120 /* ('x').charCodeAt(0) */: c = readhexaesc(ls); will = 'read_save'; break;",
      "case 120 /* ('x').charCodeAt(0) */: c = ls.current; will = 'read_save'; break;"],
    ["case 117 /* ('u').charCodeAt(0) */: utf8esc(ls); will = 'no_save'; break;",
      "case 117 /* ('u').charCodeAt(0) */: c = ls.current; will = 'read_save'; break;"],
    ["case 122 /* ('z').charCodeAt(0) */: {  /* zap following span of spaces */",
      "case 122 /* ('z').charCodeAt(0) */: c = ls.current; will = 'read_save'; break;\n                    case -122: {"],
    ['esccheck(ls, lisdigit(ls.current), to_luastring("invalid escape sequence", true));',
      'if (!lisdigit(ls.current)) { c = ls.current; will = \'read_save\'; break; }'],
  ],
  // fengari clears the saved 'allowhook' bit but never sets it (C Lua: setoah), so after an error
  // caught by pcall inside a coroutine, hooks stay off and the instruction budget no longer runs.
  'lapi.js': [
    ['ci.callstatus &= ~lstate.CIST_OAH | L.allowhook;', 'ci.callstatus = (ci.callstatus & ~lstate.CIST_OAH) | (L.allowhook ? lstate.CIST_OAH : 0);'],
  ],
  // gopher-lua compiles the key of an indexed assignment target into a register of its own
  // (compile.go compileAssignStmtLeft); Lua 5.3 uses the constant or the local in place. One unused
  // register keeps every call after it at gopher's register, so that library functions fill
  // gopher-lua's registry at the same element (lib/lua/registry.ts).
  'lparser.js': [
    ['check_condition(ls, vkisvar(lh.v.k), to_luastring("syntax error", true));',
      'check_condition(ls, vkisvar(lh.v.k), to_luastring("syntax error", true));\n    if (lh.v.k === expkind.VINDEXED && ((lh.v.u.ind.idx & 256) !== 0 || lh.v.u.ind.idx < ls.fs.nactvar)) luaK_reserveregs(ls.fs, 1);'],
  ],
  'lstate.js': [
    ['let ci = new CallInfo();\n    L.ci.next = ci;', 'let ci = new CallInfo();\n    ci.depth = (L.ci.depth || 0) + 1;\n    L.ci.next = ci;'],
  ],
};

function applyPatches(file, text) {
  const list = PATCHES[file];
  if (!list) return text;
  for (const [from, to, count = 1] of list) {
    const found = text.split(from).length - 1;
    if (found !== count) throw new Error(`${file}: expected ${count} occurrence(s) of ${JSON.stringify(from)}, found ${found}; fengari changed?`);
    text = text.replaceAll(from, to);
  }
  return (file === 'lvm.js' || file === 'lobject.js') ? SETNUM + text : text;
}
const NODE_ONLY = ['fs', 'os', 'path', 'child_process', 'tmp', 'readline-sync', 'crypto'];

const fengariPlugin = {
  name: 'fengari-browser',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${NODE_ONLY.join('|')})$`) }, (args) => ({ path: args.path, namespace: 'empty' }));
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
    b.onLoad({ filter: /fengari[\\/]src[\\/].*\.js$/ }, async (args) => {
      let text = await readFile(args.path, 'utf8');
      text = text.replaceAll('typeof process', '"undefined"');
      text = text.replaceAll('process.env.FENGARICONF', JSON.stringify(CONFIG));
      text = applyPatches(path.basename(args.path), text);
      if (args.path.endsWith('luaconf.js')) {
        const re = /const lua_number2str = function\(n\) \{[\s\S]*?\n\};/;
        if (!re.test(text)) throw new Error('luaconf.js: lua_number2str not found; fengari changed?');
        text = text.replace(re, GOPHER_NUMBER2STR);
      }
      return { contents: text, loader: 'js' };
    });
  },
};

export async function bundleFengari() {
  await mkdir(vendorDir, { recursive: true });
  const out = path.join(vendorDir, 'fengari.mjs');
  await build({
    entryPoints: [path.join(fengariSrc, 'fengari.js')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    minifySyntax: true, // folds the now-constant process checks away, dropping the Node paths
    legalComments: 'none',
    outfile: out,
    plugins: [fengariPlugin],
    logLevel: 'warning',
  });
  const code = await readFile(out, 'utf8');
  if (/\bprocess\b/.test(code.replace(/"[^"\n]*"/g, ''))) throw new Error('fengari bundle still references `process`');
  await writeFile(path.join(vendorDir, 'fengari.d.mts'),
    "import type { Fengari } from '../fengari-types';\ndeclare const fengari: Fengari;\nexport default fengari;\n");
  return out;
}

// `@/x` imports (tsconfig paths) resolve from the repository root.
const rootAlias = {
  name: 'root-alias',
  setup(b) {
    b.onResolve({ filter: /^@\// }, (args) => b.resolve('./' + args.path.slice(2), { resolveDir: root, kind: args.kind }));
  },
};

export async function generateBuiltinScripts() {
  const luaDir = path.join(root, 'lua');
  // Kruise's own built-ins (the one list, lib/kruise/builtin-keys.json, which lib/kruise/script.ts reads too); every other
  // lua/<group>/<Kind>/trafficRouting.lua is a ConfigMap recipe.
  const listFile = path.join(root, 'lib/kruise/builtin-keys.json');
  const KRUISE_BUILTINS = new Set(existsSync(listFile) ? JSON.parse(await readFile(listFile, 'utf8')) : []);
  const scripts = {};
  if (existsSync(luaDir)) {
    for (const group of (await readdir(luaDir)).sort()) {
      if (!(await stat(path.join(luaDir, group))).isDirectory()) continue;
      for (const kind of (await readdir(path.join(luaDir, group))).sort()) {
        const file = path.join(luaDir, group, kind, 'trafficRouting.lua');
        if (!existsSync(file)) continue;
        const key = `${group}/${kind}`;
        scripts[key] = { source: await readFile(file, 'utf8'), kruiseBuiltin: KRUISE_BUILTINS.has(key) };
      }
    }
  }
  await mkdir(vendorDir, { recursive: true });
  await writeFile(path.join(vendorDir, 'builtin-scripts.mjs'),
    `// generated by scripts/build-engine.mjs from lua/*/*/trafficRouting.lua\nexport default ${JSON.stringify(scripts, null, 2)};\n`);
  await writeFile(path.join(vendorDir, 'builtin-scripts.d.mts'),
    "declare const scripts: Record<string, { source: string; kruiseBuiltin: boolean }>;\nexport default scripts;\n");
  return Object.keys(scripts);
}

/** plugins/examples/*.lua as a module, so the playground's templates are these files, not copies. */
export async function generatePluginExamples() {
  const dir = path.join(root, 'plugins/examples');
  const examples = {};
  if (existsSync(dir)) {
    for (const name of (await readdir(dir)).sort()) {
      if (name.endsWith('.lua')) examples[name.slice(0, -'.lua'.length)] = await readFile(path.join(dir, name), 'utf8');
    }
  }
  await mkdir(vendorDir, { recursive: true });
  await writeFile(path.join(vendorDir, 'plugin-examples.mjs'),
    `// generated by scripts/build-engine.mjs from plugins/examples/*.lua\nexport default ${JSON.stringify(examples, null, 2)};\n`);
  await writeFile(path.join(vendorDir, 'plugin-examples.d.mts'), 'declare const examples: Record<string, string>;\nexport default examples;\n');
  return Object.keys(examples);
}

const common = { bundle: true, legalComments: 'none', logLevel: 'warning', plugins: [rootAlias], tsconfig: path.join(root, 'tsconfig.json') };

/** The Web Worker users' scripts run in; `outfile` is overridable so tests can inspect a private copy. */
export async function bundleBrowserWorker(outfile = path.join(root, 'public/workers/lua-worker.js')) {
  await build({
    ...common,
    entryPoints: [path.join(root, 'lib/runner/browser-worker.ts')],
    outfile,
    platform: 'browser',
    format: 'iife',
    minify: true,
    target: 'es2022',
  });
  const code = await readFile(outfile, 'utf8');
  if (/\bprocess\b/.test(code.replace(/"[^"\n]*"/g, ''))) throw new Error(`${outfile} references \`process\``);
  // That the bundle holds no `js` interop library is asserted by lib/runner/bundle.test.ts.
  return outfile;
}

/** The worker_threads entry the server and the CLI run scripts in. */
export async function bundleNodeWorker(outfile = path.join(root, 'dist/lua-worker.mjs')) {
  await build({
    ...common,
    entryPoints: [path.join(root, 'lib/runner/node-worker.ts')],
    outfile,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // CommonJS dependencies bundled into ESM (yaml, via lib/deepflow's agent config) call require('process'):
    // give the bundle a real require, else they throw "Dynamic require of ... is not supported".
    banner: { js: "import { createRequire as __klsCreateRequire } from 'node:module'; const require = __klsCreateRequire(import.meta.url);" },
  });
  return outfile;
}

/**
 * Every runner bundle under `outDir` (default: the checkout, which is what the app and the CLI
 * serve): `public/workers/lua-worker.js`, `dist/lua-worker.mjs`, `dist/cli.mjs`. Tests pass a
 * temporary directory so they never rewrite shipped files.
 */
export async function bundleRunners(outDir = root) {
  const out = {
    browserWorker: await bundleBrowserWorker(path.join(outDir, 'public/workers/lua-worker.js')),
    nodeWorker: await bundleNodeWorker(path.join(outDir, 'dist/lua-worker.mjs')),
    cli: null,
  };
  const cliEntry = path.join(root, 'lib/cli/main.ts');
  if (existsSync(cliEntry)) {
    out.cli = path.join(outDir, 'dist/cli.mjs');
    await build({
      ...common,
      entryPoints: [cliEntry],
      outfile: out.cli,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
    });
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  await bundleFengari();
  const scripts = await generateBuiltinScripts();
  await generatePluginExamples();
  await bundleRunners();
  // Written last: an interrupted build leaves the old stamp, so the next start rebuilds.
  writeEngineStamp(root);
  console.log(`engine: fengari, ${scripts.length} built-in scripts, workers${existsSync(path.join(root, 'lib/cli/main.ts')) ? ', cli' : ''} bundled in ${Date.now() - started} ms`);
}
