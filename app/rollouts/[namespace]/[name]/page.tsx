import { getTranslations } from 'next-intl/server';
import { RolloutDetail } from '@/components/rollouts/rollout-detail';

type Props = { params: Promise<{ namespace: string; name: string }> };

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

export async function generateMetadata({ params }: Props) {
  const p = await params;
  const t = await getTranslations('rollouts.detail');
  return { title: t('metaTitle', { namespace: decode(p.namespace), name: decode(p.name) }) };
}

export default async function RolloutPage({ params }: Props) {
  const p = await params;
  const namespace = decode(p.namespace);
  const name = decode(p.name);
  // keyed: another Rollout's page starts with its own edits and open panels
  return <RolloutDetail key={`${namespace}/${name}`} namespace={namespace} name={name} />;
}
