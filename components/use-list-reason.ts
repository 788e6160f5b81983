'use client';
import type { Problem } from '@/lib/k8s/types';
import { useMsg } from './use-msg';

/**
 * A live list's `reason` in the reader's language when it is a configuration problem of the studio
 * (its message and fix); otherwise the reason as given (the API server's words stay verbatim).
 */
export function useListReason(): (list: { reason?: string; problem?: Problem }) => string | undefined {
  const m = useMsg();
  return (list) => {
    const p = list.problem;
    if (!p) return list.reason;
    return `${p.messageMsg ? m(p.messageMsg) : p.message} ${p.fixMsg ? m(p.fixMsg) : p.fix}`;
  };
}
