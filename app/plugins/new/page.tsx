import { PageHeader } from '@/components/page-header';
import { PluginEditor } from '@/components/plugins/plugin-editor';
import { pluginTemplateFor } from '@/lib/deepflow/plugin-templates';
import { parsePodsParam } from '@/lib/plugins/impact';
import { LABEL_PLUGIN } from '@/lib/playground/templates';

export const metadata = { title: 'New plugin' };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

// `?kind=<OwnerKind>&pods=<ns>/<name>,…` (the pods page's "Write a plugin"): a template for that owner
// kind, those pods first in the preview. `kind` present but empty means pods without an owner.
export default async function NewPluginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const q = await searchParams;
  const kind = one(q.kind);
  const pods = parsePodsParam(one(q.pods));
  const initial = kind !== undefined ? pluginTemplateFor(kind.trim() || null) : { name: 'workload-from-label', source: LABEL_PLUGIN };
  return (
    <>
      <PageHeader title="New plugin">
        {kind ? `A plugin for pods owned by a ${kind}` : kind === '' ? 'A plugin for pods without an owner' : 'A DeepFlow tagging plugin'}: its impact on every live pod shows beside the editor before you save.
      </PageHeader>
      <PluginEditor mode="new" initial={initial} pods={pods} />
    </>
  );
}
