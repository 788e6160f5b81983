#!/usr/bin/env node
// Loads the bundled CLI (dist/cli.mjs), building it first when missing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'cli.mjs');
if (!existsSync(bundle)) {
  try {
    // Build output goes to stderr: stdout is reserved for the command's (JSON) output.
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build-engine.mjs')], { cwd: root, stdio: ['ignore', process.stderr, 'inherit'] });
  } catch {
    process.stderr.write('kube-lua-studio: building dist/cli.mjs failed (node scripts/build-engine.mjs)\n');
    process.exit(3);
  }
  if (!existsSync(bundle)) {
    process.stderr.write('kube-lua-studio: node scripts/build-engine.mjs did not produce dist/cli.mjs\n');
    process.exit(3);
  }
}
const { runCli } = await import(pathToFileURL(bundle).href);
process.exitCode = await runCli(process.argv.slice(2));
