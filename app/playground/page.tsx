import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/page-header';
import { PlaygroundView } from '@/components/playground/playground-view';

export async function generateMetadata() {
  const t = await getTranslations('playground');
  return { title: t('title') };
}

export default async function PlaygroundPage() {
  const t = await getTranslations('playground');
  return (
    <>
      <PageHeader title={t('title')}>
        {t.rich('intro', {
          link: (c) => (
            <Link href="/playground/editor" className="underline">
              {c}
            </Link>
          ),
        })}
      </PageHeader>
      <PlaygroundView />
    </>
  );
}
