'use client';
// /plugins/new and /plugins/<name>: name, source, Save (and Delete), history, export, and beside it
// the live impact preview. The user's text is never reset by a refetch or a refused save.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
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
import { useErrorText, useMsg } from '@/components/use-msg';
import { msg } from '@/lib/i18n/message';
import { FailureText, notesOf, unanswered, type Shown } from './failure-text';

const WARNINGS_KEY = 'kls:plugin-save-warnings';

export type PluginEditorProps =
  | { mode: 'new'; initial: { name: string; source: string }; pods: string[] }
  | { mode: 'edit'; name: string; pods: string[] };

export function PluginEditor(props: PluginEditorProps) {
  const t = useTranslations('plugins');
  const errorText = useErrorText();
  const list = usePluginList();
  if (props.mode === 'new') return <EditorForm record={null} initial={props.initial} pods={props.pods} />;
  if (list.isLoading) return <SkeletonTable label={t('editor.loading')} rows={4} cols={2} />;
  if (list.error || !list.data) {
    return (
      <StateNotice tone="danger" title={t('list.cannotRead')}>
        <span className="whitespace-pre-wrap">{list.error ? errorText(list.error) : t('list.noAnswer')}</span>
      </StateNotice>
    );
  }
  const record = list.data.plugins.find((p) => p.name === props.name) ?? null;
  if (!record) {
    return (
      <StateNotice tone="warn" title={t('editor.notFound', { name: props.name })}>
        {t.rich('editor.notFoundBody', {
          back: (c) => <Link href="/plugins" className="text-accent underline">{c}</Link>,
          new: (c) => <Link href="/plugins/new" className="text-accent underline">{c}</Link>,
        })}
      </StateNotice>
    );
  }
  // keyed by name: a rename remounts on the new URL; a refetch of the same plugin keeps the text
  return <EditorForm key={record.name} record={record} initial={record} pods={props.pods} />;
}

function EditorForm({ record, initial, pods }: { record: PluginRecord | null; initial: { name: string; source: string }; pods: string[] }) {
  const t = useTranslations('plugins');
  const m = useMsg();
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
  const [error, setError] = useState<Shown | null>(null);
  const [conflict, setConflict] = useState<Shown | null>(null);
  const [warnings, setWarnings] = useState<Shown[]>([]);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleteError, setDeleteError] = useState<Shown | null>(null);

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
    const w = JSON.parse(raw) as { name: string; warnings: Shown[] };
    if (w.name === initial.name) setWarnings(w.warnings);
  }, [initial.name]);

  const save = async () => {
    if (busy) return;
    if (problem) {
      setError({ error: 'Not saved: the plugin name is not valid.', message: msg('plugins.editor.notSaved', { problem: m(problem) }) });
      return;
    }
    setBusy(true);
    setError(null);
    const r = await savePlugin({ name, source, baseVersion: saved?.version ?? null, ...(saved && saved.name !== name ? { previousName: saved.name } : {}) }).catch(unanswered);
    setBusy(false);
    if (!r.ok) {
      if ('conflict' in r && r.conflict) {
        setConflict(r);
        void invalidatePlugins(queryClient);
      } else setError(r);
      return;
    }
    setConflict(null);
    const notes = notesOf(r);
    setWarnings(notes);
    const previous = saved?.name ?? null;
    setSaved({ name: r.plugin.name, source: r.plugin.source, version: r.plugin.version });
    applySaved(queryClient, r.plugin, previous);
    if (previous !== r.plugin.name) {
      if (notes.length) sessionStorage.setItem(WARNINGS_KEY, JSON.stringify({ name: r.plugin.name, warnings: notes }));
      router.push(pluginHref(r.plugin.name));
    }
  };

  const remove = async () => {
    if (!saved) return;
    setBusy(true);
    setDeleteError(null);
    const r = await deletePlugin({ name: saved.name, baseVersion: saved.version }).catch(unanswered);
    setBusy(false);
    if (!r.ok) {
      setDeleteError(r);
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
          <label htmlFor={nameId} className="font-medium">{t('editor.name')}</label>
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
            {problem ? m(problem) : saved && saved.name !== name ? t('editor.renames', { from: saved.name, to: name }) : t.rich('editor.nameHelp', { code: (c) => <code>{c}</code> })}
          </p>
        </div>
        <div className="flex items-center gap-2">
          <span role="status" aria-label={t('editor.saveState')} className="text-[12px] text-muted">{busy ? t('editor.saving') : dirty ? (saved ? t('editor.unsaved') : t('editor.notSavedYet')) : t('editor.saved')}</span>
          <div className="ml-auto flex gap-1.5">
            <MenuButton label={t('editor.templates')} items={templateItems} />
          </div>
        </div>
        <ReadOnlyNotice />
        <LuaEditor value={source} onChange={setSource} dialect="deepflow" label={t('editor.source')} onSave={() => void save()} height={380} draft={{ key: `plugin:${record?.name ?? 'new'}`, saved: saved?.source ?? initial.source }} />
        {/* sticky: on a narrow or short screen Save stays in view while the editor scrolls by */}
        <div role="group" aria-label={t('editor.actions')} className="sticky bottom-0 z-10 -mx-1 flex flex-wrap items-center gap-2 bg-canvas/95 px-1 py-1.5">
          <button type="button" onClick={() => void save()} disabled={busy} className="rounded border border-accent bg-accent px-3 py-1 text-accent-fg hover:opacity-90 disabled:opacity-50">
            {t('editor.save')}
          </button>
          {saved ? (
            <button type="button" onClick={() => { setDeleteError(null); setConfirmDelete(true); }} disabled={busy} className="rounded border border-danger px-3 py-1 text-danger hover:bg-danger-soft disabled:opacity-50">
              {t('editor.delete')}
            </button>
          ) : null}
          <span className="text-[12px] text-muted">{t.rich('editor.saveShortcut', { kbd: (c) => <kbd>{c}</kbd> })}</span>
        </div>
        {error ? <p role="alert" className="whitespace-pre-wrap rounded border border-danger/50 bg-danger-soft px-3 py-1.5"><FailureText shown={error} /></p> : null}
        {conflict ? (
          <SaveConflict
            message={conflict}
            mine={source}
            latest={latest}
            onOverwrite={latest ? () => { setSaved({ name: latest.name, source: latest.source, version: latest.version }); setConflict(null); } : undefined}
          />
        ) : null}
        {warnings.length ? (
          <ul aria-label={t('editor.saveWarnings')} className="rounded border border-warn/50 bg-warn-soft px-3 py-1.5 text-[12px]">
            {warnings.map((w) => <li key={w.error}><FailureText shown={w} /></li>)}
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
        title={saved ? t('dialogs.deleteTitle', { name: saved.name }) : t('dialogs.deleteThisTitle')}
        confirmLabel={t('editor.delete')}
        busy={busy}
        error={deleteError}
        onConfirm={() => void remove()}
        onCancel={() => setConfirmDelete(false)}
      >
        {t('dialogs.deleteBody', { deepflow: list.data?.deepflow ? 'yes' : 'no' })}
      </ConfirmDialog>
    </div>
  );
}
