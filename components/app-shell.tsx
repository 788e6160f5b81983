import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Suspense, type ReactNode } from 'react';
import { ClusterHeader } from './cluster-header';
import { ProblemsBanner } from './problems-banner';
import { SideNav } from './side-nav';

function HeaderFallback() {
  return <div aria-hidden="true" className="h-[45px] border-b border-line bg-surface" />;
}

const kbd = (c: ReactNode) => <kbd className="rounded border border-line px-1 font-mono">{c}</kbd>;

/** Below `lg` (1024 px) the sidebar narrows to icons, so a 768 px window keeps its width for the page. */
export async function AppShell({ children }: { children: ReactNode }) {
  const t = await getTranslations('shell');
  return (
    <div className="grid h-full grid-cols-[52px_minmax(0,1fr)] lg:grid-cols-[176px_minmax(0,1fr)]">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-surface focus:px-3 focus:py-1.5">
        {t('skipToContent')}
      </a>
      <aside className="flex min-w-0 flex-col border-r border-line bg-surface">
        <Link href="/pods" title={t('home')} className="flex h-[45px] items-center justify-center gap-2 border-b border-line px-3 font-semibold tracking-tight lg:justify-start">
          <svg aria-hidden="true" viewBox="0 0 16 16" className="h-5 w-5 shrink-0 text-accent" fill="none" stroke="currentColor" strokeWidth="1.4">
            <path d="M8 1.2 14 4.6v6.8L8 14.8 2 11.4V4.6L8 1.2Z" />
            <circle cx="8" cy="8" r="2.2" />
          </svg>
          <span translate="no" className="sr-only lg:not-sr-only">
            Kube Lua <span className="text-muted">Studio</span>
          </span>
        </Link>
        <Suspense fallback={null}>
          <SideNav />
        </Suspense>
        <p className="mt-auto hidden border-t border-line px-3 py-2 text-[11px] leading-5 text-muted lg:block">{t.rich('shortcuts', { k: kbd })}</p>
      </aside>
      <div className="flex min-h-0 min-w-0 flex-col">
        <Suspense fallback={<HeaderFallback />}>
          <ClusterHeader />
        </Suspense>
        <ProblemsBanner />
        <main id="main" className="min-h-0 flex-1 overflow-auto px-5 py-4">
          {children}
        </main>
      </div>
    </div>
  );
}
