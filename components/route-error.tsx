'use client';
import { useTranslations } from 'next-intl';
import type { RouteSection } from './route-sections';

/** Shared body of every `error.tsx`: what failed, the message (verbatim), and a retry that re-renders the segment. */
export function RouteError({ what, error, retry }: { what: RouteSection; error: unknown; retry: () => void }) {
  const t = useTranslations('common');
  const message = error instanceof Error ? error.message : String(error);
  const digest = error instanceof Error && 'digest' in error ? String((error as { digest?: unknown }).digest ?? '') : '';
  return (
    <div role="alert" className="max-w-2xl rounded-md border border-danger/50 bg-danger-soft px-5 py-4">
      <h1 className="text-[15px] font-semibold text-danger">{t(`routeError.${what}`)}</h1>
      <p className="mt-1 font-mono text-[12px]">{message}</p>
      {digest ? <p className="mt-1 text-muted">{t('serverLogReference', { digest })}</p> : null}
      <button type="button" onClick={() => retry()} className="mt-3 h-7 rounded bg-accent px-3 font-medium text-accent-fg hover:opacity-90">
        {t('tryAgain')}
      </button>
    </div>
  );
}
