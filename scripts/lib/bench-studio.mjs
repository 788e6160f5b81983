// Starts the built studio against its sandbox for the browser part of `npm run bench`, on a port of
// its own, and stops it afterwards. Building (when sources changed) is `npm start`'s own step.
import { spawn } from 'node:child_process';
import path from 'node:path';

export async function startStudio({ root, work, port = Number(process.env.BENCH_PORT ?? 3177), env = {} }) {
  const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], {
    cwd: root,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      STUDIO_CLUSTER: 'sandbox',
      STUDIO_SANDBOX_KUBECONFIG: path.join(work, 'sandbox-kubeconfig.yaml'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10 * 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the studio exited (${child.exitCode}):\n${output.slice(-2000)}`);
    try {
      const r = await fetch(`${url}/api/cluster`);
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}
