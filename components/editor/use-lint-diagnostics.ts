'use client';
import { useEffect, useState } from 'react';
import { lintLua } from '@/lib/lua/lint';
import { fromLint } from './diagnostics';
import type { EditorDiagnostic, LuaDialect } from './types';

const DEBOUNCE_MS = 250;

/**
 * The editor's own lints, recomputed once typing pauses: parsing a large script on every keystroke
 * would make typing lag. The first result comes at once so a loaded script shows its problems.
 */
export function useLintDiagnostics(source: string, dialect: LuaDialect): EditorDiagnostic[] {
  const [state, setState] = useState<{ key: string; list: EditorDiagnostic[] } | null>(null);
  const key = `${dialect}\u0000${source}`;
  const first = state === null;
  useEffect(() => {
    const run = () => setState({ key, list: fromLint(lintLua(source, dialect)) });
    const t = setTimeout(run, first ? 0 : DEBOUNCE_MS);
    return () => clearTimeout(t);
    // `first` only decides the delay of the first run
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state?.list ?? [];
}
