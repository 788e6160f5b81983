import { PageHeader } from '@/components/page-header';
import { PluginsView } from '@/components/plugins/plugins-view';

export const metadata = { title: 'Plugins' };

export default function PluginsPage() {
  return (
    <>
      <PageHeader title="Plugins">DeepFlow server-side Lua plugins that name the workload of pods DeepFlow cannot classify on its own, in the order DeepFlow runs them.</PageHeader>
      <PluginsView />
    </>
  );
}
