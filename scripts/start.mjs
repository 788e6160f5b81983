#!/usr/bin/env node
// `npm start`: build when needed, then serve the studio on http://127.0.0.1:3000 (HOST/PORT override).
// `npm start -- --context NAME` selects a kubeconfig context (same as STUDIO_CONTEXT).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { authStartupDecision } from '../lib/auth/startup-check.mjs';
import { buildIfNeeded } from './lib/build-if-needed.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--context' && args[i + 1]) env.STUDIO_CONTEXT = args[++i];
  else if (a.startsWith('--context=')) env.STUDIO_CONTEXT = a.slice('--context='.length);
  else if (a === '--help' || a === '-h') {
    console.log('Usage: npm start [-- --context NAME]\nEnvironment: HOST, PORT, STUDIO_AUTH, KUBECONFIG, STUDIO_CONTEXT, STUDIO_CLUSTER, STUDIO_SANDBOX_KUBECONFIG, STUDIO_SANDBOX_SEED, STUDIO_SANDBOX_SCALE, STUDIO_LOCALE, STUDIO_TIME_ZONE (see README).');
    process.exit(0);
  } else {
    console.error(`kube-lua-studio: unknown argument ${a} (try --help)`);
    process.exit(2);
  }
}

const host = env.HOST || '127.0.0.1';
const port = env.PORT || '3000';
// Decide before building: an exposed studio without sign-in never starts (the server checks again).
env.HOST = host;
const auth = authStartupDecision(env);
if (!auth.ok) {
  console.error(`kube-lua-studio: ${auth.reason}`);
  process.exit(1);
}

try {
  buildIfNeeded(root);
} catch (e) {
  console.error(`kube-lua-studio: ${e.message}`);
  process.exit(1);
}

const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
console.log(`kube-lua-studio: serving on http://${host.includes(':') ? `[${host}]` : host}:${port}`);
const child = spawn(process.execPath, [nextBin, 'start', '-H', host, '-p', port], { cwd: root, env, stdio: 'inherit' });
// `next start` shuts down gracefully: it waits for open connections, and every open studio tab holds
// a live watch stream, so it would wait as long as a browser stays open. Give it a moment, then stop it.
const SHUTDOWN_GRACE_MS = 3000;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    child.kill(sig);
    setTimeout(() => child.kill('SIGKILL'), SHUTDOWN_GRACE_MS).unref();
  });
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
