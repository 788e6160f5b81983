// Rebuilds the Next.js app only when a source file changed since the last build, so that
// `npm start` is one command on a fresh clone and instant afterwards.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';

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
  const entries = [];
  for (const s of SOURCES) walk(path.join(root, s), entries);
  return createHash('sha256').update(entries.sort().join('\n')).digest('hex');
}

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...opts.env } });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

export function ensureEngineBuilt(root) {
  const outputs = ['lib/lua/vendor/fengari.mjs'];
  if (outputs.every((o) => existsSync(path.join(root, o)))) return;
  if (run(process.execPath, [path.join(root, 'scripts/build-engine.mjs')], { cwd: root }) !== 0) {
    throw new Error('engine build failed (scripts/build-engine.mjs)');
  }
}

export function buildIfNeeded(root, { force = false } = {}) {
  ensureEngineBuilt(root);
  const stamp = path.join(root, '.next', 'studio-source-fingerprint');
  const fingerprint = sourceFingerprint(root);
  const built = existsSync(path.join(root, '.next', 'BUILD_ID')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint;
  if (built && !force) return false;
  console.log('kube-lua-studio: building the app (next build)…');
  const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  if (run(process.execPath, [nextBin, 'build'], { cwd: root }) !== 0) throw new Error('next build failed');
  writeFileSync(stamp, fingerprint);
  return true;
}
