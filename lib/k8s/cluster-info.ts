import 'server-only';
// `GET /api/cluster`: what the header shows (contexts, the current one, sandbox or not) and every
// problem found on the way, each with a fix. Never throws: a broken kubeconfig is a state to display.
import { describeContexts } from './context';
import { probeVersion } from './client';
import { currentContext } from './request-context';
import { logProblemOnce, runtimeState } from './runtime-state';
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
    if (!connection.ok) {
      problems.push({
        source: 'connection',
        context: current,
        message: connection.reason ?? `Cannot reach ${server ?? 'the cluster'}.`,
        fix: `Check that ${server ?? 'the API server'} is reachable from this machine (VPN, proxy, credentials); the studio keeps retrying.`,
      });
    }
  } else {
    connection = { ok: false, reason: 'No context selected.' };
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
