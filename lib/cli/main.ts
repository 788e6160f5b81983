// `kube-lua-studio` entry. `runCli` builds the whole output first and writes it once, so JSON on stdout
// is never half-written; bad usage and bad input exit with 2 and one message on stderr.
import { fileURLToPath } from 'node:url';
import { parseArgs, USAGE, UsageError } from './args';
import { InputError } from './input';
import { runRoute, type CommandOutput } from './route';
import { runTag } from './tag';
import { runTests } from './test-cases';
import type { DeepflowVersion } from '../deepflow/versions';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

const processIO = (): CliIO => ({
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
});

export async function runCli(argv: string[], io: CliIO = processIO()): Promise<number> {
  let output: CommandOutput;
  try {
    const args = parseArgs(argv);
    const f = args.flags;
    switch (args.command) {
      case 'help':
        io.stdout(`${USAGE}\n`);
        return 0;
      case 'route':
        output = runRoute({ rollout: f.rollout as string, gateway: f.gateway as string, script: f.script as string | undefined, mode: f.mode as 'controller' | 'test' | undefined, json: f.json === true });
        break;
      case 'tag':
        output = runTag({ pods: f.pods as string, plugins: f.plugin as string[], deepflowVersion: f['deepflow-version'] as DeepflowVersion | undefined, json: f.json === true });
        break;
      case 'test':
        output = runTests(args.positionals, { json: f.json === true, cwd: io.cwd });
        break;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`kube-lua-studio: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof InputError) {
      io.stderr(`kube-lua-studio: ${e.message}\n`);
      return 2;
    }
    io.stderr(`kube-lua-studio: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    return 3;
  }
  if (output.stderr) io.stderr(output.stderr);
  io.stdout(output.stdout);
  return output.code;
}

// Run directly (`node --import tsx lib/cli/main.ts`); the bundle is driven by bin/kube-lua-studio.mjs.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await runCli(process.argv.slice(2));
}
