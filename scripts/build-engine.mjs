// Pre-bundles fengari 0.1.5 for every host (browser Worker, Node worker thread, CLI, tests).
// Why not fengari-web: it ships fengari 0.1.4 (string.find capture bug) and loads the `js` interop
// module into its global state. Why not import `fengari` directly: its `typeof process` checks take
// Node code paths (fs, child_process, io) under Next's process polyfill. See lua-dialect.md §6.
import { build } from 'esbuild';
import { readFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fengariSrc = path.join(root, 'node_modules/fengari/src');
const vendorDir = path.join(root, 'lib/lua/vendor');

// gopher-lua's number -> string rule (lua-dialect.md §3.1), replacing fengari's %.14g emulation.
const GOPHER_NUMBER2STR = `const lua_number2str = function(n) {
    if (n !== n) return "NaN";
    if (n === Infinity) return "+Inf";
    if (n === -Infinity) return "-Inf";
    if (Number.isInteger(n) && n >= -9223372036854775808 && n < 9223372036854775808)
        return n === 0 ? "0" : BigInt(n).toString();
    const e = n.toExponential();
    const at = e.indexOf("e");
    const exp = Number(e.slice(at + 1));
    if (exp < -4 || exp >= 6) {
        const abs = Math.abs(exp);
        return e.slice(0, at) + "e" + (exp < 0 ? "-" : "+") + (abs < 10 ? "0" + abs : String(abs));
    }
    return String(n);
};`;

const CONFIG = JSON.stringify({ LUA_COMPAT_FLOATSTRING: true });
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
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  await bundleFengari();
  console.log(`engine: fengari bundled in ${Date.now() - started} ms`);
}
