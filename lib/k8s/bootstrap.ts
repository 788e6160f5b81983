import 'server-only';
// Starts the two in-process sandbox clusters when there is no kubeconfig (or STUDIO_CLUSTER=sandbox)
// and writes one kubeconfig for both. From then on the app loads that file through the normal
// kubeconfig path, so the sandbox exercises exactly the code a real cluster does.
import fs from 'node:fs';
import path from 'node:path';
import { resolveContext } from './context';
import { loadKubeconfig, noKubeconfigAtAll, resetKubeconfigCache, type Env } from './kubeconfig';
import { runAsStudio } from './identity';
import { logProblemOnce, runtimeState } from './runtime-state';
import { msg, type Msg } from '@/lib/i18n/message';
import type { Problem } from './types';

/** Documented default location, under the project directory (git-ignored). */
export const DEFAULT_SANDBOX_KUBECONFIG = path.join('.studio', 'sandbox-kubeconfig.yaml');

export interface BootstrapResult {
  started: boolean;
  kubeconfig?: string;
  problems: Problem[];
}

type SandboxModule = typeof import('./sandbox');
type Sandbox = Awaited<ReturnType<SandboxModule['startSandbox']>>;

interface BootstrapSlot {
  promise?: Promise<BootstrapResult>;
  sandboxes?: Sandbox[];
}

const KEY = Symbol.for('kube-lua-studio.k8s.bootstrap');

function slot(): BootstrapSlot {
  const g = globalThis as unknown as Record<symbol, BootstrapSlot | undefined>;
  return (g[KEY] ??= {});
}

export function wantsSandbox(env: Env = process.env): boolean {
  return env.STUDIO_CLUSTER === 'sandbox' || noKubeconfigAtAll({ env });
}

/** Idempotent: a second call (Next may register twice in dev) returns the first call's result. */
export function bootstrap(env: Env = process.env, cwd = process.cwd()): Promise<BootstrapResult> {
  const s = slot();
  // Startup runs outside any request: whatever it asks a cluster, it asks as the studio itself
  // (with sign-in on, a call without an identity is refused).
  s.promise ??= runAsStudio(() => run(env, cwd)).catch((err: unknown) => {
    const problem = sandboxStartProblem(err);
    runtimeState().bootstrapProblems.push(problem);
    logProblemOnce(problem);
    return { started: false, problems: [problem] };
  });
  return s.promise;
}

async function run(env: Env, cwd: string): Promise<BootstrapResult> {
  if (!wantsSandbox(env)) {
    reportKubeconfigAtStartup();
    return { started: false, problems: [] };
  }
  const sandbox = await import('./sandbox');
  const problems: Problem[] = [];
  const userSeed = env.STUDIO_SANDBOX_SEED ? path.resolve(cwd, env.STUDIO_SANDBOX_SEED) : undefined;

  const scale = sandbox.checkScale(env.STUDIO_SANDBOX_SCALE);
  if (scale && 'error' in scale) {
    const problem = scaleProblem(scale);
    problems.push(problem);
    logProblemOnce(problem);
  }
  const extra = scale && 'pods' in scale ? sandbox.generateScaleObjects(scale.pods) : undefined;
  const main = await startSeeded(sandbox, 'sandbox', userSeed ?? sandbox.DEFAULT_SEED_DIR, !!userSeed, problems, extra);
  if (extra) console.log(`[kube-lua-studio] STUDIO_SANDBOX_SCALE: ${extra.length} generated objects (${scale && 'pods' in scale ? scale.pods : 0} pods) added to "sandbox"`);
  const staging = await startSeeded(sandbox, 'sandbox-staging', sandbox.STAGING_SEED_DIR, false, problems);
  slot().sandboxes = [main, staging];

  const file = path.resolve(cwd, env.STUDIO_SANDBOX_KUBECONFIG || DEFAULT_SANDBOX_KUBECONFIG);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const yaml = sandbox.sandboxKubeconfig(
    [
      // `sandbox-readonly`: the same cluster as user `sandbox-viewer`, who may read but not write.
      { name: 'sandbox', sandbox: main, readonly: true },
      { name: 'sandbox-staging', sandbox: staging },
    ],
    'sandbox',
  );
  fs.writeFileSync(file, yaml, { mode: 0o600 });
  fs.chmodSync(file, 0o600); // writeFileSync keeps the mode of an existing file

  const state = runtimeState();
  state.sandboxKubeconfig = file;
  state.bootstrapProblems.push(...problems);
  resetKubeconfigCache();
  console.log(`[kube-lua-studio] sandbox clusters "sandbox" (${main.url}; read-only context "sandbox-readonly") and "sandbox-staging" (${staging.url}); kubeconfig: ${file}`);
  return { started: true, kubeconfig: file, problems };
}

/** Prints kubeconfig and --context problems when the server starts, not at the first page view. */
function reportKubeconfigAtStartup(): void {
  const loaded = loadKubeconfig();
  const resolved = resolveContext(loaded.kc);
  resolved.problems.forEach(logProblemOnce);
  if (resolved.name) console.log(`[kube-lua-studio] context "${resolved.name}" from ${loaded.paths.join(path.delimiter) || loaded.source}`);
}

/** A broken seed must not take the server down: start empty and report where the seed is wrong. */
async function startSeeded(sandbox: SandboxModule, name: string, seed: string, userSeed: boolean, problems: Problem[], objects?: object[]): Promise<Sandbox> {
  try {
    // A user's `kubectl get -A -o json` holds kinds the sandbox does not serve (Secrets, Events…).
    return await sandbox.startSandbox({ name, seed, objects, unknownKinds: userSeed ? 'skip' : 'error', freshTimestamps: !userSeed });
  } catch (err) {
    if (!(err instanceof sandbox.SeedError)) throw err;
    const problem = seedProblem(name, err);
    problems.push(problem);
    logProblemOnce(problem);
    return sandbox.startSandbox({ name });
  }
}

/** The sandboxes could not start at all. */
export function sandboxStartProblem(err: unknown): Problem {
  const error = (err as Error).message;
  return {
    source: 'seed',
    message: `The sandbox clusters could not start: ${error}`,
    messageMsg: msg('shell.problem.sandboxStart', { error }),
    fix: 'Check the terminal for details, or point KUBECONFIG at a real cluster.',
    fixMsg: msg('shell.problem.sandboxStartFix'),
  };
}

/** STUDIO_SANDBOX_SCALE is not usable (`parseScale` said why). */
export function scaleProblem(scale: { error: string; errorMsg?: Msg }): Problem {
  return {
    source: 'seed',
    context: 'sandbox',
    message: scale.error,
    messageMsg: scale.errorMsg,
    fix: 'Set STUDIO_SANDBOX_SCALE to a number of pods, or unset it, and restart the studio.',
    fixMsg: msg('shell.problem.scaleFix'),
  };
}

/** A seed that did not load; the seed parser's own message is quoted as a value. */
export function seedProblem(name: string, err: { file: string; line?: number; message: string }): Problem {
  const where = `${err.file}${err.line !== undefined ? `:${err.line}` : ''}`;
  return {
    source: 'seed',
    file: err.file,
    line: err.line,
    context: name,
    message: `Seed for "${name}" not loaded: ${err.message}`,
    messageMsg: msg('shell.problem.seed', { name, error: err.message }),
    fix: `Fix ${where} and restart the studio; "${name}" runs empty until then.`,
    fixMsg: msg('shell.problem.seedFix', { where, name }),
  };
}

/** Stops the sandboxes (tests; the server process simply exits). */
export async function shutdownSandboxes(): Promise<void> {
  const s = slot();
  await Promise.all((s.sandboxes ?? []).map((x) => x.close()));
  s.sandboxes = undefined;
  s.promise = undefined;
  runtimeState().sandboxKubeconfig = undefined;
  runtimeState().bootstrapProblems = [];
  resetKubeconfigCache();
}
