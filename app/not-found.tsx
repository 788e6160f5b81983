import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common.notFound');
  return { title: t('metaTitle') };
}

export default async function NotFound() {
  const t = await getTranslations('common.notFound');
  return (
    <div className="max-w-xl">
      <h1 className="text-lg font-semibold">{t('heading')}</h1>
      <p className="mt-1 text-muted">{t('body')}</p>
      <Link href="/pods" className="mt-3 inline-block font-medium text-accent underline underline-offset-2">
        {t('goToPods')}
      </Link>
    </div>
  );
}
