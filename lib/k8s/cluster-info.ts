import 'server-only';
// `GET /api/cluster`: what the header shows (contexts, the current one, sandbox or not) and every
// problem found on the way, each with a fix. Never throws: a broken kubeconfig is a state to display.
import { describeContexts } from './context';
import { probeVersion } from './client';
import { currentContext } from './request-context';
import { logProblemOnce, runtimeState } from './runtime-state';
import { msg, type Msg } from '@/lib/i18n/message';
import type { ClusterInfo, Problem } from './types';

export async function clusterInfo(cookie: string | undefined, opts: { probeTimeoutMs?: number } = {}): Promise<ClusterInfo> {
  const { loaded, resolved } = currentContext(cookie);
  resolved.problems.forEach(logProblemOnce);
  const problems: Problem[] = [...runtimeState().bootstrapProblems, ...loaded.problems, ...resolved.problems];
  const contexts = describeContexts(loaded.kc);
  const current = resolved.name;
  const server = contexts.find((c) => c.name === current)?.server ?? null;

  let connection: ClusterInfo['connection'];
  if (current) {
    connection = await probeVersion(current, opts.probeTimeoutMs ?? 2500);
    if (!connection.ok) problems.push(connectionProblem(current, server, connection.reason, connection.reasonMsg));
  } else {
    connection = { ok: false, reason: 'No context selected.', reasonMsg: msg('shell.connection.noContextSelected') };
  }

  return {
    contexts,
    current,
    server,
    sandbox: loaded.source === 'sandbox',
    kubeconfigPaths: loaded.paths,
    problems,
    connection,
  };
}

/** The current context's API server did not answer; `reason` (the client's own text) is quoted. */
export function connectionProblem(context: string, server: string | null, reason: string | undefined, reasonMsg?: Msg): Problem {
  return {
    source: 'connection',
    context,
    message: reason ?? `Cannot reach ${server ?? 'the cluster'}.`,
    messageMsg: reasonMsg ?? (reason !== undefined ? msg('shell.problem.connectionReason', { reason }) : server ? msg('shell.problem.connectionUnreachable', { server }) : msg('shell.problem.connectionUnreachableUnknown')),
    fix: `Check that ${server ?? 'the API server'} is reachable from this machine (VPN, proxy, credentials); the studio keeps retrying.`,
    fixMsg: server ? msg('shell.problem.connectionFix', { server }) : msg('shell.problem.connectionFixUnknown'),
  };
}
