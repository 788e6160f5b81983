'use client';
// Read side of the plugin store (Contract B): react-query over /api/plugins and
// /api/deepflow-settings. Writes are server actions; callers invalidate with `invalidatePlugins`.
import { useMemo } from 'react';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { DEFAULT_DEEPFLOW_VERSION, type DeepflowVersion } from '@/lib/deepflow/versions';
import type { ApiResourceEntry } from '@/lib/deepflow/api-resources';
import { parseAgentConfig } from '@/lib/deepflow/agent-config';
import { answerError, notJsonError, type ErrorBody } from '@/lib/i18n/answer-error';
import { DEEPFLOW_SETTINGS_QUERY_KEY, PLUGINS_QUERY_KEY, type DeepflowSettings, type PluginHistoryEntry, type PluginList } from './types';

async function getJson<T>(url: string): Promise<T> {
  const r = await fetch(url, { cache: 'no-store' });
  const body = (await r.json().catch(() => null)) as (T & ErrorBody) | null;
  if (!r.ok) throw answerError(url, r.status, body);
  if (body === null) throw notJsonError(url);
  return body;
}

export const pluginHistoryQueryKey = (name: string) => [...PLUGINS_QUERY_KEY, 'history', name] as const;

export function usePluginList() {
  return useQuery({ queryKey: PLUGINS_QUERY_KEY, queryFn: () => getJson<PluginList>('/api/plugins'), staleTime: 5_000 });
}

/** Newest first; `data` is null when the plugin does not exist. */
export function usePluginHistory(name: string | null) {
  return useQuery({
    queryKey: pluginHistoryQueryKey(name ?? ''),
    enabled: !!name,
    queryFn: async () => {
      const url = `/api/plugins/${encodeURIComponent(name!)}/history`;
      const r = await fetch(url, { cache: 'no-store' });
      if (r.status === 404) return null;
      const body = (await r.json().catch(() => null)) as ({ history?: PluginHistoryEntry[] } & ErrorBody) | null;
      if (!r.ok) throw answerError(url, r.status, body);
      if (!body?.history) throw notJsonError(url);
      return body.history;
    },
  });
}

export function useDeepflowSettings() {
  return useQuery({ queryKey: DEEPFLOW_SETTINGS_QUERY_KEY, queryFn: () => getJson<DeepflowSettings>('/api/deepflow-settings'), staleTime: 5_000 });
}

const NO_PLUGINS: { name: string; source: string }[] = [];

/** The chain DeepFlow would run: enabled plugins, in execution order. */
export function useSavedChain(): { plugins: { name: string; source: string }[]; isLoading: boolean; error: Error | null } {
  const q = usePluginList();
  const plugins = useMemo(() => (q.data ? q.data.plugins.filter((p) => p.enabled).map((p) => ({ name: p.name, source: p.source })) : NO_PLUGINS), [q.data]);
  return { plugins, isLoading: q.isLoading, error: q.error };
}

const NO_ENTRIES: ApiResourceEntry[] = [];

/** The saved agent configuration as entries (empty = DeepFlow's defaults) and the emulated version. */
export function useAgentSettings(): { entries: ApiResourceEntry[]; version: DeepflowVersion; yaml: string; isLoading: boolean } {
  const q = useDeepflowSettings();
  const yaml = q.data?.agentConfigYaml ?? '';
  const entries = useMemo(() => {
    const r = parseAgentConfig(yaml);
    return r.ok ? r.entries : NO_ENTRIES; // the server refuses YAML that does not parse
  }, [yaml]);
  return { entries, version: q.data?.version ?? DEFAULT_DEEPFLOW_VERSION, yaml, isLoading: q.isLoading };
}

export function invalidatePlugins(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: PLUGINS_QUERY_KEY });
}

export function invalidateDeepflowSettings(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: DEEPFLOW_SETTINGS_QUERY_KEY });
}
