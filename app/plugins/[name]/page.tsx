import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/page-header';
import { PluginEditor } from '@/components/plugins/plugin-editor';
import { parsePodsParam } from '@/lib/plugins/impact';

type Props = { params: Promise<{ name: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

export async function generateMetadata({ params }: Props) {
  const t = await getTranslations('plugins');
  return { title: t('editor.pageTitle', { name: decode((await params).name) }) };
}

export default async function PluginPage({ params, searchParams }: Props) {
  const name = decode((await params).name);
  const pods = one((await searchParams).pods);
  const t = await getTranslations('plugins');
  return (
    <>
      <PageHeader title={t('editor.pageTitle', { name })}>{t('editor.editIntro')}</PageHeader>
      {/* keyed: another plugin's page starts from its own text */}
      <PluginEditor key={name} mode="edit" name={name} pods={parsePodsParam(pods)} />
    </>
  );
}

function one(v: string | string[] | undefined) {
  return Array.isArray(v) ? v[0] : v;
}
