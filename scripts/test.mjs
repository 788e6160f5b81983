#!/usr/bin/env node
// `npm test`: type-check, unit + integration tests (vitest), build, then the Playwright e2e suite in
// Debian's Chromium. Stops at the first failing stage; ends with one `N passed, N failed` line.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfNeeded, ensureEngineBuilt, run } from './lib/build-if-needed.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'test-results');
mkdirSync(results, { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };

function stage(name, fn) {
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  const ok = fn();
  console.log(`=== ${name}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s) ===`);
  if (!ok) finish(1);
}

function finish(code) {
  console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(code);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function ensureSystemPackage(binary, aptPackage, why) {
  if (spawnSync('sh', ['-c', `command -v ${binary}`], { stdio: 'ignore' }).status === 0 || existsSync(binary)) return true;
  if (process.getuid && process.getuid() === 0) {
    console.log(`Installing Debian's ${aptPackage} (${why})…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-get', ['update', '-qq'], { env }) !== 0) return false;
    return run('apt-get', ['install', '-y', '-qq', aptPackage], { env }) === 0;
  }
  console.error(`${binary} is missing. Install it as root with: apt-get install -y ${aptPackage}  (${why})`);
  return false;
}

stage('engine bundle', () => {
  ensureEngineBuilt(root);
  return true;
});

stage('type-check (tsc)', () => {
  run(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'typegen'], { cwd: root, stdio: 'ignore' });
  return run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], { cwd: root }) === 0;
});

stage('system tools for the tests (chromium, kubectl)', () => {
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  return ensureSystemPackage(chromium, 'chromium', 'Playwright uses Debian\'s Chromium, it never downloads browsers') &&
    ensureSystemPackage('kubectl', 'kubernetes-client', 'kubectl compatibility tests of the sandbox cluster');
});

stage('unit and integration tests (vitest)', () => {
  const out = path.join(results, 'vitest.json');
  const code = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], { cwd: root });
  const r = readJson(out);
  if (r) {
    totals.passed += r.numPassedTests ?? 0;
    totals.failed += r.numFailedTests ?? 0;
    totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  }
  return code === 0;
});

stage('build (next build)', () => {
  try {
    buildIfNeeded(root);
    return true;
  } catch (e) {
    console.error(e.message);
    return false;
  }
});

stage('end-to-end tests (Playwright, Chromium)', () => {
  const out = path.join(results, 'playwright.json');
  const code = run(bin('playwright'), ['test', '--reporter=list,json'], {
    cwd: root,
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: out, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  });
  const r = readJson(out);
  if (r?.stats) {
    totals.passed += (r.stats.expected ?? 0) + (r.stats.flaky ?? 0);
    totals.failed += r.stats.unexpected ?? 0;
    totals.skipped += r.stats.skipped ?? 0;
  } else if (code !== 0) totals.failed += 1;
  return code === 0;
});

finish(0);
