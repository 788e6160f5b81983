'use client';
// GET /api/studio once per page load: the mode does not change while the studio runs.
import { useQuery } from '@tanstack/react-query';
import type { StudioInfo } from './read-only-notice';

export function useStudioInfo() {
  return useQuery({
    queryKey: ['studio-info'],
    staleTime: Infinity,
    queryFn: async (): Promise<StudioInfo> => {
      const r = await fetch('/api/studio', { cache: 'no-store' });
      if (!r.ok) throw new Error(`GET /api/studio answered ${r.status}`);
      return (await r.json()) as StudioInfo;
    },
  });
}

export function useReadOnly(): boolean {
  return useStudioInfo().data?.readOnly === true;
}
