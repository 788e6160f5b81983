'use client';
import { useTranslations } from 'next-intl';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { EditorDiagnostic } from '@/components/editor/lua-editor';
import { deepflowCtlCommand, luaFileName } from '@/lib/playground/exports';
import type { InputProblem } from '@/lib/playground/input';
import type { TaggingState } from '@/lib/playground/state';
import { chainDiagnostics, podRow, summarize } from '@/lib/playground/tagging';
import { TAGGING_TEMPLATES } from '@/lib/playground/templates';
import { useLuaRun } from '@/lib/runner/use-lua-run';
import { EmptyState } from '@/components/list-states';
import { useMsg } from '@/components/use-msg';
import { warningItems } from '@/lib/i18n/warnings';
import { ConsolePanel } from './console-panel';
import { downloadText } from './download';
import { MenuButton } from './menu-button';
import { PluginChain } from './plugin-chain';
import { previewTimeout, RunError } from './run-error';
import { RunStatus } from './run-status';
import { syntaxError } from './syntax';
import { TaggingInput, useTaggingInput } from './tagging-input';
import { TaggingSummary, TaggingTable } from './tagging-table';
import { TextPanel } from './text-panel';
import { useLastGood } from './use-last-good';

// The shape of the command, verbatim (a command line is never translated).
const CTL_SHAPE = 'deepflow-ctl plugin create --type lua … --user server';

export function TaggingMode({ state, update, share }: { state: TaggingState; update: (fn: (t: TaggingState) => TaggingState) => void; share: ReactNode }) {
  const t = useTranslations('playground.tagging');
  const m = useMsg();
  const tr = useTranslations('playground.run');
  const [uploadProblem, setUploadProblem] = useState<InputProblem | null>(null);
  const [command, setCommand] = useState<{ name: string; text: string } | null>(null);
  const input = useTaggingInput(state, uploadProblem);
  const syntax = useMemo(() => state.plugins.map((p) => syntaxError(p.source, 'deepflow')), [state.plugins]);
  const firstSyntax = syntax.findIndex((s) => s !== null);

  const current = useMemo(() => {
    if (!input.value || firstSyntax >= 0) return null;
    return { type: 'tag' as const, input: { pods: input.value.pods, objects: input.value.objects, plugins: state.plugins.map((p) => ({ name: p.name, source: p.source })) } };
  }, [input.value, firstSyntax, state.plugins]);
  const request = useLastGood(current);
  const [timeoutMs, setTimeoutMs] = useState(previewTimeout({ stats: null, error: null }));
  const run = useLuaRun(request, { timeoutMs });
  const nextTimeout = previewTimeout(run);
  if (nextTimeout !== timeoutMs) setTimeoutMs(nextTimeout);

  const rows = useMemo(() => (run.result ? run.result.pods.map(podRow) : []), [run.result]);
  const diags = useMemo(() => chainDiagnostics(rows), [rows]);
  const diagnostics = useCallback(
    (i: number): EditorDiagnostic[] | undefined => (run.stale ? undefined : diags.filter((d) => d.plugin === i).map((d) => ({ severity: 'error', message: d.count > 1 ? t('diagnosticPods', { error: d.error, count: String(d.count) }) : d.error, line: d.line, source: 'runtime' }))),
    [diags, run.stale, t],
  );
  const prints = useMemo(() => (run.result ? run.result.pods.flatMap((p) => p.prints.map((text) => ({ from: `${p.namespace}/${p.name}`, text }))) : []), [run.result]);

  const staleReason = input.problem
    ? t('staleInput')
    : firstSyntax >= 0
      ? t('staleSyntax', { n: firstSyntax + 1, line: syntax[firstSyntax]!.line })
      : run.error && run.error.kind !== 'superseded'
        ? t('staleFailed')
        : run.stale
          ? t('staleUpdating')
          : null;
  const stale = run.result !== null && staleReason !== null;

  const applyTemplate = (source: string, id: string) =>
    update((t) => {
      const only = t.plugins.length === 1 && (t.plugins[0].source.trim() === '' || TAGGING_TEMPLATES.some((x) => x.source === t.plugins[0].source));
      return only ? { ...t, plugins: [{ name: id, source }] } : { ...t, plugins: [...t.plugins, { name: id, source }] };
    });

  const exportItems = state.plugins.flatMap((p, i) => [
    { id: `lua-${i}`, label: t('exportLua', { n: i + 1, file: luaFileName(p.name) }), description: t('exportLuaHint'), onSelect: () => downloadText(luaFileName(p.name), p.source, 'text/x-lua') },
    { id: `ctl-${i}`, label: t('exportCtl', { n: i + 1 }), description: CTL_SHAPE, onSelect: () => setCommand({ name: p.name, text: deepflowCtlCommand(p.name, p.source) }) },
  ]);

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <p className="text-muted">{t.rich('intro', { code: (c) => <code className="font-mono">{c}</code> })}</p>
        <div className="ml-auto flex flex-wrap gap-1.5">
          <MenuButton label={t('templates')} items={TAGGING_TEMPLATES.map((x) => ({ id: x.id, label: x.label, description: x.description, onSelect: () => applyTemplate(x.source, x.id) }))} />
          <MenuButton label={t('export')} items={exportItems} />
          {share}
        </div>
      </div>
      {command ? <TextPanel title={t('command')} text={command.text} rows={8} onClose={() => setCommand(null)} onDownload={() => downloadText(`${luaFileName(command.name).replace(/\.lua$/, '')}-install.sh`, command.text, 'text/x-shellscript')} /> : null}
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <div className="flex min-w-0 flex-col gap-3">
          <TaggingInput state={state} update={update} data={input} onUploadProblem={setUploadProblem} />
          <PluginChain plugins={state.plugins} onChange={(plugins) => update((t) => ({ ...t, plugins }))} diagnostics={diagnostics} onRun={run.runNow} />
        </div>
        <section aria-label={t('preview')} className="flex min-w-0 flex-col gap-2">
          <div className="flex flex-wrap items-center gap-3">
            <h2 className="text-[15px] font-semibold">{t('result')}</h2>
            <RunStatus label={t('statusLabel')} stats={run.stats} running={run.running} stale={stale} staleReason={staleReason} />
          </div>
          <RunError error={run.error} what={tr('what.pluginChain')} />
          {run.result ? (
            <>
              <TaggingSummary summary={summarize(rows)} />
              {run.result.warnings.length ? (
                <ul className="text-[12px] text-warn">
                  {warningItems(run.result).slice(0, 5).map((w) => (
                    <li key={w.text}>{w.msg ? m(w.msg) : w.text}</li>
                  ))}
                </ul>
              ) : null}
              {rows.length ? <TaggingTable rows={rows} stale={stale} /> : <EmptyState title={t('noPods')}>{state.source === 'cluster' && state.scope === 'unmatched' ? t('allOwned') : t('noInputPods')}</EmptyState>}
            </>
          ) : input.loading ? (
            <p className="text-muted">{t('waiting')}</p>
          ) : !run.error ? (
            <p className="text-muted">{input.problem || firstSyntax >= 0 ? t('fixFirst') : tr('running')}</p>
          ) : null}
          <ConsolePanel lines={prints} />
        </section>
      </div>
    </div>
  );
}
