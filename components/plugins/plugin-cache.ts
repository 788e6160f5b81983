'use client';
// After a successful write: put the store's answer into the cached list at once (the page we
// navigate to finds the plugin without waiting), then refetch everything plugin-related.
import type { QueryClient } from '@tanstack/react-query';
import { invalidatePlugins } from '@/lib/plugins/hooks';
import { PLUGINS_QUERY_KEY, type PluginList, type PluginRecord } from '@/lib/plugins/types';

export const pluginHref = (name: string) => `/plugins/${encodeURIComponent(name)}`;

export function applySaved(queryClient: QueryClient, plugin: PluginRecord, previousName: string | null): void {
  queryClient.setQueryData<PluginList>(PLUGINS_QUERY_KEY, (list) => {
    if (!list) return list;
    const at = list.plugins.findIndex((p) => p.name === (previousName ?? plugin.name));
    const plugins = at >= 0 ? list.plugins.map((p, i) => (i === at ? plugin : p)) : [...list.plugins, plugin];
    return { ...list, plugins };
  });
  void invalidatePlugins(queryClient);
}

export function forgetPlugin(queryClient: QueryClient, name: string): void {
  queryClient.setQueryData<PluginList>(PLUGINS_QUERY_KEY, (list) => (list ? { ...list, plugins: list.plugins.filter((p) => p.name !== name) } : list));
  void invalidatePlugins(queryClient);
}
