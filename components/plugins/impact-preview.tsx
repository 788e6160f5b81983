'use client';
// The live impact preview of the editor pages: the saved chain and the edited chain over every live
// pod, compared by lib/plugins/impact.ts. Nothing here decides anything; it renders the comparison.
import { useMemo } from 'react';
import { RunError } from '@/components/playground/run-error';
import { RunStatus } from '@/components/playground/run-status';
import { syntaxError } from '@/components/playground/syntax';
import { useLastGood } from '@/components/playground/use-last-good';
import { ClusterListState } from '@/components/playground/cluster-list-state';
import { ResourceTable } from '@/components/resource-table';
import { compareImpact, editedChain, savedChain, type ChainPlugin } from '@/lib/plugins/impact';
import type { PluginRecord } from '@/lib/plugins/types';
import { IMPACT_COLUMNS } from './impact-columns';
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
    ? `the plugin has a syntax error on line ${syntax.line}: the preview waits for text that parses`
    : after.run.error && after.run.error.kind !== 'superseded'
      ? 'the last run of the edited chain failed'
      : after.run.stale || before.run.stale
        ? 'updating…'
        : null;
  const stale = impact !== null && staleReason !== null;
  const c = impact?.counts;

  return (
    <section aria-label="Impact preview" className="flex min-w-0 flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-[15px] font-semibold">Impact preview</h2>
        <RunStatus label="Impact preview" stats={after.run.stats} running={after.run.running || before.run.running} stale={stale} staleReason={staleReason} />
      </div>
      <p className="text-[12px] text-muted">
        The saved chain and the chain with this edit{edited ? ` (this plugin at position ${edited.index + 1} of ${edited.chain.length})` : ''} run over every live pod in the browser, emulating DeepFlow {after.version}; nothing is saved until you press Save.
      </p>
      {edited?.disabled ? <p className="text-[12px] text-warn">This plugin is disabled: the preview shows what it would do once enabled.</p> : null}
      {syntax ? (
        <p role="alert" className="rounded border border-danger/50 bg-danger-soft px-3 py-1.5 text-[12px]">
          Syntax error on line {syntax.line}: {syntax.message}. DeepFlow would fail to load this plugin; the server refuses to save it.
        </p>
      ) : null}
      <ClusterListState list={live.podsList} noun="pods" scope="all namespaces" />
      <RunError error={after.run.error} what="edited plugin chain" />
      <RunError error={before.run.error} what="saved plugin chain" />
      {live.warnings.length ? (
        <ul className="text-[12px] text-warn">{live.warnings.map((w) => <li key={w}>{w}</li>)}</ul>
      ) : null}
      {impact && c ? (
        <div className={`flex flex-col gap-2 ${stale ? 'opacity-60' : ''}`}>
          <ul aria-label="Impact summary" className="flex flex-wrap gap-x-4 gap-y-1 text-[13px]">
            {([
              ['Pods', impact.pods],
              ['Added', c.added],
              ['Changed', c.changed],
              ['Lost', c.lost],
              ['Errors', c.errors],
              ['Mapped by this plugin', c.mappedByThis],
            ] as const).map(([k, v]) => (
              <li key={k}>
                <span className="text-muted">{k}</span> <span className="font-semibold tabular-nums">{v}</span>
              </li>
            ))}
          </ul>
          {impact.warnings.length ? (
            <ul aria-label="Impact warnings" className="flex flex-col gap-1">
              {impact.warnings.map((w) => (
                <li key={w.code} className="rounded border border-warn/50 bg-warn-soft px-2 py-1 text-[12px]">
                  {w.text}
                  {w.pods ? <span className="text-muted"> ({w.pods} {w.pods === 1 ? 'pod' : 'pods'})</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
          {impact.rows.length ? (
            <ResourceTable label="Impact" columns={IMPACT_COLUMNS} rows={impact.rows} rowKey={(r) => r.key} />
          ) : (
            <p className="text-muted">No pod changes workload: the edited chain gives every pod the workload the saved chain gives it.</p>
          )}
        </div>
      ) : !live.value ? (
        <p className="text-muted">Waiting for the cluster&apos;s pods…</p>
      ) : !after.run.error && !syntax ? (
        <p className="text-muted">Running…</p>
      ) : null}
    </section>
  );
}
