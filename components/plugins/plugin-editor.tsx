'use client';
// /plugins/new and /plugins/<name>: name, source, Save (and Delete), history, export, and beside it
// the live impact preview. The user's text is never reset by a refetch or a refused save.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { LuaEditor } from '@/components/editor/lua-editor';
import { SkeletonTable, StateNotice } from '@/components/list-states';
import { MenuButton } from '@/components/playground/menu-button';
import { deletePlugin, savePlugin } from '@/app/plugins/actions';
import { invalidatePlugins, usePluginList } from '@/lib/plugins/hooks';
import type { PluginRecord } from '@/lib/plugins/types';
import { TAGGING_TEMPLATES } from '@/lib/playground/templates';
import { ConfirmDialog } from './dialog';
import { ImpactPreview } from './impact-preview';
import { nameProblem } from './name-problem';
import { PluginExport } from './plugin-export';
import { PluginHistory } from './plugin-history';
import { applySaved, forgetPlugin, pluginHref } from './plugin-cache';
import { ReadOnlyNotice } from '@/components/read-only';
import { SaveConflict } from './save-conflict';
import { useLivePods } from './use-live-pods';
import { useUnsavedGuard } from './use-unsaved-guard';

const WARNINGS_KEY = 'kls:plugin-save-warnings';

export type PluginEditorProps =
  | { mode: 'new'; initial: { name: string; source: string }; pods: string[] }
  | { mode: 'edit'; name: string; pods: string[] };

export function PluginEditor(props: PluginEditorProps) {
  const list = usePluginList();
  if (props.mode === 'new') return <EditorForm record={null} initial={props.initial} pods={props.pods} />;
  if (list.isLoading) return <SkeletonTable label="Loading the plugin…" rows={4} cols={2} />;
  if (list.error || !list.data) {
    return (
      <StateNotice tone="danger" title="Cannot read the plugin store">
        <span className="whitespace-pre-wrap">{list.error instanceof Error ? list.error.message : String(list.error ?? 'no answer')}</span>
      </StateNotice>
    );
  }
  const record = list.data.plugins.find((p) => p.name === props.name) ?? null;
  if (!record) {
    return (
      <StateNotice tone="warn" title={`No plugin named ${props.name}`}>
        It may have been renamed or deleted. <Link href="/plugins" className="text-accent underline">Back to the plugins</Link> or{' '}
        <Link href="/plugins/new" className="text-accent underline">create a new plugin</Link>.
      </StateNotice>
    );
  }
  // keyed by name: a rename remounts on the new URL; a refetch of the same plugin keeps the text
  return <EditorForm key={record.name} record={record} initial={record} pods={props.pods} />;
}

function EditorForm({ record, initial, pods }: { record: PluginRecord | null; initial: { name: string; source: string }; pods: string[] }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const list = usePluginList();
  const live = useLivePods();
  const nameId = useId();
  const [name, setName] = useState(initial.name);
  const [source, setSource] = useState(initial.source);
  /** What the store holds as far as this page knows: the base of the next save. */
  const [saved, setSaved] = useState<{ name: string; source: string; version: string } | null>(record ? { name: record.name, source: record.source, version: record.version } : null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  const plugins = list.data?.plugins ?? null;
  const taken = useMemo(() => (plugins ?? []).map((p) => p.name).filter((n) => n !== saved?.name), [plugins, saved?.name]);
  const problem = nameProblem(name, taken);
  const dirty = saved === null || name !== saved.name || source !== saved.source;
  const latest = saved ? (plugins?.find((p) => p.name === saved.name) ?? null) : null;
  useUnsavedGuard(dirty && !busy);

  useEffect(() => {
    // Warnings of the save that created or renamed this plugin, carried over the navigation.
    const raw = sessionStorage.getItem(WARNINGS_KEY);
    if (!raw) return;
    sessionStorage.removeItem(WARNINGS_KEY);
    const w = JSON.parse(raw) as { name: string; warnings: string[] };
    if (w.name === initial.name) setWarnings(w.warnings);
  }, [initial.name]);

  const save = async () => {
    if (busy) return;
    if (problem) {
      setError(`Not saved: ${problem}`);
      return;
    }
    setBusy(true);
    setError(null);
    const r = await savePlugin({ name, source, baseVersion: saved?.version ?? null, ...(saved && saved.name !== name ? { previousName: saved.name } : {}) }).catch((e: unknown) => ({
      ok: false as const,
      error: `The studio did not answer: ${e instanceof Error ? e.message : String(e)}`,
    }));
    setBusy(false);
    if (!r.ok) {
      if ('conflict' in r && r.conflict) {
        setConflict(r.error);
        void invalidatePlugins(queryClient);
      } else setError(r.error);
      return;
    }
    setConflict(null);
    setWarnings(r.warnings);
    const previous = saved?.name ?? null;
    setSaved({ name: r.plugin.name, source: r.plugin.source, version: r.plugin.version });
    applySaved(queryClient, r.plugin, previous);
    if (previous !== r.plugin.name) {
      if (r.warnings.length) sessionStorage.setItem(WARNINGS_KEY, JSON.stringify({ name: r.plugin.name, warnings: r.warnings }));
      router.push(pluginHref(r.plugin.name));
    }
  };

  const remove = async () => {
    if (!saved) return;
    setBusy(true);
    setDeleteError(null);
    const r = await deletePlugin({ name: saved.name, baseVersion: saved.version }).catch((e: unknown) => ({ ok: false as const, error: String(e) }));
    setBusy(false);
    if (!r.ok) {
      setDeleteError(r.error);
      return;
    }
    setSaved({ name, source, version: saved.version }); // nothing left to guard
    forgetPlugin(queryClient, saved.name);
    setConfirmDelete(false);
    router.push('/plugins');
  };

  const templateItems = TAGGING_TEMPLATES.map((t) => ({ id: t.id, label: t.label, description: t.description, onSelect: () => setSource(t.source) }));

  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <div className="flex min-w-0 flex-col gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor={nameId} className="font-medium">Plugin name</label>
          <input
            id={nameId}
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${nameId}-help`}
            spellCheck={false}
            className="max-w-md rounded border border-line-strong bg-surface px-2 py-1 font-mono"
          />
          <p id={`${nameId}-help`} className={`text-[12px] ${problem ? 'text-danger' : 'text-muted'}`}>
            {problem ?? (saved && saved.name !== name ? `Saving renames ${saved.name} to ${name}.` : 'The name DeepFlow knows the plugin by (deepflow-ctl plugin create --name).')}
          </p>
        </div>
        <div className="flex items-center gap-2">
          <span role="status" aria-label="Save state" className="text-[12px] text-muted">{busy ? 'Saving…' : dirty ? (saved ? 'Unsaved changes' : 'Not saved yet') : 'Saved'}</span>
          <div className="ml-auto flex gap-1.5">
            <MenuButton label="Templates" items={templateItems} />
          </div>
        </div>
        <ReadOnlyNotice />
        <LuaEditor value={source} onChange={setSource} dialect="deepflow" label="Lua source" onSave={() => void save()} height={380} draft={{ key: `plugin:${record?.name ?? 'new'}`, saved: saved?.source ?? initial.source }} />
        <div className="flex flex-wrap items-center gap-2">
          <button type="button" onClick={() => void save()} disabled={busy} className="rounded border border-accent bg-accent px-3 py-1 text-accent-fg hover:opacity-90 disabled:opacity-50">
            Save
          </button>
          {saved ? (
            <button type="button" onClick={() => { setDeleteError(null); setConfirmDelete(true); }} disabled={busy} className="rounded border border-danger px-3 py-1 text-danger hover:bg-danger-soft disabled:opacity-50">
              Delete
            </button>
          ) : null}
          <span className="text-[12px] text-muted">Ctrl/⌘+S saves from the editor.</span>
        </div>
        {error ? <p role="alert" className="whitespace-pre-wrap rounded border border-danger/50 bg-danger-soft px-3 py-1.5">{error}</p> : null}
        {conflict ? (
          <SaveConflict
            message={conflict}
            mine={source}
            latest={latest}
            onOverwrite={latest ? () => { setSaved({ name: latest.name, source: latest.source, version: latest.version }); setConflict(null); } : undefined}
          />
        ) : null}
        {warnings.length ? (
          <ul aria-label="Save warnings" className="rounded border border-warn/50 bg-warn-soft px-3 py-1.5 text-[12px]">
            {warnings.map((w) => <li key={w}>{w}</li>)}
          </ul>
        ) : null}
        {saved ? (
          <PluginHistory
            name={saved.name}
            current={source}
            baseVersion={saved.version}
            dirty={dirty}
            onRestored={(p) => {
              setSource(p.source);
              setSaved({ name: p.name, source: p.source, version: p.version });
              applySaved(queryClient, p, p.name);
            }}
          />
        ) : null}
        <PluginExport name={name || 'plugin'} source={source} />
      </div>
      <ImpactPreview plugins={plugins} edit={{ name, source, previousName: saved?.name ?? null }} first={pods} live={live} />
      <ConfirmDialog
        open={confirmDelete}
        title={`Delete ${saved?.name ?? 'this plugin'}?`}
        confirmLabel="Delete"
        busy={busy}
        error={deleteError}
        onConfirm={() => void remove()}
        onCancel={() => setConfirmDelete(false)}
      >
        The plugin and its history are removed from the store{list.data?.deepflow ? ', and from the DeepFlow server' : ''}. Pods it maps fall back to the rest of the chain.
      </ConfirmDialog>
    </div>
  );
}
