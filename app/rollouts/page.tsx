import { getTranslations } from 'next-intl/server';
import { RolloutsView } from '@/components/rollouts-view';

export async function generateMetadata() {
  const t = await getTranslations('rollouts.list');
  return { title: t('title') };
}

export default function RolloutsPage() {
  return <RolloutsView />;
}
