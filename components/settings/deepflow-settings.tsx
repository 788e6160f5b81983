'use client';
// Settings → DeepFlow: the agent's api_resources (as users write them in the agent config) and the
// DeepFlow release the studio emulates. Saved through a server action that parses the YAML with
// DeepFlow's rules; a refused text stays in the box while the saved configuration stays in force.
import { useTranslations } from 'next-intl';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { saveDeepflowSettings } from '@/app/settings/actions';
import { useErrorText, useMsg } from '@/components/use-msg';
import { DEFAULT_API_RESOURCES } from '@/lib/deepflow/api-resources';
import { DEEPFLOW_VERSIONS, deepflowBehaviour, type DeepflowVersion } from '@/lib/deepflow/versions';
import { invalidateDeepflowSettings, useDeepflowSettings } from '@/lib/plugins/hooks';
import { DEEPFLOW_SETTINGS_QUERY_KEY, type DeepflowSettings } from '@/lib/plugins/types';

const DEFAULTS_YAML = ['inputs:', '  resources:', '    kubernetes:', '      api_resources:', ...DEFAULT_API_RESOURCES.map((r) => `      - name: ${r.name}`)].join('\n');

type SaveResult = Awaited<ReturnType<typeof saveDeepflowSettings>>;

export function DeepflowSettingsForm() {
  const t = useTranslations('settings.deepflow');
  const say = useMsg();
  const errorText = useErrorText();
  const id = useId();
  const queryClient = useQueryClient();
  const { data, isPending, error } = useDeepflowSettings();
  const [text, setText] = useState<string | null>(null);
  const [version, setVersion] = useState<DeepflowVersion | null>(null);
  const [result, setResult] = useState<SaveResult | null>(null);

  // The form starts from the saved settings; after that the user's text is theirs until saved.
  useEffect(() => {
    if (data && text === null) setText(data.agentConfigYaml);
    if (data && version === null) setVersion(data.version);
  }, [data, text, version]);

  const save = useMutation({
    mutationFn: (input: { agentConfigYaml: string; version: DeepflowVersion; baseVersion: string }) => saveDeepflowSettings(input),
    onSuccess: async (r) => {
      setResult(r);
      if (!r.ok) return;
      queryClient.setQueryData<DeepflowSettings>(DEEPFLOW_SETTINGS_QUERY_KEY, r.settings);
      await invalidateDeepflowSettings(queryClient);
    },
    onError: (e: Error) => setResult({ ok: false, error: t('unreachable', { message: e.message }) }),
  });

  if (isPending) return <div role="status" className="skeleton h-40" aria-label={t('loading')} />;
  if (error || !data) return <p role="alert" className="text-danger">{t('loadError', { message: error ? errorText(error) : '' })}</p>;

  const yaml = text ?? data.agentConfigYaml;
  const chosen = version ?? data.version;
  const dirty = yaml !== data.agentConfigYaml || chosen !== data.version;
  const failed = result && !result.ok ? result : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    setResult(null);
    save.mutate({ agentConfigYaml: yaml, version: chosen, baseVersion: data!.settingsVersion });
  }

  return (
    <form aria-label={t('label')} onSubmit={submit} noValidate className="flex flex-col gap-3 rounded-md border border-line bg-surface px-4 py-3">
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-yaml`} className="font-medium">
          {t('yaml')}
        </label>
        <p id={`${id}-help`} className="text-muted">
          {t.rich('help', { code: (c) => <code className="font-mono">{c}</code> })}
        </p>
        <textarea
          id={`${id}-yaml`}
          value={yaml}
          onChange={(e) => setText(e.target.value)}
          placeholder={DEFAULTS_YAML}
          rows={12}
          spellCheck={false}
          aria-invalid={failed ? true : undefined}
          aria-describedby={`${id}-help${failed ? ` ${id}-error` : ''}`}
          className={`rounded border bg-surface px-2 py-1 font-mono text-[12px] placeholder:text-muted ${failed ? 'border-danger' : 'border-line'}`}
        />
        <details className="text-muted">
          <summary>{t('defaults')}</summary>
          <pre className="mt-1 font-mono text-[12px]">{DEFAULTS_YAML}</pre>
        </details>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-version`} className="font-medium">
          {t('version')}
        </label>
        <select id={`${id}-version`} value={chosen} onChange={(e) => setVersion(e.target.value as DeepflowVersion)} className="h-7 w-56 rounded border border-line bg-surface px-2">
          {[...DEEPFLOW_VERSIONS].reverse().map((v) => (
            <option key={v} value={v}>
              {deepflowBehaviour(v).label}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={save.isPending} className="h-7 rounded bg-accent px-3 font-medium text-accent-fg hover:opacity-90 disabled:opacity-60">
          {t('save')}
        </button>
        <span className="text-muted">{dirty ? t('dirty') : t('inForce', { version: deepflowBehaviour(data.version).label })}</span>
      </div>
      {failed ? (
        <p id={`${id}-error`} role="alert" className="text-danger">
          {failed.error}
        </p>
      ) : null}
      <p role="status" className="min-h-5 text-muted">
        {result?.ok ? (result.warnings.length ? t('savedWarnings', { warnings: result.warningMsgs.map(say).join(t('warningSeparator')) }) : t('saved')) : ''}
      </p>
    </form>
  );
}
