import * as k8s from '@kubernetes/client-node';
import { SANDBOX_KUBECONFIG } from './env';

/** A CoreV1 client for one context of the sandbox kubeconfig the studio wrote on start. */
export function coreApi(context = 'sandbox'): k8s.CoreV1Api {
  const kc = new k8s.KubeConfig();
  kc.loadFromFile(SANDBOX_KUBECONFIG);
  kc.setCurrentContext(context);
  return kc.makeApiClient(k8s.CoreV1Api);
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
  const kc = new k8s.KubeConfig();
  kc.loadFromFile(SANDBOX_KUBECONFIG);
  kc.setCurrentContext(context);
  return kc.makeApiClient(k8s.CustomObjectsApi);
}
