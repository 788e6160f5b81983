'use client';
import { useTranslations } from 'next-intl';
import { MsgError, type Msg } from '@/lib/i18n/message';

/** Renders a message descriptor decided in `lib/` in the reader's language. */
export function useMsg(): (m: Msg) => string {
  const t = useTranslations();
  // Keys from lib are checked against the catalogues by catalogues.test.ts, not by the type.
  return (m) => t(m.key as never, m.values as never);
}

/** An error's text in the reader's language when the studio wrote it (MsgError), else as given. */
export function useErrorText(): (e: unknown) => string {
  const m = useMsg();
  return (e) => (e instanceof MsgError && e.msg ? m(e.msg) : e instanceof Error ? e.message : String(e));
}
