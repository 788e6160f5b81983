'use client';
// The Lua editor every editing page uses: Monaco with the dialect's markers, completions and hover,
// or a plain textarea ("Plain text editor"), with the problems listed below either way.
import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { countBySeverity, mergeDiagnostics } from './diagnostics';
import { DiagnosticList } from './diagnostic-list';
import { PlainLuaEditor } from './plain-lua-editor';
import type { EditorDiagnostic, EditorHandle, LuaEditorProps } from './types';
import { useDraft } from './use-draft';
import { useLintDiagnostics } from './use-lint-diagnostics';
import { useMsg } from '../use-msg';
import { usePlainTextPreference } from './use-plain-text-preference';

export type { EditorDiagnostic, LuaDialect, LuaEditorProps } from './types';

const MonacoLuaEditor = dynamic(() => import('./monaco-lua-editor'), { ssr: false, loading: () => null });

export function LuaEditor({ value, onChange, dialect, diagnostics, onRun, onSave, draft, label: givenLabel, height = 320 }: LuaEditorProps) {
  const t = useTranslations('editor');
  const label = givenLabel ?? t('label');
  const [plain, setPlain] = usePlainTextPreference();
  const restored = useDraft(draft, value, onChange);
  const [monacoReady, setMonacoReady] = useState(false);
  const own = useLintDiagnostics(value, dialect);
  const m = useMsg();
  // The list and the markers show a lint in the reader's language; quoted engine text stays as is.
  const all = useMemo(() => mergeDiagnostics(own, diagnostics).map((d) => (d.msg ? { ...d, message: m(d.msg) } : d)), [own, diagnostics, m]);
  const monacoHandle = useRef<EditorHandle>(null);
  const plainHandle = useRef<(EditorHandle & { textarea: HTMLTextAreaElement | null }) | null>(null);
  const switchId = useId();
  const listId = useId();
  const showMonaco = !plain && monacoReady;

  const onReady = useCallback(() => {
    // Hand over what was typed while Monaco loaded, caret included.
    const area = plainHandle.current?.textarea;
    const hadFocus = !!area && document.activeElement === area;
    setMonacoReady(true);
    if (hadFocus && area) {
      const before = area.value.slice(0, area.selectionStart);
      const lines = before.split('\n');
      requestAnimationFrame(() => monacoHandle.current?.jumpTo(lines.length, lines[lines.length - 1].length + 1));
    }
  }, []);

  const jump = (d: EditorDiagnostic) => (showMonaco ? monacoHandle : plainHandle).current?.jumpTo(d.line, d.column);
  const counts = countBySeverity(all);
  const problems = t('problems', { label });

  return (
    <div role="group" aria-label={t('group', { label })} className="flex flex-col gap-1.5">
      <div className="flex items-center justify-between gap-3 text-[12px] text-muted">
        <span aria-live="polite">
          {t('counts', { errors: counts.error, warnings: counts.warning })}
          {!plain && !monacoReady ? <span className="ml-2 italic">{t('loading')}</span> : null}
        </span>
        {/* A native checkbox: Tab reaches it and Space toggles it, in either mode. */}
        <label htmlFor={switchId} className="flex cursor-pointer items-center gap-1.5 rounded px-0.5 focus-within:outline focus-within:outline-2 focus-within:outline-offset-1 focus-within:outline-accent">
          <input id={switchId} type="checkbox" role="switch" checked={plain} onChange={(e) => setPlain(e.target.checked)} aria-checked={plain} />
          {t('plainText')}
        </label>
      </div>
      {restored ? (
        <p role="status" className="rounded border border-warn/50 bg-warn-soft px-2 py-1 text-[12px]">
          {restored.stale ? t('restoredStale') : t('restored')}
        </p>
      ) : null}
      <div className="relative" style={{ height: plain || !monacoReady ? undefined : height }}>
        {plain || !monacoReady ? (
          <PlainLuaEditor
            ref={plainHandle}
            value={value}
            onChange={onChange}
            label={label}
            height={height}
            onRun={onRun}
            onSave={onSave}
            invalid={counts.error > 0}
            describedBy={all.length ? listId : undefined}
          />
        ) : null}
        {plain ? null : (
          // Laid out (so Monaco can measure itself) but invisible and out of the accessibility tree until ready.
          <div
            className={showMonaco ? 'h-full overflow-hidden rounded border border-line' : 'pointer-events-none invisible absolute inset-0'}
            aria-hidden={showMonaco ? undefined : true}
            style={showMonaco ? undefined : { height }}
          >
            <MonacoLuaEditor
              value={value}
              onChange={onChange}
              dialect={dialect}
              diagnostics={all}
              label={label}
              height="100%"
              onRun={onRun}
              onSave={onSave}
              onReady={onReady}
              handle={monacoHandle}
            />
          </div>
        )}
      </div>
      <DiagnosticList id={listId} label={problems} items={all} onJump={jump} />
    </div>
  );
}
