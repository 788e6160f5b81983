// Running the real kubectl against a sandbox in tests. kubectl runs as a child process, never
// synchronously: the sandbox serves from this same event loop.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { sandboxKubeconfig, type Sandbox } from './index';

export const KUBECTL = (process.env.PATH ?? '')
  .split(delimiter)
  .map((d) => join(d, 'kubectl'))
  .find((p) => existsSync(p));

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface KubectlWatch {
  until(pred: (text: string) => boolean, ms?: number): Promise<void>;
  stop(): Promise<void>;
  output(): string;
}

export interface KubectlSession {
  dir: string;
  run(args: string[], input?: string): Promise<KubectlResult>;
  /** Runs and returns stdout; throws with stderr when kubectl fails. */
  ok(args: string[], input?: string): Promise<string>;
  /** `kubectl <args> -w`: wait for output, then stop it. */
  watch(args: string[]): KubectlWatch;
  file(name: string, content: string | Uint8Array): Promise<string>;
  close(): Promise<void>;
}

/** A temporary HOME and kubeconfig (context `sandbox`, namespace `default`, and `sandbox-readonly` when the sandbox has a viewer). */
export async function kubectlSession(sb: Sandbox): Promise<KubectlSession> {
  const dir = await mkdtemp(join(tmpdir(), 'sandbox-kubectl-'));
  const file = async (name: string, content: string | Uint8Array) => {
    const p = join(dir, name);
    await writeFile(p, content);
    return p;
  };
  const kubeconfig = await file('kubeconfig', sandboxKubeconfig([{ name: 'sandbox', sandbox: sb, namespace: 'default', readonly: true }], 'sandbox'));
  // HOME keeps kubectl's discovery cache out of the real home directory.
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: dir, KUBECONFIG: kubeconfig, NODE_ENV: 'test' };

  const run = (args: string[], input?: string) =>
    new Promise<KubectlResult>((resolve, reject) => {
      const child = spawn(KUBECTL!, args, { env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
      if (input !== undefined) child.stdin.end(input);
    });

  const ok = async (args: string[], input?: string) => {
    const r = await run(args, input);
    if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
    return r.stdout;
  };

  const watch = (args: string[]): KubectlWatch => {
    const child = spawn(KUBECTL!, [...args, '-w'], { env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    return {
      async until(pred, ms = 10_000) {
        const start = Date.now();
        while (!pred(out)) {
          if (Date.now() - start > ms) throw new Error(`kubectl ${args.join(' ')} -w: timed out; stdout:\n${out}\nstderr:\n${err}`);
          await new Promise((r) => setTimeout(r, 25));
        }
      },
      stop: () =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.on('close', () => resolve());
          child.kill();
        }),
      output: () => out,
    };
  };

  return { dir, run, ok, watch, file, close: () => rm(dir, { recursive: true, force: true }) };
}

export async function waitFor(pred: () => boolean, ms = 10_000): Promise<void> {
  const start = Date.now();
  while (!pred()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}
