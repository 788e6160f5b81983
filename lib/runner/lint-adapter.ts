// Interim lint entry for the runner's `lint` request. The dialect-aware lint module
// (`lintLua` in `@/lib/lua/lint`) is being written on another branch; until it is merged, `lint`
// goes through the existing syntax check + script lints of lib/kruise/lint.ts behind this adapter.
// When `@/lib/lua/lint` lands, this file re-exports it and nothing else changes.
import { lintScript, type LintIssue } from '@/lib/kruise/lint';
import type { LuaProfile } from '@/lib/lua';

export type { LintIssue };

export type LuaDialect = 'kruise' | 'deepflow' | 'cluster';

/** The engine profile each dialect runs with: cluster scripts get DeepFlow's Lua 5.1 (+goto) surface. */
export const DIALECT_PROFILE: Record<LuaDialect, LuaProfile> = { kruise: 'kruise', deepflow: 'deepflow', cluster: 'deepflow' };

export function lintLua(source: string, dialect: LuaDialect): LintIssue[] {
  return lintScript(source, DIALECT_PROFILE[dialect]);
}
