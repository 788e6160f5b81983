'use client';
import { useTranslations } from 'next-intl';
import { useMemo, useState, type ReactNode } from 'react';
import { LuaEditor, type EditorDiagnostic } from '@/components/editor/lua-editor';
import { errorLine } from '@/lib/playground/diagnostics';
import { luaFileName } from '@/lib/playground/exports';
import type { ClusterState } from '@/lib/playground/state';
import { CLUSTER_TEMPLATES } from '@/lib/playground/templates';
import { useLuaRun } from '@/lib/runner/use-lua-run';
import { ConsolePanel } from './console-panel';
import { downloadText } from './download';
import { JsonTree } from './json-tree';
import { MenuButton } from './menu-button';
import { RunError } from './run-error';
import { RunStatus } from './run-status';

/** Cluster scripts run on Run (or Ctrl+Enter) only: they read the cluster, so not on every keystroke. */
export function ClusterMode({ state, update, share }: { state: ClusterState; update: (fn: (c: ClusterState) => ClusterState) => void; share: ReactNode }) {
  const t = useTranslations('playground.cluster');
  const tr = useTranslations('playground.run');
  const [submitted, setSubmitted] = useState<string | null>(null);
  const [view, setView] = useState<'tree' | 'json'>('tree');
  const request = useMemo(() => (submitted === null ? null : { type: 'cluster' as const, input: { source: submitted } }), [submitted]);
  const run = useLuaRun(request, { debounceMs: 0 });
  const runNow = () => {
    if (submitted === state.source) run.runNow();
    else setSubmitted(state.source);
  };
  const out = run.result;
  const failure = out?.error ?? null;
  const line = failure ? (failure as { line?: number }).line ?? errorLine(failure.message) : null;
  const diagnostics = useMemo((): EditorDiagnostic[] => (failure && submitted === state.source ? [{ severity: 'error', message: failure.message, line: line ?? 1, source: 'runtime' }] : []), [failure, line, submitted, state.source]);
  const returned = out ? (out.returned.length === 1 ? out.returned[0] : out.returned) : null;
  const edited = submitted !== null && submitted !== state.source;

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <p className="text-muted">{t.rich('intro', { code: (c) => <code className="font-mono">{c}</code> })}</p>
        <div className="ml-auto flex flex-wrap gap-1.5">
          <MenuButton label={t('templates')} items={CLUSTER_TEMPLATES.map((x) => ({ id: x.id, label: x.label, description: x.description, onSelect: () => update(() => ({ source: x.source })) }))} />
          <MenuButton label={t('export')} items={[{ id: 'lua', label: t('exportLua'), description: t('exportLuaHint'), onSelect: () => downloadText(luaFileName('cluster-script'), state.source, 'text/x-lua') }]} />
          {share}
        </div>
      </div>
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <div className="flex min-w-0 flex-col gap-2">
          <LuaEditor value={state.source} onChange={(source) => update(() => ({ source }))} dialect="cluster" diagnostics={diagnostics} onRun={runNow} height={420} />
          <div className="flex items-center gap-2">
            <button type="button" onClick={runNow} className="rounded bg-accent px-3 py-1 font-medium text-accent-fg hover:opacity-90 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent">
              {t('run')}
            </button>
            <kbd className="text-[12px] text-muted">Ctrl+Enter</kbd>
          </div>
        </div>
        <section aria-label={t('resultRegion')} className="flex min-w-0 flex-col gap-2">
          <div className="flex flex-wrap items-center gap-3">
            <h2 className="text-[15px] font-semibold">{t('result')}</h2>
            <RunStatus label={t('statusLabel')} stats={run.stats} running={run.running} stale={!!out && (edited || run.stale)} staleReason={edited ? t('edited') : null} />
          </div>
          <RunError error={run.error} what={tr('what.clusterScript')} />
          {failure ? (
            <div role="alert" className="rounded-md border border-danger/50 bg-danger-soft px-3 py-2 text-[12px]">
              <p className="font-semibold text-danger">{line !== null ? t('errorOnLine', { line }) : t('error')}</p>
              <p className="text-muted">{t('errorExplained')}</p>
              {/* gopher-lua's words, verbatim in every language. */}
              <p className="font-mono" translate="no">{failure.message}</p>
            </div>
          ) : null}
          {out && !failure ? (
            <>
              <div role="tablist" aria-label={t('resultView')} className="flex gap-1 text-[12px]">
                {(['tree', 'json'] as const).map((v) => (
                  <button key={v} role="tab" type="button" aria-selected={view === v} onClick={() => setView(v)} className={`rounded px-2 py-0.5 ${view === v ? 'bg-accent-soft font-semibold' : 'hover:bg-raised'}`}>
                    {v === 'tree' ? t('tree') : t('json')}
                  </button>
                ))}
              </div>
              <div className="max-h-[32rem] overflow-auto rounded-md border border-line bg-surface p-2">
                {out.returned.length === 0 ? (
                  <p className="text-muted">{t('nothingReturned')}</p>
                ) : view === 'tree' ? (
                  <JsonTree value={returned} label={t('returnedValue')} rootName="returned" />
                ) : (
                  <pre aria-label={t('returnedJson')} className="font-mono text-[12px]">{JSON.stringify(returned, null, 2)}</pre>
                )}
              </div>
            </>
          ) : null}
          {!out && !run.error ? <p className="text-muted">{run.running ? tr('running') : t('press')}</p> : null}
          <ConsolePanel lines={(out?.prints ?? []).map((text) => ({ text }))} />
        </section>
      </div>
    </div>
  );
}
