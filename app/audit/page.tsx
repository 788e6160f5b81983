import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/page-header';
import { AuditView } from '@/components/audit/audit-view';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('audit');
  return { title: t('metaTitle') };
}

export default async function AuditPage() {
  const t = await getTranslations('audit');
  return (
    <>
      <PageHeader title={t('title')}>{t('description')}</PageHeader>
      <AuditView />
    </>
  );
}
