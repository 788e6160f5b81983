'use client';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { Problem } from '@/lib/k8s/types';
import { useClusterInfo } from '@/lib/k8s/hooks';
import { InlineCode } from './inline-code';
import { useErrorText, useMsg } from './use-msg';

const strong = (c: ReactNode) => <span className="font-semibold text-warn">{c}</span>;
const code = (c: ReactNode) => <code className="font-mono text-fg">{c}</code>;

/**
 * Configuration problems the server found; each names where it is and what to do about it. The
 * list keeps role="alert" (the problems block work) but is announced politely: it is refetched when
 * the watch stream drops or returns, and an outage must not interrupt the reader on every flap.
 * Each message and fix is rendered in the reader's language; what it quotes from the server
 * (kubeconfig parser, API server) stays verbatim.
 */
export function ProblemsBanner() {
  const t = useTranslations('shell.problems');
  const errorText = useErrorText();
  const m = useMsg();
  const info = useClusterInfo();
  if (info.error) {
    return (
      <div role="alert" aria-live="polite" className="border-b border-danger/40 bg-danger-soft px-4 py-2">
        <p className="font-semibold text-danger">{t('loadFailed')}</p>
        <p className="text-muted">{t('loadFailedBody', { message: errorText(info.error) })}</p>
      </div>
    );
  }
  const problems = info.data?.problems ?? [];
  if (problems.length === 0) return null;
  const where = (p: Problem): string | undefined => {
    if (p.file) return p.line ? `${p.file}:${p.line}` : p.file;
    return p.context ? t('whereContext', { context: p.context }) : undefined;
  };
  return (
    <div role="alert" aria-live="polite" aria-label={t('label')} className="border-b border-warn/40 bg-warn-soft px-4 py-2">
      <ul className="flex flex-col gap-1.5">
        {problems.map((p, i) => {
          const w = where(p);
          const source = t(`source.${p.source}`);
          const full = p.messageMsg ? m(p.messageMsg) : p.message;
          const fix = p.fixMsg ? m(p.fixMsg) : p.fix;
          // Messages often repeat the location already shown before them (Chinese: full-width colon).
          const message = w && (full.startsWith(`${w}: `) || full.startsWith(`${w}：`)) ? full.slice(w.length + 1).trimStart() : full;
          return (
            <li key={i}>
              <p>
                {w ? t.rich('headingIn', { source, where: w, b: strong, code }) : t.rich('heading', { source, b: strong })} <InlineCode text={message} />
              </p>
              <p className="text-muted">
                <span className="font-medium text-fg">{t('fix')}</span> <InlineCode text={fix} />
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
