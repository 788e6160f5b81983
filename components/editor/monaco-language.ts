// Completions and hover docs for Lua, per dialect, from the static catalogue (lib/lua/catalogue).
// Providers are per language, so each model's dialect is looked up from its URI, and the docs'
// language from the reader's locale (set by the editor from useLocale(); read on every request, so
// a language switch shows in the next hover or completion list without re-registering).
import type * as Monaco from 'monaco-editor';
import { chainAt, completionsAt, hoverAt } from '@/lib/lua/catalogue/resolve';
import { docIn, type CatalogueItem } from '@/lib/lua/catalogue';
import type { LuaDialect } from './types';

const dialects = new Map<string, LuaDialect>();

export function setModelDialect(uri: string, dialect: LuaDialect): void {
  dialects.set(uri, dialect);
}

export function forgetModel(uri: string): void {
  dialects.delete(uri);
}

function dialectOf(model: Monaco.editor.ITextModel): LuaDialect | undefined {
  return dialects.get(model.uri.toString());
}

let docLocale = 'en';

/** The language of hover docs and completion details from now on. */
export function setDocLocale(locale: string): void {
  docLocale = locale;
}

function docOf(item: CatalogueItem): string {
  const doc = docIn(item, docLocale);
  return item.signature ? `\`\`\`lua\n${item.signature}\n\`\`\`\n\n${doc}` : doc;
}

let registered = false;

export function registerLuaLanguageFeatures(monaco: typeof Monaco): void {
  if (registered) return;
  registered = true;
  const K = monaco.languages.CompletionItemKind;
  const KIND: Record<CatalogueItem['kind'], Monaco.languages.CompletionItemKind> = {
    function: K.Function,
    method: K.Method,
    table: K.Module,
    field: K.Field,
    constant: K.Constant,
    module: K.Module,
  };

  monaco.languages.registerCompletionItemProvider('lua', {
    triggerCharacters: ['.', ':'],
    provideCompletionItems(model, position) {
      const dialect = dialectOf(model);
      if (!dialect) return { suggestions: [] };
      const before = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
      const at = chainAt(before);
      if (!at) return { suggestions: [] };
      const items = completionsAt(dialect, at, model.getValue());
      const range = new monaco.Range(position.lineNumber, position.column - at.prefix.length, position.lineNumber, position.column);
      return {
        suggestions: items.map((item) => ({
          label: item.name,
          kind: KIND[item.kind],
          detail: item.signature,
          documentation: { value: docIn(item, docLocale) },
          insertText: item.name,
          range,
        })),
      };
    },
  });

  monaco.languages.registerHoverProvider('lua', {
    provideHover(model, position) {
      const dialect = dialectOf(model);
      if (!dialect) return null;
      const line = model.getLineContent(position.lineNumber);
      const item = hoverAt(dialect, line, position.column, model.getValue());
      if (!item) return null;
      const word = model.getWordAtPosition(position);
      return {
        range: word ? new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn) : undefined,
        contents: [{ value: docOf(item) }],
      };
    },
  });
}
