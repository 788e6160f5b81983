'use client';
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
        <p className="text-muted">
          Read-only cluster scripts with luakube&apos;s API (<code className="font-mono">require &quot;kube.api&quot;</code>): the studio&apos;s own module, not luakube. Writes raise &quot;read-only in the studio&quot;.
        </p>
        <div className="ml-auto flex gap-1.5">
          <MenuButton label="Templates" items={CLUSTER_TEMPLATES.map((t) => ({ id: t.id, label: t.label, description: t.description, onSelect: () => update(() => ({ source: t.source })) }))} />
          <MenuButton label="Export" items={[{ id: 'lua', label: 'Script as cluster-script.lua', description: 'Download the script', onSelect: () => downloadText(luaFileName('cluster-script'), state.source, 'text/x-lua') }]} />
          {share}
        </div>
      </div>
      <div className="grid gap-4 xl:grid-cols-2">
        <div className="flex min-w-0 flex-col gap-2">
          <LuaEditor value={state.source} onChange={(source) => update(() => ({ source }))} dialect="cluster" diagnostics={diagnostics} onRun={runNow} height={420} />
          <div className="flex items-center gap-2">
            <button type="button" onClick={runNow} className="rounded bg-accent px-3 py-1 font-medium text-accent-fg hover:opacity-90">
              Run
            </button>
            <span className="text-[12px] text-muted">Ctrl+Enter</span>
          </div>
        </div>
        <section aria-label="Cluster script result" className="flex min-w-0 flex-col gap-2">
          <div className="flex flex-wrap items-center gap-3">
            <h2 className="text-[15px] font-semibold">Result</h2>
            <RunStatus label="Cluster script" stats={run.stats} running={run.running} stale={!!out && (edited || run.stale)} staleReason={edited ? 'the script changed since this run' : null} />
          </div>
          <RunError error={run.error} what="cluster script" />
          {failure ? (
            <div role="alert" className="rounded-md border border-danger/50 bg-danger-soft px-3 py-2 text-[12px]">
              <p className="font-semibold text-danger">{line !== null ? `Error on line ${line}` : 'Error'}</p>
              <p className="font-mono">{failure.message}</p>
            </div>
          ) : null}
          {out && !failure ? (
            <>
              <div role="tablist" aria-label="Result view" className="flex gap-1 text-[12px]">
                {(['tree', 'json'] as const).map((v) => (
                  <button key={v} role="tab" type="button" aria-selected={view === v} onClick={() => setView(v)} className={`rounded px-2 py-0.5 ${view === v ? 'bg-accent-soft font-semibold' : 'hover:bg-raised'}`}>
                    {v === 'tree' ? 'Tree' : 'JSON'}
                  </button>
                ))}
              </div>
              <div className="max-h-[32rem] overflow-auto rounded-md border border-line bg-surface p-2">
                {out.returned.length === 0 ? (
                  <p className="text-muted">The script returned nothing.</p>
                ) : view === 'tree' ? (
                  <JsonTree value={returned} label="Returned value" rootName="returned" />
                ) : (
                  <pre aria-label="Returned JSON" className="font-mono text-[12px]">{JSON.stringify(returned, null, 2)}</pre>
                )}
              </div>
            </>
          ) : null}
          {!out && !run.error ? <p className="text-muted">{run.running ? 'Running…' : 'Press Run (or Ctrl+Enter) to run the script against the current context.'}</p> : null}
          <ConsolePanel lines={(out?.prints ?? []).map((text) => ({ text }))} />
        </section>
      </div>
    </div>
  );
}
