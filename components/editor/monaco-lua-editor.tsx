'use client';
// Loaded through `next/dynamic` (ssr: false) from lua-editor.tsx, so Monaco's ~5 MB stay off pages
// that do not edit.
import Editor, { type OnMount } from '@monaco-editor/react';
import type * as Monaco from 'monaco-editor';
import { useEffect, useId, useImperativeHandle, useRef, type Ref } from 'react';
import { setUpMonaco } from './monaco-setup';
import { forgetModel, setModelDialect } from './monaco-language';
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

  useEffect(() => {
    setModelDialect(monaco.Uri.parse(path).toString(), dialect);
  }, [path, dialect]);
  useEffect(() => () => forgetModel(monaco.Uri.parse(path).toString()), [path]);

  useEffect(() => {
    keys.current?.run.set(!!onRun);
    keys.current?.save.set(!!onSave);
  }, [onRun, onSave]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model) monaco.editor.setModelMarkers(model, 'lua', toMarkers(model, diagnostics));
  }, [diagnostics, value]);

  const onMount: OnMount = (ed) => {
    editorRef.current = ed;
    keys.current = {
      run: ed.createContextKey('luaStudioCanRun', !!actions.current.onRun),
      save: ed.createContextKey('luaStudioCanSave', !!actions.current.onSave),
    };
    ed.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => actions.current.onRun?.(), 'luaStudioCanRun');
    ed.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => actions.current.onSave?.(), 'luaStudioCanSave');
    const model = ed.getModel();
    if (model) monaco.editor.setModelMarkers(model, 'lua', toMarkers(model, diagnostics));
    onReady();
  };

  return (
    <Editor
      path={path}
      language="lua"
      value={value}
      onChange={(text) => onChange(text ?? '')}
      onMount={onMount}
      height={height}
      loading={null}
      theme={typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'vs-dark' : 'vs'}
      options={{
        ariaLabel: label,
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
      }}
    />
  );
}
