'use client';
import { useTranslations } from 'next-intl';
import type { Msg } from '@/lib/i18n/message';

/** Renders a message descriptor decided in `lib/` in the reader's language. */
export function useMsg(): (m: Msg) => string {
  const t = useTranslations();
  // Keys from lib are checked against the catalogues by catalogues.test.ts, not by the type.
  return (m) => t(m.key as never, m.values as never);
}
