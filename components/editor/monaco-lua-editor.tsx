'use client';
// Loaded through `next/dynamic` (ssr: false) from lua-editor.tsx, so Monaco's ~5 MB stay off pages
// that do not edit.
import Editor, { type OnMount } from '@monaco-editor/react';
import type * as Monaco from 'monaco-editor';
import { useLocale } from 'next-intl';
import { useEffect, useId, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import { setUpMonaco } from './monaco-setup';
import { forgetModel, setDocLocale, setModelDialect } from './monaco-language';
import type { EditorDiagnostic, EditorHandle, LuaDialect } from './types';

const monaco = setUpMonaco();

interface Props {
  value: string;
  onChange: (text: string) => void;
  dialect: LuaDialect;
  diagnostics: EditorDiagnostic[];
  label: string;
  height: number | string;
  onRun?: () => void;
  onSave?: () => void;
  onReady: () => void;
  handle: Ref<EditorHandle>;
}

const SEVERITY = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
} as const;

function toMarkers(model: Monaco.editor.ITextModel, list: EditorDiagnostic[]): Monaco.editor.IMarkerData[] {
  const lines = model.getLineCount();
  return list.map((d) => {
    const line = Math.min(Math.max(1, d.line), lines);
    const endLine = Math.min(Math.max(line, d.endLine ?? line), lines);
    let startColumn = d.column ?? 1;
    let endColumn = d.endColumn;
    if (d.column === undefined) {
      // A whole-line problem: underline the line's text, not its indentation.
      startColumn = model.getLineFirstNonWhitespaceColumn(line) || 1;
      endColumn = model.getLineMaxColumn(endLine);
    } else if (endColumn === undefined || (endLine === line && endColumn <= startColumn)) {
      const word = model.getWordAtPosition({ lineNumber: line, column: startColumn });
      endColumn = word && word.startColumn === startColumn ? word.endColumn : Math.min(startColumn + 1, model.getLineMaxColumn(line));
      if (endColumn <= startColumn) endColumn = startColumn + 1;
    }
    return { severity: SEVERITY[d.severity], message: d.message, source: d.source, startLineNumber: line, startColumn, endLineNumber: endLine, endColumn };
  });
}

export default function MonacoLuaEditor({ value, onChange, dialect, diagnostics, label, height, onRun, onSave, onReady, handle }: Props) {
  const editorRef = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const latest = useRef(value);
  latest.current = value;
  const actions = useRef({ onRun, onSave });
  actions.current = { onRun, onSave };
  const keys = useRef<{ run: Monaco.editor.IContextKey<boolean>; save: Monaco.editor.IContextKey<boolean> } | null>(null);
  // One model per editor instance: two editors on a page (a plugin chain) keep separate text and markers.
  const path = `inmemory://lua/${useId().replace(/[^a-zA-Z0-9]/g, '')}.lua`;

  useImperativeHandle(handle, () => ({
    focus: () => editorRef.current?.focus(),
    jumpTo(line, column) {
      const ed = editorRef.current;
      if (!ed) return;
      const position = { lineNumber: line, column: column ?? 1 };
      ed.setPosition(position);
      ed.revealPositionInCenterIfOutsideViewport(position);
      ed.focus();
    },
  }));

  // Hover docs and completions follow the reader's language; the providers read it per request.
  const locale = useLocale();
  useEffect(() => setDocLocale(locale), [locale]);

  useEffect(() => {
    setModelDialect(monaco.Uri.parse(path).toString(), dialect);
  }, [path, dialect]);
  useEffect(() => () => forgetModel(monaco.Uri.parse(path).toString()), [path]);

  useEffect(() => {
    keys.current?.run.set(!!onRun);
    keys.current?.save.set(!!onSave);
  }, [onRun, onSave]);

  // Monaco owns the text while the user types: a `value` prop that merely echoes what onChange reported
  // is never written back (a stale echo would overwrite keystrokes typed since). Only a change made
  // by the page (a template, a reload, the textarea while Monaco loaded) replaces the text, as an
  // undoable edit.
  const emitted = useRef(value);
  useEffect(() => {
    const ed = editorRef.current;
    const model = ed?.getModel();
    if (!ed || !model || value === emitted.current || value === model.getValue()) return;
    emitted.current = value;
    ed.pushUndoStop();
    ed.executeEdits('page', [{ range: model.getFullModelRange(), text: value }]);
    ed.pushUndoStop();
  }, [value]);

  // Markers move with the text as it is edited; they are replaced only when the list itself changes
  // (a page passing a fresh but equal array on every render costs nothing).
  const markerKey = JSON.stringify(diagnostics);
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model) monaco.editor.setModelMarkers(model, 'lua', toMarkers(model, JSON.parse(markerKey) as EditorDiagnostic[]));
  }, [markerKey]);

  // A stable object: @monaco-editor/react calls updateOptions whenever it changes, which (with
  // Chromium's EditContext) drops keystrokes typed in between.
  const options = useMemo<Monaco.editor.IStandaloneEditorConstructionOptions>(() => ({
        ariaLabel: label,
        // Monaco's EditContext input (default since 0.53 in Chromium) drops keystrokes while the main
        // thread is busy (measured here: "local w = obj.canaryWeight" typed as "ll w  bnyWiht"; also
        // stablyai/orca#7747). The classic hidden-textarea input does not.
        editContext: false,
        minimap: { enabled: false },
        fontSize: 13,
        lineHeight: 18,
        tabSize: 2,
        insertSpaces: true,
        scrollBeyondLastLine: false,
        automaticLayout: true,
        fixedOverflowWidgets: true,
        renderLineHighlight: 'line',
        wordBasedSuggestions: 'off',
        quickSuggestions: { other: true, comments: false, strings: false },
  }), [label]);

  const [theme] = useState(() => (window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'vs-dark' : 'vs'));

  const onMount: OnMount = (ed) => {
    editorRef.current = ed;
    keys.current = {
      run: ed.createContextKey('luaStudioCanRun', !!actions.current.onRun),
      save: ed.createContextKey('luaStudioCanSave', !!actions.current.onSave),
    };
    ed.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => actions.current.onRun?.(), 'luaStudioCanRun');
    ed.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => actions.current.onSave?.(), 'luaStudioCanSave');
    const model = ed.getModel();
    // What was typed into the loading textarea after Monaco started mounting.
    if (model && model.getValue() !== latest.current) model.setValue(latest.current);
    emitted.current = latest.current;
    if (model) monaco.editor.setModelMarkers(model, 'lua', toMarkers(model, diagnostics));
    onReady();
  };

  return (
    <Editor
      path={path}
      language="lua"
      defaultValue={value}
      onChange={(text) => {
        emitted.current = text ?? '';
        onChange(text ?? '');
      }}
      onMount={onMount}
      height={height}
      loading={null}
      theme={theme}
      options={options}
    />
  );
}
