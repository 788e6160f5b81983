'use client';
import { useTranslations } from 'next-intl';
import { useClusterInfo } from '@/lib/k8s/hooks';
import { useMsg } from './use-msg';
import { useSwitchContext } from './use-switch-context';

export function ContextSwitcher() {
  const t = useTranslations('shell.contextSwitcher');
  const tc = useTranslations('common');
  const info = useClusterInfo();
  const sw = useSwitchContext();
  const contexts = info.data?.contexts ?? [];
  const current = info.data?.current ?? '';
  const m = useMsg();
  const failure = sw.data && !sw.data.ok ? (sw.data.errorMsg ? m(sw.data.errorMsg) : sw.data.error) : sw.error ? sw.error.message : undefined;

  return (
    <div className="flex items-center gap-1.5">
      <label htmlFor="context-switcher" className="text-muted">
        {t('label')}
      </label>
      <select
        id="context-switcher"
        value={current}
        disabled={contexts.length === 0 || sw.isPending}
        aria-describedby={failure ? 'context-switch-error' : undefined}
        onChange={(e) => sw.mutate(e.target.value)}
        className="h-7 max-w-56 rounded border border-line bg-surface px-1.5 font-mono text-[12px] disabled:opacity-60"
      >
        {contexts.length === 0 ? <option value="">{info.isPending ? tc('loading') : t('noContexts')}</option> : null}
        {current && !contexts.some((c) => c.name === current) ? <option value={current}>{current}</option> : null}
        {contexts.map((c) => (
          <option key={c.name} value={c.name}>
            {c.name}
          </option>
        ))}
      </select>
      {sw.isPending ? (
        <span role="status" className="text-muted">
          {t('switching')}
        </span>
      ) : null}
      {failure ? (
        <span id="context-switch-error" role="alert" className="text-danger">
          {failure}
        </span>
      ) : null}
    </div>
  );
}
