'use client';
// The last saved versions of a plugin: view one, compare it with the editor's text, restore it.
import { useFormatter, useTranslations } from 'next-intl';
import { useErrorText } from '@/components/use-msg';
import { useState } from 'react';
import { restorePluginVersion } from '@/app/plugins/actions';
import { DiffView } from '@/components/playground/diff-view';
import { usePluginHistory } from '@/lib/plugins/hooks';
import { lineDiff, changedLines } from '@/lib/playground/routing';
import type { PluginHistoryEntry, PluginRecord } from '@/lib/plugins/types';
import { ConfirmDialog } from './dialog';
import { FailureText, unanswered, type Shown } from './failure-text';

export function PluginHistory({ name, current, baseVersion, dirty, onRestored }: {
  name: string;
  current: string;
  baseVersion: string;
  dirty: boolean;
  onRestored: (p: PluginRecord) => void;
}) {
  const t = useTranslations('plugins');
  const errorText = useErrorText();
  const format = useFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'medium' });
  const history = usePluginHistory(name);
  const [open, setOpen] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<PluginHistoryEntry | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Shown | null>(null);
  const entries = history.data ?? [];
  const shown = entries.find((e) => e.version === open) ?? null;

  const restore = async (e: PluginHistoryEntry) => {
    setBusy(true);
    setError(null);
    const r = await restorePluginVersion({ name, version: e.version, baseVersion }).catch(unanswered);
    setBusy(false);
    setConfirm(null);
    if (!r.ok) {
      setError(r);
      return;
    }
    setOpen(null);
    onRestored(r.plugin);
  };

  return (
    <section aria-label={t('history.title')} className="flex flex-col gap-1.5 rounded-md border border-line bg-surface px-3 py-2">
      <h2 className="font-semibold">{t('history.title')}</h2>
      {history.isLoading ? <p className="text-muted">{t('history.loading')}</p> : null}
      {history.error ? <p role="alert" className="text-danger">{errorText(history.error)}</p> : null}
      {!history.isLoading && !history.error && entries.length === 0 ? <p className="text-muted">{t('history.empty')}</p> : null}
      {entries.length ? (
        <ul aria-label={t('history.versions')} className="flex max-h-52 flex-col overflow-auto">
          {entries.map((e, i) => (
            <li key={e.version} className="flex flex-wrap items-center gap-2 border-b border-line py-1 last:border-b-0">
              <span className="font-mono text-[12px]" translate="no">v{e.version}</span>
              <span className="text-[12px] text-muted">{[when(e.savedAt), i === 0 ? t('history.latest') : null, e.name !== name ? t('history.as', { name: e.name }) : null, e.enabled ? null : t('history.disabled')].filter(Boolean).join(' · ')}</span>
              <button
                type="button"
                aria-expanded={open === e.version}
                aria-label={t('history.viewLabel', { version: e.version })}
                onClick={() => setOpen(open === e.version ? null : e.version)}
                className="ml-auto rounded border border-line-strong px-2 py-0.5 text-[12px] hover:bg-raised"
              >
                {open === e.version ? t('history.hide') : t('history.view')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {shown ? (
        <div className="flex flex-col gap-1.5">
          <div className="flex items-center gap-2">
            <h3 className="text-[13px] font-semibold">{t('history.compared', { version: shown.version })}</h3>
            <span className="text-[12px] text-muted">{t('history.changed', { count: changedLines(lineDiff(shown.source, current)) })}</span>
            <button
              type="button"
              disabled={busy || shown.version === baseVersion}
              onClick={() => (dirty ? setConfirm(shown) : void restore(shown))}
              className="ml-auto rounded border border-accent px-2 py-0.5 text-[12px] text-accent hover:bg-accent-soft disabled:opacity-50"
            >
              {t('history.restore')}
            </button>
          </div>
          <DiffView lines={lineDiff(shown.source, current)} label={t('history.diff', { version: shown.version })} />
        </div>
      ) : null}
      {error ? <p role="alert" className="whitespace-pre-wrap text-danger"><FailureText shown={error} /></p> : null}
      <ConfirmDialog
        open={confirm !== null}
        title={t('history.restoreTitle', { version: confirm?.version ?? '' })}
        confirmLabel={t('history.restore')}
        busy={busy}
        onConfirm={() => confirm && void restore(confirm)}
        onCancel={() => setConfirm(null)}
      >
        {t('history.restoreBody', { version: confirm?.version ?? '' })}
      </ConfirmDialog>
    </section>
  );
}
