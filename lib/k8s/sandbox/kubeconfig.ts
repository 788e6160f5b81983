// Kubeconfig YAML for one or more sandboxes, in the shape kubectl and @kubernetes/client-node read.
import { stringify } from 'yaml';

export interface KubeconfigCluster {
  name: string;
  sandbox: { url: string; caPem: string; token: string };
  namespace?: string;
}

/** Context name = cluster name; user `<name>-admin` carries the bearer token. */
export function sandboxKubeconfig(clusters: KubeconfigCluster[], currentContext: string): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    clusters: clusters.map((c) => ({
      name: c.name,
      cluster: { server: c.sandbox.url, 'certificate-authority-data': Buffer.from(c.sandbox.caPem).toString('base64') },
    })),
    users: clusters.map((c) => ({ name: `${c.name}-admin`, user: { token: c.sandbox.token } })),
    contexts: clusters.map((c) => ({
      name: c.name,
      context: { cluster: c.name, user: `${c.name}-admin`, ...(c.namespace ? { namespace: c.namespace } : {}) },
    })),
    'current-context': currentContext,
  });
}
