import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SignInForm } from '@/components/auth/sign-in-form';
import { LocaleSwitch } from '@/components/locale-switch';
import { authMode } from '@/lib/auth/config';
import { safeNext } from '@/lib/auth/gate';
import { SIGN_IN_REASONS } from '@/lib/auth/session-types';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('signIn');
  return { title: t('metaTitle') };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations('signIn');
  const root = await getTranslations();
  const params = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const reason = one(params.reason);
  const notice = reason && reason in SIGN_IN_REASONS ? root(SIGN_IN_REASONS[reason as keyof typeof SIGN_IN_REASONS]) : null;
  const mode = authMode();
  return (
    <main id="main" className="mx-auto mt-16 w-full max-w-md px-5">
      <div className="flex justify-end">
        <LocaleSwitch />
      </div>
      <h1 className="text-lg font-semibold">{t('heading')}</h1>
      {notice ? (
        <p role="status" className="mt-3 rounded border border-line bg-surface px-3 py-2">
          {notice}
        </p>
      ) : null}
      {mode === 'token' ? (
        <>
          <p className="mt-2 text-muted">{t('intro')}</p>
          <SignInForm next={safeNext(one(params.next))} />
        </>
      ) : (
        <p className="mt-3 text-muted">
          {mode === 'proxy' ? t('proxy') : t('none')}{' '}
          <a className="text-accent underline" href="/">
            {t('open')}
          </a>
        </p>
      )}
    </main>
  );
}
