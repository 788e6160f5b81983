'use client';
// TEMPORARY stand-in for engineer K's `lib/k8s/hooks.ts` with the agreed signatures; delete once those land.
import { useQuery, useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';

import type { ClusterInfo, ListStateName, KubeObject } from '@/lib/k8s/types';

export function useClusterInfo() {
  return useQuery({
    queryKey: ['cluster'],
    queryFn: async (): Promise<ClusterInfo> => {
      const r = await fetch('/api/cluster');
      if (!r.ok) throw new Error(`GET /api/cluster: ${r.status}`);
      return r.json();
    },
  });
}

export function useKubeList<T = KubeObject>(_kind: string, _opts: { namespace?: string } = {}): { items: T[]; state: ListStateName; reason?: string; retryInMs?: number } {
  return { items: [], state: 'loading' };
}

export function useConnection(): { state: 'connected' | 'reconnecting' | 'error'; reason?: string } {
  return { state: 'reconnecting' };
}

export function useSwitchContext() {
  return useMutation({ mutationFn: async (_name: string): Promise<{ ok: true } | { ok: false; error: string }> => ({ ok: true }) });
}

export function KubeWatchProvider({ children }: { children: ReactNode }) {
  return children;
}
