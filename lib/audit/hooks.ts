'use client';
// Read side of the audit: react-query over /api/audit.
import { useQuery } from '@tanstack/react-query';
import { filterQuery, type AuditFilter } from './filter';
import type { AuditEntry } from './types';

export interface AuditPage {
  entries: AuditEntry[];
  total: number;
}

export const AUDIT_QUERY_KEY = ['audit'] as const;

export function useAudit(filter: AuditFilter) {
  const q = filterQuery(filter);
  return useQuery({
    queryKey: [...AUDIT_QUERY_KEY, q],
    queryFn: async (): Promise<AuditPage> => {
      const r = await fetch(`/api/audit${q ? `?${q}` : ''}`, { cache: 'no-store' });
      const body = (await r.json().catch(() => null)) as (AuditPage & { error?: string }) | null;
      if (!r.ok || !body?.entries) throw new Error(body?.error ?? `GET /api/audit answered ${r.status}`);
      return body;
    },
  });
}
