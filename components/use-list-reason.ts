'use client';
import type { Msg } from '@/lib/i18n/message';
import type { Problem } from '@/lib/k8s/types';
import { useMsg } from './use-msg';

type WithReason = { reason?: string; reasonMsg?: Msg; problem?: Problem };

/**
 * A live list's `reason` in the reader's language: a configuration problem of the studio (its
 * message and fix), or the studio's own wording of a cluster failure; the API server's words,
 * which come without a descriptor, stay verbatim.
 */
export function useListReason(): (list: WithReason) => string | undefined {
  const m = useMsg();
  return (list) => {
    const p = list.problem;
    if (!p) return list.reasonMsg ? m(list.reasonMsg) : list.reason;
    return `${p.messageMsg ? m(p.messageMsg) : p.message} ${p.fixMsg ? m(p.fixMsg) : p.fix}`;
  };
}

/** Ends a reason with a full stop unless it already ends a sentence (English or Chinese punctuation). */
export function asSentence(text: string): string {
  return /[.!?。！？]$/.test(text) ? text : `${text}.`;
}
