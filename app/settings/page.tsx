import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/page-header';
import { SettingsView } from '@/components/settings/settings-view';

export async function generateMetadata() {
  const t = await getTranslations('settings');
  return { title: t('title') };
}

export default async function SettingsPage() {
  const t = await getTranslations('settings');
  return (
    <>
      <PageHeader title={t('title')}>{t('intro')}</PageHeader>
      <SettingsView />
    </>
  );
}
