import { getTranslations } from 'next-intl/server';
import { PodsView } from '@/components/pods-view';

export async function generateMetadata() {
  const t = await getTranslations('pods');
  return { title: t('title') };
}

export default function PodsPage() {
  return <PodsView />;
}
