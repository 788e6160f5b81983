'use client';
// A refusal or note from the plugin actions in the reader's language. When it quotes an engine or
// the DeepFlow server (`quote`), those words stay verbatim beside the translated explanation.
import { useLocale } from 'next-intl';
import { useMsg } from '@/components/use-msg';
import { msg, type Msg } from '@/lib/i18n/message';

/** What the UI keeps of a failure: the English `error` (fallback) and the message, when lib gave one. */
export type Shown = { error: string; message?: Msg };

/** A thrown action call (network, server crash): the studio's own words around the error. */
export function unanswered(e: unknown): Shown & { ok: false } {
  const error = e instanceof Error ? e.message : String(e);
  return { ok: false, error: `The studio did not answer: ${error}`, message: msg('plugins.list.studioSilent', { error }) };
}

export function FailureText({ shown }: { shown: Shown }) {
  const m = useMsg();
  // In English the server's own sentence is the message: one line, the quote inline, exactly the
  // words the studio has always shown (and that users and tests search for).
  const english = useLocale() === 'en';
  if (!shown.message || english) return <span className="whitespace-pre-wrap">{shown.error}</span>;
  const quote = shown.message.values?.quote;
  return (
    <>
      {m(shown.message)}
      {typeof quote === 'string' && quote ? (
        <samp translate="no" className="mt-0.5 block whitespace-pre-wrap font-mono text-[12px]">{quote}</samp>
      ) : null}
    </>
  );
}

/** The notes beside a success: messages when the server sent them, else its English warnings. */
export function notesOf(r: { warnings?: string[]; notes?: Msg[] }): Shown[] {
  const w = r.warnings ?? [];
  return w.map((error, i) => ({ error, ...(r.notes?.[i] ? { message: r.notes[i] } : {}) }));
}
