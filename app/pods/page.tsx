import { PodsView } from '@/components/pods-view';

export const metadata = { title: 'Pods' };

export default function PodsPage() {
  return <PodsView />;
}
