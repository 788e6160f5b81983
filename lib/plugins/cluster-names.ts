// Plugin name → ConfigMap name (pure). Plugin names allow upper case and `_`; object names are
// DNS-1123 subdomains. The readable part is lower-cased and `.`/`_` become `-`; a hash of the exact
// name keeps `Foo` and `foo` apart. The real name lives in an annotation.
export const PLUGIN_CONFIGMAP_PREFIX = 'kls-plugin-';
export const SETTINGS_CONFIGMAP = 'kube-lua-studio-settings';
export const SYNC_CONFIGMAP = 'kube-lua-studio-deepflow-sync';

export const LABELS = { 'app.kubernetes.io/managed-by': 'kube-lua-studio', 'kube-lua-studio/kind': 'deepflow-plugin' } as const;
export const PLUGIN_SELECTOR = 'app.kubernetes.io/managed-by=kube-lua-studio,kube-lua-studio/kind=deepflow-plugin';

export const ANN = {
  name: 'kube-lua-studio/plugin-name',
  order: 'kube-lua-studio/order',
  enabled: 'kube-lua-studio/enabled',
  createdAt: 'kube-lua-studio/created-at',
  updatedAt: 'kube-lua-studio/updated-at',
  revision: 'kube-lua-studio/revision',
} as const;

// FNV-1a, 32 bit: stable everywhere without node:crypto (the function stays pure).
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (const ch of new TextEncoder().encode(s)) {
    h ^= ch;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export function configMapNameFor(pluginName: string): string {
  const readable = pluginName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 200).replace(/-+$/, '');
  return `${PLUGIN_CONFIGMAP_PREFIX}${readable ? `${readable}-` : ''}${fnv1a(pluginName)}`;
}
