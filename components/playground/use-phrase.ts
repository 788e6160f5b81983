'use client';
import type { Phrase } from '@/lib/playground/text';
import { useMsg } from '@/components/use-msg';

/** Renders a Phrase (lib/playground/text.ts) in the reader's language, inner sentences first. */
export function usePhrase(): (p: Phrase) => string {
  const m = useMsg();
  const render = (p: Phrase): string => {
    if (!p.msg) return p.text;
    const inner = Object.fromEntries(Object.entries(p.inner ?? {}).map(([k, q]) => [k, render(q)]));
    return m({ key: p.msg.key, values: { ...p.msg.values, ...inner } });
  };
  return render;
}
