// Client only (imported from the `next/dynamic` boundary): Monaco from the app's own bundle, never
// from @monaco-editor/react's default CDN, and its editor worker served by the app too.
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import { registerLuaLanguageFeatures } from './monaco-language';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

let done = false;

export function setUpMonaco(): typeof monaco {
  if (done) return monaco;
  done = true;
  window.MonacoEnvironment = {
    // Lua has no language worker: the editor worker (diffs, word ranges) is the only one Monaco asks for.
    getWorker: () => new Worker(new URL('monaco-editor/editor/editor.worker.js', import.meta.url), { type: 'module' }),
  };
  loader.config({ monaco });
  registerLuaLanguageFeatures(monaco);
  return monaco;
}
