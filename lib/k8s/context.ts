import 'server-only';
// Which context a request uses. Precedence: the UI's choice (cookie `kls-context`) > `--context` >
// STUDIO_CONTEXT > the kubeconfig's current-context. A context named on the command line or in the
// environment that does not exist selects nothing rather than falling back: against production, quietly
// talking to a different cluster than the one asked for is worse than showing an error.
import type { KubeConfig } from '@kubernetes/client-node';
import type { Env } from './kubeconfig';
import { msg } from '@/lib/i18n/message';
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
  const isKnown = (n: string) => names.includes(n);
  const list = names.length ? names.join(', ') : '(none)';
  // The catalogue says "(none)" itself, in the reader's language.
  const known = { count: names.length, known: names.join(', ') };

  if (opts.cookie) {
    if (isKnown(opts.cookie)) return { name: opts.cookie, origin: 'cookie', problems };
    problems.push({
      source: 'context',
      context: opts.cookie,
      message: `The context chosen in the UI, "${opts.cookie}", is no longer in the kubeconfig.`,
      messageMsg: msg('shell.problem.cookieGone', { context: opts.cookie }),
      fix: `Pick another context in the header (known: ${list}).`,
      fixMsg: msg('shell.problem.cookieGoneFix', known),
    });
  }
  const argv = contextFromArgv(opts.argv);
  const env = (opts.env ?? process.env).STUDIO_CONTEXT || undefined;
  for (const [name, origin, label] of [
    [argv, 'argv', '--context'],
    [env, 'env', 'STUDIO_CONTEXT'],
  ] as const) {
    if (!name) continue;
    const setting = label === '--context' ? '--context=' : 'STUDIO_CONTEXT=';
    if (isKnown(name)) return { name, origin, problems };
    problems.push({
      source: 'context',
      context: name,
      message: `Context "${name}" (from ${label}) is not in the kubeconfig. Known contexts: ${list}.`,
      messageMsg: msg('shell.problem.contextMissing', { context: name, origin: label, ...known }),
      fix: `Restart with ${setting}<one of: ${list}>, or pick a context in the header.`,
      fixMsg: msg('shell.problem.contextMissingFix', { setting, ...known }),
    });
    return { name: null, origin: null, problems };
  }
  const current = kc.getCurrentContext();
  if (current && isKnown(current)) return { name: current, origin: 'kubeconfig', problems };
  if (current) {
    problems.push({
      source: 'context',
      context: current,
      message: `current-context "${current}" is not defined in the kubeconfig. Known contexts: ${list}.`,
      messageMsg: msg('shell.problem.currentMissing', { context: current, ...known }),
      fix: `Run \`kubectl config use-context <name>\` or pick a context in the header.`,
      // `<name>` is a value: inside a message, next-intl would read it as a tag.
      fixMsg: msg('shell.problem.currentMissingFix', { placeholder: '<name>' }),
    });
  } else if (names.length) {
    problems.push({
      source: 'context',
      message: 'The kubeconfig sets no current-context.',
      messageMsg: msg('shell.problem.noCurrent'),
      fix: 'Pick a context in the header, or restart with --context=<name>.',
      fixMsg: msg('shell.problem.noCurrentFix', { placeholder: '<name>' }),
    });
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
