'use client';
import { useTranslations } from 'next-intl';
import { kindByKey } from '@/lib/k8s/kinds';
import { useKubeList } from '@/lib/k8s/hooks';
import { useNamespace } from './use-namespace';

const ALL = '';

/** The namespace every list page shows; stored in `?ns=` by `useNamespace`. */
export function NamespaceFilter() {
  const t = useTranslations('shell.namespaceFilter');
  const [ns, setNs] = useNamespace();
  const list = useKubeList(kindByKey('namespaces')!.key);
  const names = list.items.map((n) => n.metadata.name).sort();
  // A namespace from a shared link may not exist (or not be listable) here; keep it selectable and visible.
  if (ns && !names.includes(ns)) names.unshift(ns);

  return (
    <div className="flex items-center gap-1.5">
      <label htmlFor="namespace-filter" className="text-muted">
        {t('label')}
      </label>
      <select
        id="namespace-filter"
        value={ns ?? ALL}
        onChange={(e) => setNs(e.target.value || undefined)}
        className="h-7 max-w-56 rounded border border-line bg-surface px-1.5 font-mono text-[12px]"
      >
        <option value={ALL}>{t('all')}</option>
        {names.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </div>
  );
}
