#!/usr/bin/env node
// Standalone sandbox cluster: `node scripts/sandbox.mjs [--seed PATH|default|staging|none]...
// [--kubeconfig OUT] [--port N] [--host H] [--name NAME] [--deny PLURAL]... [--verbose]`.
// Loads the TypeScript sources through tsx, writes a kubeconfig and serves until interrupted.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { register } from 'tsx/esm/api';

register();
const { startSandbox, sandboxKubeconfig, SeedError, DEFAULT_SEED_DIR, STAGING_SEED_DIR } = await import('../lib/k8s/sandbox/index.ts');

const { values } = parseArgs({
  options: {
    seed: { type: 'string', multiple: true },
    kubeconfig: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    name: { type: 'string' },
    deny: { type: 'string', multiple: true },
    verbose: { type: 'boolean', short: 'v' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(
    'Usage: node scripts/sandbox.mjs [--seed PATH|default|staging|none]... [--kubeconfig OUT] [--port N] [--host H] [--name NAME] [--deny PLURAL]... [--verbose]',
  );
  process.exit(0);
}

const named = { default: DEFAULT_SEED_DIR, staging: STAGING_SEED_DIR };
const seeds = (values.seed ?? ['default']).filter((s) => s !== 'none').map((s) => named[s] ?? resolve(s));
const name = values.name ?? 'sandbox';
const kubeconfigPath = resolve(values.kubeconfig ?? `.studio/${name}.kubeconfig`);

let sandbox;
try {
  sandbox = await startSandbox({
    host: values.host,
    port: values.port ? Number(values.port) : 0,
    seed: seeds,
    name,
    denyResources: values.deny,
    log: values.verbose ? (line) => console.log(line) : undefined,
  });
} catch (err) {
  console.error(err instanceof SeedError ? `Seed error: ${err.message}` : err);
  process.exit(1);
}

mkdirSync(dirname(kubeconfigPath), { recursive: true });
writeFileSync(kubeconfigPath, sandboxKubeconfig([{ name, sandbox, namespace: 'default', readonly: true }], name), { mode: 0o600 });
const pods = sandbox.store.list('pods').items.length;
console.log(`Sandbox cluster "${name}" serving ${sandbox.url} (${pods} pods from ${seeds.length ? seeds.join(', ') : 'no seed'})`);
console.log(`Kubeconfig: ${kubeconfigPath} (contexts "${name}" and read-only "${name}-readonly")`);
console.log(`  export KUBECONFIG=${kubeconfigPath}`);
console.log('Press Ctrl+C to stop.');

const stop = async () => {
  await sandbox.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
