import type { LintIssue, LuaDialect } from '@/lib/lua/lint/types';

export type { LuaDialect };

/** A problem shown in the editor: runtime errors and host lints from the page, or the editor's own lints. */
export type EditorDiagnostic = Omit<LintIssue, 'rule'> & {
  /** Who reported it ("syntax", "lint", "runtime", …). */
  source?: string;
};

/** What the page around an editor can ask of whichever editor (Monaco or the textarea) is showing. */
export interface EditorHandle {
  jumpTo(line: number, column?: number): void;
  focus(): void;
}

export interface LuaEditorProps {
  value: string;
  onChange: (text: string) => void;
  dialect: LuaDialect;
  /** Runtime errors and host lints from the page, shown as markers next to the editor's own. */
  diagnostics?: EditorDiagnostic[];
  /** Ctrl/⌘+Enter. */
  onRun?: () => void;
  /** Ctrl/⌘+S, only where the page can save. */
  onSave?: () => void;
  /**
   * Keep unsaved text in this browser until it is saved (reload, forced sign-in): `saved` is what
   * the store holds; the editor's text is kept while it differs from it.
   */
  draft?: { key: string; saved: string };
  /** Accessible name; default "Lua source". */
  label?: string;
  height?: number | string;
}
