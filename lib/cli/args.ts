// Argument parsing for `kube-lua-studio`: pure, so the tests can drive it without a process.
import { DEFAULT_DEEPFLOW_VERSION, parseDeepflowVersion } from '../deepflow/versions';

export class UsageError extends Error {}

const DEEPFLOW_VERSION_VALUES = 'v6.6, v7.0, v7.1.0 to v7.1.4, v7.1.5, v7.1.6 (and later 7.1.x), main or latest';

type Kind = 'string' | 'list' | 'boolean';
const COMMANDS = {
  route: { rollout: 'string', gateway: 'string', script: 'string', mode: 'string', json: 'boolean' },
  tag: { pods: 'string', plugin: 'list', 'deepflow-version': 'string', json: 'boolean' },
  test: { json: 'boolean' },
} satisfies Record<string, Record<string, Kind>>;

export type Command = keyof typeof COMMANDS;

export interface ParsedArgs {
  command: Command | 'help';
  /** For `help`: the command asked about, if any. */
  topic?: Command;
  flags: Record<string, string | string[] | boolean | undefined>;
  positionals: string[];
}

const isCommand = (s: string | undefined): s is Command => s !== undefined && Object.hasOwn(COMMANDS, s);

export function parseArgs(argv: string[]): ParsedArgs {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    return { command: 'help', topic: isCommand(rest[0]) ? rest[0] : undefined, flags: {}, positionals: [] };
  }
  if (!isCommand(first)) throw new UsageError(first.startsWith('-') ? `unknown option ${first}` : `unknown command "${first}"`);
  const spec: Record<string, Kind> = COMMANDS[first];
  const flags: ParsedArgs['flags'] = {};
  const positionals: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--help' || arg === '-h') return { command: 'help', topic: first, flags: {}, positionals: [] };
    if (arg === '--') {
      positionals.push(...rest.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const kind = arg.startsWith('--') ? spec[name] : undefined;
    if (!kind) throw new UsageError(`unknown option ${eq < 0 ? arg : arg.slice(0, eq)} for "${first}"`);
    if (kind === 'boolean') {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      flags[name] = true;
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      value = rest[i + 1];
      if (value === undefined || (value.startsWith('--') && value.length > 2)) throw new UsageError(`--${name} needs a value`);
      i++;
    }
    if (value === '') throw new UsageError(`--${name} needs a value`);
    if (kind === 'list') flags[name] = [...((flags[name] as string[] | undefined) ?? []), value];
    else if (flags[name] !== undefined) throw new UsageError(`--${name} given twice`);
    else flags[name] = value;
  }
  if (first !== 'test' && positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}" for "${first}"`);
  const need = (name: string) => {
    if (flags[name] === undefined) throw new UsageError(`"${first}" needs --${name}`);
  };
  if (first === 'route') {
    need('rollout');
    need('gateway');
    if (flags.mode !== undefined && flags.mode !== 'controller' && flags.mode !== 'test') {
      throw new UsageError(`--mode must be controller or test, not "${String(flags.mode)}"`);
    }
  }
  if (first === 'tag') {
    need('pods');
    need('plugin');
    const v = flags['deepflow-version'];
    if (typeof v === 'string') {
      const parsed = parseDeepflowVersion(v);
      if (!parsed) throw new UsageError(`unknown --deepflow-version "${v}": use ${DEEPFLOW_VERSION_VALUES}`);
      flags['deepflow-version'] = parsed;
    }
  }
  return { command: first, flags, positionals };
}

export const USAGE = `Usage: kube-lua-studio <command> [options]

Preview and test the Lua programs Kubernetes tools embed, with the answers production gives
(gopher-lua, Lua 5.1).

Commands:
  route --rollout R.yaml --gateway G.yaml [--script S.lua] [--mode controller|test] [--json]
      Run an OpenKruise Rollout trafficRouting.lua script for every canary step of a Rollout (or
      the TrafficRouting) against the gateway object. Without --script: the built-in script for the
      gateway's group/Kind (Kruise's Istio scripts, or our ConfigMap recipes). Mode controller
      (default) does what the controller does; test does what Kruise's unit test does.
      Exit 1 when a step's script fails.
  tag --pods P.json --plugin a.lua [--plugin b.lua ...] [--deepflow-version V] [--json]
      Run a DeepFlow tagging plugin chain (in the given order) over the pods of a PodList, a
      \`kubectl get pods -o json\` file or a \`kubectl get pods,rs,deploy,... -o json\` List (whose
      other items feed the standard workload logic).
      --deepflow-version: the DeepFlow server release to emulate, which decides when the
      built-in virtual-kubelet rule runs: v6.6, v7.0, v7.1.0 to v7.1.4, v7.1.5, v7.1.6 (and
      later 7.1.x), main or latest (default ${DEFAULT_DEEPFLOW_VERSION}).
      Every plugin is loaded once up front: one that fails to load (a syntax error, an error in
      its top level) is reported on stderr and the exit code is 1, stdout staying complete; also
      when earlier plugins match every pod given, since DeepFlow loads it for any pod they leave.
  test [paths...] [--json]
      Run every testdata/*.yaml under lua/ and plugins/ (or the YAML files under the given paths):
      routing cases in Kruise's format (rollout | trafficRouting, original, expected) and tagging
      cases (plugins, pods, objects, expected). Exit 1 when a case fails.

Options:
  --json     machine-readable output on stdout (written once, complete)
  -h, --help this help

Exit codes: 0 ok, 1 a step or case failed or a tagging plugin does not load, 2 bad usage or bad
input.`;
