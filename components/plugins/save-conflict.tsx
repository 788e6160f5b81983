'use client';
// A refused stale save: the store's message, what changed in the store, and the user's text kept.
import { useTranslations } from 'next-intl';
import { DiffView } from '@/components/playground/diff-view';
import { lineDiff } from '@/lib/playground/routing';
import type { PluginRecord } from '@/lib/plugins/types';
import { FailureText, type Shown } from './failure-text';

export function SaveConflict({ message, mine, latest, onOverwrite }: { message: Shown; mine: string; latest: PluginRecord | null; onOverwrite?: () => void }) {
  const t = useTranslations('plugins');
  return (
    <div role="alert" className="flex flex-col gap-1.5 rounded border border-danger/50 bg-danger-soft px-3 py-2">
      <p className="font-semibold text-danger">{t('conflict.title')}</p>
      <p className="whitespace-pre-wrap"><FailureText shown={message} /></p>
      <p className="text-[12px] text-muted">{t('conflict.kept')} {latest ? t('conflict.below') : t('conflict.gone')}</p>
      {latest ? (
        <>
          <DiffView lines={lineDiff(latest.source, mine)} label={t('conflict.diff')} />
          {onOverwrite ? (
            <div>
              <button type="button" onClick={onOverwrite} className="rounded border border-line-strong bg-surface px-2 py-0.5 text-[12px] hover:bg-raised">
                {t('conflict.overwrite')}
              </button>
              <span className="ml-2 text-[12px] text-muted">{t('conflict.thenSave')}</span>
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
