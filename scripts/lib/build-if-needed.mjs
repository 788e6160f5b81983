// Rebuilds the engine bundles and the Next.js app only when their sources changed since the last
// build, so that `npm start` is one command on a fresh clone and instant afterwards. Each stage says
// what it builds and how long it took: the first start on a fresh clone takes minutes.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { engineFingerprint, engineUpToDate } from './engine-fingerprint.mjs';

const SOURCES = ['app', 'components', 'lib', 'lua', 'public', 'instrumentation.ts', 'next.config.ts', 'postcss.config.mjs', 'package.json', 'tsconfig.json'];
const SKIP = new Set(['node_modules', '.next', 'vendor', 'workers', 'monaco']);

function walk(p, out) {
  if (!existsSync(p)) return;
  const st = statSync(p);
  if (st.isDirectory()) {
    for (const name of readdirSync(p)) if (!SKIP.has(name) && !name.endsWith('.test.ts')) walk(path.join(p, name), out);
  } else out.push(`${p}:${st.size}:${st.mtimeMs}`);
}

export function sourceFingerprint(root) {
  // lib/lua/vendor is skipped below but the app bundles it: the engine's fingerprint stands for it
  // (a new fengari or a changed build patch changes the vendored engine, not any file listed here)
  const entries = [`engine:${engineFingerprint(root)}`];
  for (const s of SOURCES) walk(path.join(root, s), entries);
  return createHash('sha256').update(entries.sort().join('\n')).digest('hex');
}

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...opts.env } });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** Rebuilds the engine bundles when an engine input changed (scripts/lib/engine-fingerprint.mjs); true when it built. */
export function ensureEngineBuilt(root) {
  if (engineUpToDate(root)) return false;
  const started = Date.now();
  console.log('kube-lua-studio: [1/2] bundling the Lua engine (fengari, browser and Node workers, CLI)…');
  if (run(process.execPath, [path.join(root, 'scripts/build-engine.mjs')], { cwd: root }) !== 0) {
    throw new Error('engine build failed (scripts/build-engine.mjs)');
  }
  console.log(`kube-lua-studio: [1/2] engine bundled in ${seconds(started)}`);
  return true;
}

export function buildIfNeeded(root, { force = false } = {}) {
  ensureEngineBuilt(root);
  const stamp = path.join(root, '.next', 'studio-source-fingerprint');
  const fingerprint = sourceFingerprint(root);
  const built = existsSync(path.join(root, '.next', 'BUILD_ID')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint;
  if (built && !force) return false;
  const started = Date.now();
  const first = !existsSync(path.join(root, '.next', 'BUILD_ID'));
  console.log(`kube-lua-studio: [2/2] building the app with next build (${first ? 'first build: 1–3 minutes' : 'sources changed'}); its output follows…`);
  const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  if (run(process.execPath, [nextBin, 'build'], { cwd: root }) !== 0) throw new Error(`next build failed after ${seconds(started)}`);
  writeFileSync(stamp, fingerprint);
  console.log(`kube-lua-studio: [2/2] app built in ${seconds(started)}`);
  return true;
}
