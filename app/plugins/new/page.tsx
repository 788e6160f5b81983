import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/page-header';
import { PluginEditor } from '@/components/plugins/plugin-editor';
import { pluginTemplateFor } from '@/lib/deepflow/plugin-templates';
import { parsePodsParam } from '@/lib/plugins/impact';
import { LABEL_PLUGIN } from '@/lib/playground/templates';

export async function generateMetadata() {
  const t = await getTranslations('plugins');
  return { title: t('editor.newTitle') };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

// `?kind=<OwnerKind>&pods=<ns>/<name>,…` (the pods page's "Write a plugin"): a template for that owner
// kind, those pods first in the preview. `kind` present but empty means pods without an owner.
export default async function NewPluginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const q = await searchParams;
  const kind = one(q.kind);
  const pods = parsePodsParam(one(q.pods));
  const t = await getTranslations('plugins');
  const initial = kind !== undefined ? pluginTemplateFor(kind.trim() || null) : { name: 'workload-from-label', source: LABEL_PLUGIN };
  return (
    <>
      <PageHeader title={t('editor.newTitle')}>
        {kind === '' ? t('editor.newIntroNoOwner') : t.rich('editor.newIntro', { kind: kind ?? 'none', code: (c) => <code>{c}</code> })}
      </PageHeader>
      <PluginEditor mode="new" initial={initial} pods={pods} />
    </>
  );
}
