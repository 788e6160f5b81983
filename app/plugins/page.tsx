import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/page-header';
import { PluginsView } from '@/components/plugins/plugins-view';

export async function generateMetadata() {
  const t = await getTranslations('plugins');
  return { title: t('list.title') };
}

export default async function PluginsPage() {
  const t = await getTranslations('plugins');
  return (
    <>
      <PageHeader title={t('list.title')}>{t('list.intro')}</PageHeader>
      <PluginsView />
    </>
  );
}
