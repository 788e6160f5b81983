'use client';
// A refused stale save: the store's message, what changed in the store, and the user's text kept.
import { DiffView } from '@/components/playground/diff-view';
import { lineDiff } from '@/lib/playground/routing';
import type { PluginRecord } from '@/lib/plugins/types';

export function SaveConflict({ message, mine, latest, onOverwrite }: { message: string; mine: string; latest: PluginRecord | null; onOverwrite?: () => void }) {
  return (
    <div role="alert" className="flex flex-col gap-1.5 rounded border border-danger/50 bg-danger-soft px-3 py-2">
      <p className="font-semibold text-danger">Not saved: the plugin changed since you opened it</p>
      <p className="whitespace-pre-wrap">{message}</p>
      <p className="text-[12px] text-muted">Your text is kept in the editor. {latest ? 'Below: the stored version compared with your text.' : 'The plugin is no longer in the store.'}</p>
      {latest ? (
        <>
          <DiffView lines={lineDiff(latest.source, mine)} label="Stored version compared with your text" />
          {onOverwrite ? (
            <div>
              <button type="button" onClick={onOverwrite} className="rounded border border-line-strong bg-surface px-2 py-0.5 text-[12px] hover:bg-raised">
                Keep my text and base it on the stored version
              </button>
              <span className="ml-2 text-[12px] text-muted">then Save again to replace it</span>
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
