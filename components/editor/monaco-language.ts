// Completions and hover docs for Lua, per dialect. Providers are per language, so each model's
// dialect is looked up from its URI (the editor registers it when it creates the model).
import type * as Monaco from 'monaco-editor';
import type { LuaDialect } from './types';

const dialects = new Map<string, LuaDialect>();

export function setModelDialect(uri: string, dialect: LuaDialect): void {
  dialects.set(uri, dialect);
}

export function forgetModel(uri: string): void {
  dialects.delete(uri);
}

export function dialectOfModel(uri: string): LuaDialect {
  return dialects.get(uri) ?? 'deepflow';
}

export function registerLuaLanguageFeatures(_monaco: typeof Monaco): void {
  // completions and hover come with the catalogue
}
