// A studio process a spec starts and stops itself (restart tests), on SECOND_STUDIO_PORT, with the
// app the main studio already built. Blank values keep the developer's shell from leaking in.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { HOST, SECOND_STUDIO_PORT } from '../env';
import { ROOT } from '../failure-env';

export interface SecondStudio {
  baseURL: string;
  output: () => string;
  stop(): Promise<void>;
}

export async function startSecondStudio(env: Record<string, string>): Promise<SecondStudio> {
  const baseURL = `http://${HOST}:${SECOND_STUDIO_PORT}`;
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs')], {
    cwd: ROOT,
    env: { ...process.env, HOST, PORT: String(SECOND_STUDIO_PORT), STUDIO_CLUSTER: '', STUDIO_CONTEXT: '', STUDIO_SANDBOX_SEED: '', STUDIO_SANDBOX_KUBECONFIG: '', KUBECONFIG: '', DEEPFLOW_SERVER_URL: '', STUDIO_PLUGIN_STORE: '', STUDIO_NAMESPACE: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (b) => (out += String(b)));
  child.stderr?.on('data', (b) => (out += String(b)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the second studio exited (${child.exitCode}):\n${out}`);
    const up = await fetch(`${baseURL}/api/plugins`).then((r) => r.status < 500, () => false);
    if (up) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the second studio did not start within 120 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { baseURL, output: () => out, stop };
}
