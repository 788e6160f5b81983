import 'server-only';
// Which store serves a request: STUDIO_PLUGIN_STORE picks the kind; the cluster store works in the
// request's current context (cookie → --context → STUDIO_CONTEXT → kubeconfig), like every page.
import { currentContext } from '@/lib/k8s/request-context';
import { ClusterStore, clusterNamespaceFromEnv } from './cluster-store';
import { FileStore, defaultDataDir } from './file-store';
import { withSettingsAudit } from './service-audit';
import { storeKindFromEnv, type PluginStore } from './store';
import { deepflowServerFromEnv, type DeepflowServer } from './deepflow-client';

const fileStores = new Map<string, FileStore>();

export function openPluginStore(contextCookie: string | undefined): PluginStore {
  return withSettingsAudit(openStore(contextCookie));
}

function openStore(contextCookie: string | undefined): PluginStore {
  if (storeKindFromEnv() === 'cluster') {
    const { resolved } = currentContext(contextCookie);
    if (!resolved.name) throw new Error(`STUDIO_PLUGIN_STORE=cluster, but no cluster context is selected${resolved.problems[0] ? `: ${resolved.problems[0].message}` : '.'}`);
    return new ClusterStore({ context: resolved.name, namespace: clusterNamespaceFromEnv() });
  }
  const dir = defaultDataDir();
  let s = fileStores.get(dir);
  if (!s) fileStores.set(dir, (s = new FileStore({ dir })));
  return s;
}

/** Store + DeepFlow server for a request (throws on a misconfigured environment: callers report it). */
export function pluginServiceEnv(contextCookie: string | undefined): { store: PluginStore; deepflow: DeepflowServer | null } {
  return { store: openPluginStore(contextCookie), deepflow: deepflowServerFromEnv() };
}
