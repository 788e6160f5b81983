// Kubeconfig YAML for one or more sandboxes, in the shape kubectl and @kubernetes/client-node read.
import { stringify } from 'yaml';

export interface KubeconfigCluster {
  name: string;
  sandbox: { url: string; caPem: string; token: string; viewerToken?: string };
  namespace?: string;
  /** Also write context `<name>-readonly` for the read-only user `<name>-viewer` (same server). */
  readonly?: boolean;
}

interface Entry {
  context: string;
  cluster: KubeconfigCluster;
  user: string;
  token: string;
}

/**
 * Context name = cluster name; user `<name>-admin` carries the admin's bearer token. With
 * `readonly`, context `<name>-readonly` follows it, with user `<name>-viewer`.
 */
export function sandboxKubeconfig(clusters: KubeconfigCluster[], currentContext: string): string {
  const entries: Entry[] = clusters.flatMap((c) => [
    { context: c.name, cluster: c, user: `${c.name}-admin`, token: c.sandbox.token },
    ...(c.readonly && c.sandbox.viewerToken ? [{ context: `${c.name}-readonly`, cluster: c, user: `${c.name}-viewer`, token: c.sandbox.viewerToken }] : []),
  ]);
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    clusters: clusters.map((c) => ({
      name: c.name,
      cluster: { server: c.sandbox.url, 'certificate-authority-data': Buffer.from(c.sandbox.caPem).toString('base64') },
    })),
    users: entries.map((e) => ({ name: e.user, user: { token: e.token } })),
    contexts: entries.map((e) => ({
      name: e.context,
      context: { cluster: e.cluster.name, user: e.user, ...(e.cluster.namespace ? { namespace: e.cluster.namespace } : {}) },
    })),
    'current-context': currentContext,
  });
}
