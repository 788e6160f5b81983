'use client';
// The last saved versions of a plugin: view one, compare it with the editor's text, restore it.
import { useState } from 'react';
import { restorePluginVersion } from '@/app/plugins/actions';
import { DiffView } from '@/components/playground/diff-view';
import { usePluginHistory } from '@/lib/plugins/hooks';
import { lineDiff, changedLines } from '@/lib/playground/routing';
import type { PluginHistoryEntry, PluginRecord } from '@/lib/plugins/types';
import { ConfirmDialog } from './dialog';

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });

export function PluginHistory({ name, current, baseVersion, dirty, onRestored }: {
  name: string;
  current: string;
  baseVersion: string;
  dirty: boolean;
  onRestored: (p: PluginRecord) => void;
}) {
  const history = usePluginHistory(name);
  const [open, setOpen] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<PluginHistoryEntry | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const entries = history.data ?? [];
  const shown = entries.find((e) => e.version === open) ?? null;

  const restore = async (e: PluginHistoryEntry) => {
    setBusy(true);
    setError(null);
    const r = await restorePluginVersion({ name, version: e.version, baseVersion }).catch((x: unknown) => ({ ok: false as const, error: String(x) }));
    setBusy(false);
    setConfirm(null);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setOpen(null);
    onRestored(r.plugin);
  };

  return (
    <section aria-label="History" className="flex flex-col gap-1.5 rounded-md border border-line bg-surface px-3 py-2">
      <h2 className="font-semibold">History</h2>
      {history.isLoading ? <p className="text-muted">Loading the history…</p> : null}
      {history.error ? <p role="alert" className="text-danger">{history.error instanceof Error ? history.error.message : String(history.error)}</p> : null}
      {!history.isLoading && !history.error && entries.length === 0 ? <p className="text-muted">No earlier versions yet: each save keeps one (the last 20).</p> : null}
      {entries.length ? (
        <ul aria-label="Versions" className="flex max-h-52 flex-col overflow-auto">
          {entries.map((e, i) => (
            <li key={e.version} className="flex flex-wrap items-center gap-2 border-b border-line py-1 last:border-b-0">
              <span className="font-mono text-[12px]">v{e.version}</span>
              <span className="text-[12px] text-muted">{when(e.savedAt)}{i === 0 ? ' · latest' : ''}{e.name !== name ? ` · as ${e.name}` : ''}{e.enabled ? '' : ' · disabled'}</span>
              <button
                type="button"
                aria-expanded={open === e.version}
                aria-label={`View version ${e.version}`}
                onClick={() => setOpen(open === e.version ? null : e.version)}
                className="ml-auto rounded border border-line-strong px-2 py-0.5 text-[12px] hover:bg-raised"
              >
                {open === e.version ? 'Hide' : 'View'}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {shown ? (
        <div className="flex flex-col gap-1.5">
          <div className="flex items-center gap-2">
            <h3 className="text-[13px] font-semibold">Version {shown.version} compared with the editor&apos;s text</h3>
            <span className="text-[12px] text-muted">{changedLines(lineDiff(shown.source, current))} changed lines</span>
            <button
              type="button"
              disabled={busy || shown.version === baseVersion}
              onClick={() => (dirty ? setConfirm(shown) : void restore(shown))}
              className="ml-auto rounded border border-accent px-2 py-0.5 text-[12px] text-accent hover:bg-accent-soft disabled:opacity-50"
            >
              Restore
            </button>
          </div>
          <DiffView lines={lineDiff(shown.source, current)} label={`Version ${shown.version} diff`} />
        </div>
      ) : null}
      {error ? <p role="alert" className="whitespace-pre-wrap text-danger">{error}</p> : null}
      <ConfirmDialog
        open={confirm !== null}
        title={`Restore version ${confirm?.version ?? ''}?`}
        confirmLabel="Restore"
        busy={busy}
        onConfirm={() => confirm && void restore(confirm)}
        onCancel={() => setConfirm(null)}
      >
        The editor has unsaved changes; restoring replaces them with version {confirm?.version} and saves it as the newest version.
      </ConfirmDialog>
    </section>
  );
}
