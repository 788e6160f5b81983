import * as k8s from '@kubernetes/client-node';
import { SANDBOX_KUBECONFIG } from './env';

/**
 * The User-Agent of the specs' own cluster calls (setup, checks): e2e/audit-complete.spec.ts tells
 * them from the studio's writes by it, since both use @kubernetes/client-node with the same token.
 */
export const SETUP_AGENT = 'kube-lua-studio-e2e-setup';

class SetupKubeConfig extends k8s.KubeConfig {
  override makeApiClient<T extends k8s.ApiType>(type: new (config: k8s.Configuration) => T): T {
    const server = this.getCurrentCluster()?.server;
    if (!server) throw new Error('No active cluster!');
    const config = k8s.createConfiguration({ baseServer: new k8s.ServerConfiguration(server, {}), authMethods: { default: this }, middleware: [k8s.setHeaderMiddleware('User-Agent', SETUP_AGENT)] });
    return new type(config);
  }
}

/** The sandbox kubeconfig the studio wrote on start, at one context, for the specs' own calls. */
export function setupKubeConfig(context = 'sandbox', file = SANDBOX_KUBECONFIG): k8s.KubeConfig {
  const kc = new SetupKubeConfig();
  kc.loadFromFile(file);
  kc.setCurrentContext(context);
  return kc;
}

/** A CoreV1 client for one context of the sandbox kubeconfig the studio wrote on start. */
export function coreApi(context = 'sandbox'): k8s.CoreV1Api {
  return setupKubeConfig(context).makeApiClient(k8s.CoreV1Api);
}

export async function podNames(context: string, namespace?: string): Promise<string[]> {
  const api = coreApi(context);
  const list = namespace ? await api.listNamespacedPod({ namespace }) : await api.listPodForAllNamespaces();
  return list.items.map((p) => p.metadata?.name ?? '').filter(Boolean);
}

export async function namespaceNames(context: string): Promise<string[]> {
  const list = await coreApi(context).listNamespace();
  return list.items.map((n) => n.metadata?.name ?? '').filter(Boolean);
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

/** Custom resources (Rollouts, VirtualServices, HTTPProxies) of one context, status subresource included. */
export function customApi(context = 'sandbox'): k8s.CustomObjectsApi {
  return setupKubeConfig(context).makeApiClient(k8s.CustomObjectsApi);
}
