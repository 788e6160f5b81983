import 'server-only';
// Which context a request uses. Precedence: the UI's choice (cookie `kls-context`) > `--context` >
// STUDIO_CONTEXT > the kubeconfig's current-context. A context named on the command line or in the
// environment that does not exist selects nothing rather than falling back: against production, quietly
// talking to a different cluster than the one asked for is worse than showing an error.
import type { KubeConfig } from '@kubernetes/client-node';
import type { Env } from './kubeconfig';
import type { ContextInfo, Problem } from './types';

export type ContextOrigin = 'cookie' | 'argv' | 'env' | 'kubeconfig';

export interface ResolvedContext {
  name: string | null;
  origin: ContextOrigin | null;
  problems: Problem[];
}

/** `--context=name` or `--context name` in argv. */
export function contextFromArgv(argv: readonly string[] = process.argv): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--context=')) return a.slice('--context='.length) || undefined;
    if (a === '--context' && argv[i + 1] && !argv[i + 1].startsWith('-')) return argv[i + 1];
  }
  return undefined;
}

export function resolveContext(
  kc: KubeConfig | null,
  opts: { cookie?: string; argv?: readonly string[]; env?: Env } = {},
): ResolvedContext {
  const problems: Problem[] = [];
  if (!kc) return { name: null, origin: null, problems };
  const names = kc.getContexts().map((c) => c.name);
  const known = (n: string) => names.includes(n);
  const list = names.length ? names.join(', ') : '(none)';

  if (opts.cookie) {
    if (known(opts.cookie)) return { name: opts.cookie, origin: 'cookie', problems };
    problems.push({ source: 'context', context: opts.cookie, message: `The context chosen in the UI, "${opts.cookie}", is no longer in the kubeconfig.`, fix: `Pick another context in the header (known: ${list}).` });
  }
  const argv = contextFromArgv(opts.argv);
  const env = (opts.env ?? process.env).STUDIO_CONTEXT || undefined;
  for (const [name, origin, label] of [
    [argv, 'argv', '--context'],
    [env, 'env', 'STUDIO_CONTEXT'],
  ] as const) {
    if (!name) continue;
    if (known(name)) return { name, origin, problems };
    problems.push({
      source: 'context',
      context: name,
      message: `Context "${name}" (from ${label}) is not in the kubeconfig. Known contexts: ${list}.`,
      fix: `Restart with ${label === '--context' ? '--context=' : 'STUDIO_CONTEXT='}<one of: ${list}>, or pick a context in the header.`,
    });
    return { name: null, origin: null, problems };
  }
  const current = kc.getCurrentContext();
  if (current && known(current)) return { name: current, origin: 'kubeconfig', problems };
  if (current) {
    problems.push({ source: 'context', context: current, message: `current-context "${current}" is not defined in the kubeconfig. Known contexts: ${list}.`, fix: `Run \`kubectl config use-context <name>\` or pick a context in the header.` });
  } else if (names.length) {
    problems.push({ source: 'context', message: 'The kubeconfig sets no current-context.', fix: 'Pick a context in the header, or restart with --context=<name>.' });
  }
  return { name: null, origin: null, problems };
}

export function describeContexts(kc: KubeConfig | null): ContextInfo[] {
  if (!kc) return [];
  return kc.getContexts().map((c) => {
    const info: ContextInfo = { name: c.name, cluster: c.cluster, server: kc.getCluster(c.cluster)?.server ?? '', user: c.user };
    if (c.namespace) info.namespace = c.namespace;
    return info;
  });
}
