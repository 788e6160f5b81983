import { RolloutsView } from '@/components/rollouts-view';

export const metadata = { title: 'Rollouts' };

export default function RolloutsPage() {
  return <RolloutsView />;
}
