'use client';
// The Lua editor every editing page uses: Monaco with the dialect's markers, completions and hover,
// or a plain textarea ("Plain text editor"), with the problems listed below either way.
import dynamic from 'next/dynamic';
import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { countBySeverity, mergeDiagnostics } from './diagnostics';
import { DiagnosticList } from './diagnostic-list';
import { PlainLuaEditor } from './plain-lua-editor';
import type { EditorDiagnostic, EditorHandle, LuaEditorProps } from './types';
import { useDraft } from './use-draft';
import { useLintDiagnostics } from './use-lint-diagnostics';
import { usePlainTextPreference } from './use-plain-text-preference';

export type { EditorDiagnostic, LuaDialect, LuaEditorProps } from './types';

const MonacoLuaEditor = dynamic(() => import('./monaco-lua-editor'), { ssr: false, loading: () => null });

export function LuaEditor({ value, onChange, dialect, diagnostics, onRun, onSave, draft, label = 'Lua source', height = 320 }: LuaEditorProps) {
  const [plain, setPlain] = usePlainTextPreference();
  const restored = useDraft(draft, value, onChange);
  const [monacoReady, setMonacoReady] = useState(false);
  const own = useLintDiagnostics(value, dialect);
  const all = useMemo(() => mergeDiagnostics(own, diagnostics), [own, diagnostics]);
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
  const problems = `${label} problems`;

  return (
    <div role="group" aria-label={`${label} editor`} className="flex flex-col gap-1.5">
      <div className="flex items-center justify-between gap-3 text-[12px] text-muted">
        <span aria-live="polite">
          {counts.error} {counts.error === 1 ? 'error' : 'errors'}, {counts.warning} {counts.warning === 1 ? 'warning' : 'warnings'}
          {!plain && !monacoReady ? <span className="ml-2 italic">Loading the code editor…</span> : null}
        </span>
        <label htmlFor={switchId} className="flex cursor-pointer items-center gap-1.5">
          <input id={switchId} type="checkbox" role="switch" checked={plain} onChange={(e) => setPlain(e.target.checked)} aria-checked={plain} />
          Plain text editor
        </label>
      </div>
      {restored ? (
        <p role="status" className="rounded border border-warn/50 bg-warn-soft px-2 py-1 text-[12px]">
          Restored unsaved text{restored.stale ? ' (the saved version changed since: review before saving)' : ''}
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
