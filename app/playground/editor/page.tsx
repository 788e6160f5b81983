import { getTranslations } from 'next-intl/server';
import { LuaScratchpad } from '@/components/editor/lua-scratchpad';
import { PageHeader } from '@/components/page-header';

export async function generateMetadata() {
  const t = await getTranslations('editor.scratchpad');
  return { title: t('title') };
}

export default async function ScriptCheckPage() {
  const t = await getTranslations('editor.scratchpad');
  return (
    <>
      <PageHeader title={t('title')}>{t('intro')}</PageHeader>
      <LuaScratchpad />
    </>
  );
}
