'use client';
// Read side of the audit: react-query over /api/audit.
import { useQuery } from '@tanstack/react-query';
import { answerError, notJsonError, type ErrorBody } from '@/lib/i18n/answer-error';
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
      const body = (await r.json().catch(() => null)) as (AuditPage & ErrorBody) | null;
      if (!r.ok) throw answerError('/api/audit', r.status, body);
      if (!body?.entries) throw notJsonError('/api/audit');
      return body;
    },
  });
}
