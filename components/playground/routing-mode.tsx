'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { LuaEditor, type EditorDiagnostic } from '@/components/editor/lua-editor';
import { SaveScriptButton } from '@/components/rollouts/actions';
import { testdataScript } from '@/lib/playground/deep-link';
import { luaFileName, routingTestdataYaml } from '@/lib/playground/exports';
import type { InputProblem } from '@/lib/playground/input';
import { stepViews, testSummary } from '@/lib/playground/routing';
import type { RoutingState } from '@/lib/playground/state';
import { ROUTING_TEMPLATES } from '@/lib/playground/templates';
import { useLuaRun } from '@/lib/runner/use-lua-run';
import { useMsg } from '@/components/use-msg';
import { warningItems } from '@/lib/i18n/warnings';
import { ConsolePanel } from './console-panel';
import { downloadText } from './download';
import { MenuButton } from './menu-button';
import { RoutingInput, useRoutingInput } from './routing-input';
import { previewTimeout, RunError } from './run-error';
import { RunStatus } from './run-status';
import { StepCard } from './step-card';
import { syntaxError } from './syntax';
import { useLastGood } from './use-last-good';

export function RoutingMode({ state, update, share }: { state: RoutingState; update: (fn: (r: RoutingState) => RoutingState) => void; share: ReactNode }) {
  const t = useTranslations('playground.routing');
  const m = useMsg();
  const tr = useTranslations('playground.run');
  const [uploadProblem, setUploadProblem] = useState<InputProblem | null>(null);
  const input = useRoutingInput(state, uploadProblem);
  const syntax = useMemo(() => syntaxError(state.script, 'kruise'), [state.script]);

  // Load the controller's script for the picked gateway, unless the user has edited the one shown.
  const resolved = input.resolved;
  useEffect(() => {
    if (!resolved || resolved.source === 'none' || resolved.script === undefined) return;
    if (resolved.key === state.scriptKey || !state.scriptPristine) return;
    update((r) => ({ ...r, script: resolved.script ?? '', scriptKey: resolved.key, scriptPristine: true }));
  }, [resolved, state.scriptKey, state.scriptPristine, update]);

  // An imported testdata file runs with the script upstream tests it with: the one for its original's kind.
  const [pendingImport, setPendingImport] = useState(false);
  const onImport = (text: string, name: string) => {
    update((r) => ({ ...r, source: 'testdata', testdata: text, testdataName: name, mode: 'test' }));
    setPendingImport(true);
  };
  useEffect(() => {
    if (!pendingImport || state.source !== 'testdata') return;
    if (input.problem) {
      setPendingImport(false);
      return;
    }
    if (!input.value) return;
    setPendingImport(false);
    const s = testdataScript(input.value.gateway);
    if (s) update((r) => ({ ...r, script: s.source, scriptKey: s.key, scriptPristine: true }));
  }, [pendingImport, state.source, input.value, input.problem, update]);

  const current = useMemo(() => {
    if (!input.value || syntax) return null;
    return { type: 'route' as const, input: { ...input.value, script: state.script, mode: state.mode, crdDefaults: state.source === 'text' && state.mode === 'controller' } };
  }, [input.value, syntax, state.script, state.mode, state.source]);
  const request = useLastGood(current);
  const expected = useLastGood(input.expected);
  const [timeoutMs, setTimeoutMs] = useState(previewTimeout({ stats: null, error: null }));
  const run = useLuaRun(request, { timeoutMs });
  const nextTimeout = previewTimeout(run);
  if (nextTimeout !== timeoutMs) setTimeoutMs(nextTimeout);
  const gateway = run.result && request ? request.input.gateway : null;

  const views = useMemo(() => (run.result ? stepViews(run.result, gateway, state.source === 'testdata' ? expected ?? [] : undefined) : []), [run.result, gateway, expected, state.source]);
  const summary = testSummary(views);
  const diagnostics = useMemo((): EditorDiagnostic[] => {
    if (run.stale) return [];
    const seen = new Set<number>();
    return views.flatMap((v) => (v.error && v.errorLine !== null && !seen.has(v.errorLine) && seen.add(v.errorLine) ? [{ severity: 'error' as const, message: t('stepError', { n: v.index, error: v.error }), line: v.errorLine, source: 'runtime' }] : []));
  }, [views, run.stale]);
  const prints = views.flatMap((v) => v.prints.map((text) => ({ from: t('stepFrom', { n: v.index }), text })));

  const staleReason = input.problem ? t('staleInput') : syntax ? t('staleSyntax', { line: syntax.line }) : run.error && run.error.kind !== 'superseded' ? t('staleFailed') : run.stale ? t('staleUpdating') : null;
  const stale = run.result !== null && staleReason !== null;

  const exportCase = () => {
    if (!run.result || !request) return;
    const { yaml } = routingTestdataYaml({ ...(request.input.rollout !== undefined ? { rollout: request.input.rollout } : { trafficRouting: request.input.trafficRouting }), original: request.input.gateway, results: run.result.steps.map((s) => s.result) });
    const name = (request.input.gateway as { metadata?: { name?: string } })?.metadata?.name ?? 'case';
    downloadText(`${name}-testdata.yaml`, yaml, 'application/yaml');
  };
  const scriptName = state.scriptKey ? state.scriptKey.split('/')[1] : 'trafficRouting';
  // "Save script" stores the script under the key of the gateway kind it runs against.
  const scriptRef = useMemo(() => {
    const g = (input.ref ?? input.value?.gateway) as { apiVersion?: unknown; kind?: unknown } | null | undefined;
    return g && typeof g.apiVersion === 'string' && typeof g.kind === 'string' ? { apiVersion: g.apiVersion, kind: g.kind } : null;
  }, [input.ref, input.value]);

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <p className="text-muted">{t.rich('intro', { code: (c) => <code className="font-mono">{c}</code> })}</p>
        <div className="ml-auto flex flex-wrap items-center gap-1.5">
          <fieldset className="flex items-center gap-2 rounded border border-line px-2 py-0.5 text-[12px]">
            <legend className="sr-only">{t('runAs')}</legend>
            {(['controller', 'test'] as const).map((m) => (
              <label key={m} className="flex items-center gap-1">
                <input type="radio" name="route-mode" checked={state.mode === m} onChange={() => update((r) => ({ ...r, mode: m }))} />
                {m === 'controller' ? t('controller') : t('test')}
              </label>
            ))}
          </fieldset>
          <MenuButton
            label={t('templates')}
            items={ROUTING_TEMPLATES.map((x) => ({ id: x.id, label: x.label, description: x.description, onSelect: () => update((r) => ({ ...r, script: x.source, scriptKey: x.id, scriptPristine: false })) }))}
          />
          <MenuButton
            label={t('export')}
            items={[
              { id: 'lua', label: t('exportLua', { file: luaFileName(scriptName) }), description: t('exportLuaHint'), onSelect: () => downloadText(luaFileName(scriptName), state.script, 'text/x-lua') },
              { id: 'testdata', label: t('exportCase'), description: t('exportCaseHint'), disabled: !run.result, onSelect: exportCase },
            ]}
          />
          {scriptRef ? <SaveScriptButton scriptRef={scriptRef} source={state.script} /> : null}
          {share}
        </div>
      </div>
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <div className="flex min-w-0 flex-col gap-3">
          <RoutingInput state={state} update={update} data={input} onUploadProblem={setUploadProblem} onImport={onImport} />
          <LuaEditor value={state.script} onChange={(script) => update((r) => ({ ...r, script, scriptPristine: false }))} dialect="kruise" diagnostics={diagnostics} onRun={run.runNow} height={420} />
        </div>
        <section aria-label={t('preview')} className="flex min-w-0 flex-col gap-2">
          <div className="flex flex-wrap items-center gap-3">
            <h2 className="text-[15px] font-semibold">{t('steps')}</h2>
            {state.source === 'testdata' && views.length ? (
              <span aria-label={t('testSummary')} className={`text-[12px] font-semibold ${summary.failed ? 'text-danger' : 'text-ok'}`}>
                {t('summary', { passed: summary.passed, failed: summary.failed })}
              </span>
            ) : null}
            <RunStatus label={t('statusLabel')} stats={run.stats} running={run.running} stale={stale} staleReason={staleReason} />
          </div>
          <RunError error={run.error} what={tr('what.routingScript')} />
          {run.result?.inputErrors.length ? (
            <div role="alert" className="rounded-md border border-danger/50 bg-danger-soft px-3 py-2 text-[12px]">
              {run.result.inputErrors.map((e) => (
                <p key={e.code}>{e.message}</p>
              ))}
            </div>
          ) : null}
          {run.result
            ? warningItems(run.result).map((w) => (
                <p key={w.text} className="text-[12px] text-warn">{w.msg ? m(w.msg) : w.text}</p>
              ))
            : null}
          {views.map((v) => (
            <StepCard key={v.index} step={v} stale={stale} />
          ))}
          {!run.result && !run.error ? (
            <p className="text-muted">{input.loading ? t('loadingRollout') : input.value ? tr('running') : state.source === 'cluster' ? t('chooseRollout') : t('pasteCase')}</p>
          ) : null}
          <ConsolePanel lines={prints} />
        </section>
      </div>
    </div>
  );
}
