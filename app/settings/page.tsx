import { PageHeader } from '@/components/page-header';
import { SettingsView } from '@/components/settings/settings-view';

export const metadata = { title: 'Settings' };

export default function SettingsPage() {
  return (
    <>
      <PageHeader title="Settings">How the studio reaches the cluster, and which kinds it can list.</PageHeader>
      <SettingsView />
    </>
  );
}
