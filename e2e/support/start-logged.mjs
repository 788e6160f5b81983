#!/usr/bin/env node
// `node e2e/support/start-logged.mjs LOGFILE`: runs `node scripts/start.mjs` and copies everything it
// prints to LOGFILE as well as to our own stdout/stderr, so a spec can check what the terminal says.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const logFile = path.resolve(process.argv[2] ?? 'start.log');
fs.mkdirSync(path.dirname(logFile), { recursive: true });
const log = fs.createWriteStream(logFile, { flags: 'w' });
const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
child.stdout.on('data', (b) => (process.stdout.write(b), log.write(b)));
child.stderr.on('data', (b) => (process.stderr.write(b), log.write(b)));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => log.end(() => process.exit(code ?? (signal ? 1 : 0))));
