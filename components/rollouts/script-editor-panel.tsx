'use client';
// "Edit script": the routing script of one ref's <Kind>.<group> in the shared editor, with this
// Rollout as the live preview input (the step cards re-run with the edited text).
import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useEffect, useMemo, useRef } from 'react';
import { LuaEditor } from '@/components/editor/lua-editor';
import { editorDiagnostics, type RefPreview } from '@/lib/rollouts/browser-preview';
import { playgroundHref, scriptName } from '@/lib/rollouts/browser-text';
import { useMsg } from '../use-msg';
import { SaveScriptButton } from './actions';

export function ScriptEditorPanel({ preview, editedPreviews, text, savedText, onText, onReset, onClose, namespace, name, edited, running }: {
  preview: RefPreview;
  /** what the editor starts from (the controller's script): unsaved text is kept locally while it differs */
  savedText: string;
  /** every ref using this script, as the step cards show them (with the edit) */
  editedPreviews: readonly RefPreview[];
  text: string;
  onText: (t: string) => void;
  onReset: () => void;
  onClose: () => void;
  namespace: string;
  name: string;
  edited: boolean;
  running: boolean;
}) {
  const t = useTranslations('rollouts.editor');
  const words = useMsg();
  const locale = useLocale();
  // useMsg hands out a new function every render; its output only changes with the locale
  const diagnostics = useMemo(() => editorDiagnostics(editedPreviews, words), [editedPreviews, locale]);
  const scriptRef = useMemo(() => ({ apiVersion: preview.ref.apiVersion, kind: preview.ref.kind }), [preview.ref.apiVersion, preview.ref.kind]);
  const s = preview.script;
  // opened from a button further up: bring the editor into view and move focus to it (Tab reaches the editor next)
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    panel.current?.scrollIntoView({ block: 'nearest' });
    panel.current?.focus({ preventScroll: true });
  }, []);
  return (
    <div id="rollout-script" ref={panel} tabIndex={-1} className="flex outline-none flex-col gap-2 rounded-md border border-line bg-surface px-3 py-2">
      <p className="text-[12px] text-muted">
        {t(s.source === 'builtin' ? 'builtin' : s.source === 'configmap' ? 'configMap' : 'none', { script: scriptName(preview.ref) })} {t('hint')}
      </p>
      {s.source === 'builtin' ? (
        <p role="note" className="text-[12px] text-warn">{t('builtinWins')}</p>
      ) : null}
      <LuaEditor value={text} onChange={onText} dialect="kruise" label={t('luaSource')} diagnostics={diagnostics} height={360} draft={{ key: `kruise-script:${preview.script.key}`, saved: savedText }} />
      <div className="flex flex-wrap items-center gap-2">
        <SaveScriptButton scriptRef={scriptRef} source={text} onSaved={onReset} />
        <button type="button" onClick={onReset} disabled={!edited} className="h-7 rounded border border-line-strong px-2 text-[13px] hover:bg-raised disabled:opacity-50">
          {t('discard')}
        </button>
        <button type="button" onClick={onClose} className="h-7 rounded border border-line-strong px-2 text-[13px] hover:bg-raised">
          {t('close')}
        </button>
        <span aria-live="polite" className="text-[12px] text-muted">{edited ? (running ? t('previewing') : t('usingEdited')) : t('unchanged')}</span>
        <Link href={playgroundHref(namespace, name, preview.ref)} className="ml-auto text-[12px] text-accent underline-offset-2 hover:underline">
          {t('openPlayground')}
        </Link>
      </div>
    </div>
  );
}
