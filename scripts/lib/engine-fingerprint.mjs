// What the engine bundles (lib/lua/vendor, public/workers, dist) are built from. `npm start` and
// `npm test` rebuild them when this fingerprint changes, so an edit to the engine, a host, the runner,
// the CLI or a built-in script is what the app serves next, not the bundle of the last install.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';

/** Inputs, relative to the checkout. Tests are not bundled; vendor/ is an output. */
export const ENGINE_INPUTS = [
  'lib/lua', 'lib/go-json', 'lib/kruise', 'lib/deepflow', 'lib/runner', 'lib/cli', 'lua', 'plugins/examples',
  // the shared watch worker (public/workers/watch-worker.js) and what it bundles
  'lib/k8s/shared-watch', 'lib/k8s/watch-reducer.ts', 'lib/k8s/sse.ts', 'lib/k8s/types.ts',
  'scripts/build-engine.mjs', 'scripts/lib/engine-fingerprint.mjs', 'tsconfig.json',
  // versions of what the bundles are made from: fengari (patched at build time), esbuild, and the
  // packages bundled into the workers (luaparse for the syntax check, yaml)
  'node_modules/fengari/package.json', 'node_modules/esbuild/package.json',
  'node_modules/luaparse/package.json', 'node_modules/yaml/package.json',
];

/** Outputs; a missing one forces a rebuild whatever the stamp says. */
export const ENGINE_OUTPUTS = [
  'lib/lua/vendor/fengari.mjs', 'lib/lua/vendor/builtin-scripts.mjs', 'lib/lua/vendor/plugin-examples.mjs',
  'public/workers/lua-worker.js', 'public/workers/watch-worker.js', 'dist/lua-worker.mjs',
];

const STAMP = 'lib/lua/vendor/engine-fingerprint';
const SKIP = new Set(['vendor', 'node_modules', 'testdata']);

function walk(root, rel, out) {
  const p = path.join(root, rel);
  if (!existsSync(p)) return;
  if (statSync(p).isDirectory()) {
    for (const name of readdirSync(p).sort()) {
      if (SKIP.has(name) || /\.test\.tsx?$/.test(name)) continue;
      walk(root, path.posix.join(rel, name), out);
    }
  } else out.push(rel);
}

/** Content hash (not mtimes: a checkout or `touch` must not force a rebuild, an edit must). */
export function engineFingerprint(root) {
  const files = [];
  for (const input of ENGINE_INPUTS) walk(root, input, files);
  const hash = createHash('sha256');
  for (const rel of files) hash.update(rel).update('\0').update(readFileSync(path.join(root, rel))).update('\0');
  return hash.digest('hex');
}

export function engineUpToDate(root) {
  const stamp = path.join(root, STAMP);
  if (!ENGINE_OUTPUTS.every((o) => existsSync(path.join(root, o))) || !existsSync(stamp)) return false;
  return readFileSync(stamp, 'utf8') === engineFingerprint(root);
}

export function writeEngineStamp(root) {
  const stamp = path.join(root, STAMP);
  mkdirSync(path.dirname(stamp), { recursive: true });
  writeFileSync(stamp, engineFingerprint(root));
}
