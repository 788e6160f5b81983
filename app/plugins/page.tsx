import { ComingLater } from '@/components/coming-later';
import { PageHeader } from '@/components/page-header';

export const metadata = { title: 'Plugins' };

export default function PluginsPage() {
  return (
    <>
      <PageHeader title="Plugins">DeepFlow server-side Lua plugins that name the workload of pods DeepFlow cannot classify on its own.</PageHeader>
      <ComingLater
        title="DeepFlow plugin authoring"
        items={[
          'Write GetWorkloadTypeAndName plugins with the same runtime rules DeepFlow applies (dkjson, plugin order, first match).',
          'Run the plugin chain against the live pods of the current cluster and see which pods each plugin tags.',
          'The “unmatched pods” analysis on the Pods page: pods no built-in rule or plugin assigns to a workload.',
        ]}
      >
        This page will hold your DeepFlow tagging plugins and test them against real pod metadata.
      </ComingLater>
    </>
  );
}
