'use client';
// The live impact preview of the editor pages: the saved chain and the edited chain over every live
// pod, compared by lib/plugins/impact.ts. Nothing here decides anything; it renders the comparison.
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { useMsg } from '@/components/use-msg';
import { RunError } from '@/components/playground/run-error';
import { RunStatus } from '@/components/playground/run-status';
import { syntaxError } from '@/components/playground/syntax';
import { useLastGood } from '@/components/playground/use-last-good';
import { ClusterListState } from '@/components/playground/cluster-list-state';
import { ResourceTable } from '@/components/resource-table';
import { compareImpact, editedChain, savedChain, type ChainPlugin } from '@/lib/plugins/impact';
import type { PluginRecord } from '@/lib/plugins/types';
import { useImpactColumns } from './impact-columns';
import { useChainTags } from './use-chain-tags';
import type { LivePods } from './use-live-pods';

export function ImpactPreview({ plugins, edit, first, live }: {
  /** The store's plugins in execution order (null while loading). */
  plugins: readonly PluginRecord[] | null;
  edit: { name: string; source: string; previousName: string | null };
  /** Pod keys from `?pods=`, shown first. */
  first: readonly string[];
  live: LivePods;
}) {
  const t = useTranslations('plugins');
  const m = useMsg();
  const columns = useImpactColumns();
  const syntax = useMemo(() => syntaxError(edit.source, 'deepflow'), [edit.source]);
  const saved = useMemo(() => (plugins ? savedChain(plugins) : null), [plugins]);
  // by field: the caller passes a fresh object each render, and useLastGood needs a stable value
  const { name, source, previousName } = edit;
  const currentEdit = useMemo(
    () => (plugins && !syntax ? editedChain(plugins, { name: name || 'new-plugin', source, previousName }) : null),
    [plugins, syntax, name, source, previousName],
  );
  // While the text does not parse, the preview stays on the last edit that did (marked stale).
  const edited = useLastGood(currentEdit);
  const editedPlugins = useMemo<ChainPlugin[] | null>(() => edited?.chain ?? null, [edited]);

  const before = useChainTags(saved, live.value);
  const after = useChainTags(editedPlugins, live.value);

  const impact = useMemo(() => {
    if (!before.run.result || !after.run.result || !edited) return null;
    return compareImpact(before.run.result.pods, after.run.result.pods, { index: edited.index, source: edit.source, first });
  }, [before.run.result, after.run.result, edited, edit.source, first]);

  const staleReason = syntax
    ? t('impact.staleSyntax', { line: syntax.line })
    : after.run.error && after.run.error.kind !== 'superseded'
      ? t('impact.staleFailed')
      : after.run.stale || before.run.stale
        ? t('impact.updating')
        : null;
  const stale = impact !== null && staleReason !== null;
  const c = impact?.counts;

  return (
    <section aria-label={t('impact.title')} className="flex min-w-0 flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-[15px] font-semibold">{t('impact.title')}</h2>
        <RunStatus label={t('impact.title')} stats={after.run.stats} running={after.run.running || before.run.running} stale={stale} staleReason={staleReason} />
      </div>
      <p className="text-[12px] text-muted">
        {edited ? t('impact.introAt', { position: edited.index + 1, total: edited.chain.length, version: after.version }) : t('impact.intro', { version: after.version })}
      </p>
      {edited?.disabled ? <p className="text-[12px] text-warn">{t('impact.disabled')}</p> : null}
      {syntax ? (
        <p role="alert" className="rounded border border-danger/50 bg-danger-soft px-3 py-1.5 text-[12px]">
          {t('impact.syntax', { line: syntax.line, message: syntax.message })}
        </p>
      ) : null}
      <ClusterListState list={live.podsList} noun={t('impact.pods')} scope={t('impact.allNamespaces')} />
      <RunError error={after.run.error} what={t('impact.editedChain')} />
      <RunError error={before.run.error} what={t('impact.savedChain')} />
      {live.warnings.length ? (
        <ul className="text-[12px] text-warn">{live.warnings.map((w) => <li key={w}>{w}</li>)}</ul>
      ) : null}
      {impact && c ? (
        <div className={`flex flex-col gap-2 ${stale ? 'border-l-2 border-dashed border-line-strong pl-2' : ''}`}>
          <ul aria-label={t('impact.summary')} className="flex flex-wrap gap-x-4 gap-y-1 text-[13px]">
            {([
              ['pods', impact.pods],
              ['added', c.added],
              ['changed', c.changed],
              ['lost', c.lost],
              ['errors', c.errors],
              ['mappedByThis', c.mappedByThis],
            ] as const).map(([k, v]) => (
              <li key={k}>
                <span className="text-muted">{t(`impact.count.${k}`)}</span> <span className="font-semibold tabular-nums">{v}</span>
              </li>
            ))}
          </ul>
          {impact.warnings.length ? (
            <ul aria-label={t('impact.warnings')} className="flex flex-col gap-1">
              {impact.warnings.map((w) => (
                <li key={w.code} className="rounded border border-warn/50 bg-warn-soft px-2 py-1 text-[12px]">
                  {m(w.message)}
                  {w.pods ? <span className="text-muted"> {t('impact.warningPods', { count: w.pods })}</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
          {impact.rows.length ? (
            <ResourceTable label={t('impact.table')} columns={columns} rows={impact.rows} rowKey={(r) => r.key} />
          ) : (
            <p className="text-muted">{t('impact.noChange')}</p>
          )}
        </div>
      ) : !live.value ? (
        <p className="text-muted">{t('impact.waiting')}</p>
      ) : !after.run.error && !syntax ? (
        <p className="text-muted">{t('impact.running')}</p>
      ) : null}
    </section>
  );
}
