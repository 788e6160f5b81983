// Shapes of the script lints. Plain data: the editor, the CLI and the runner's `lint` request share them.
import type { Msg } from '../../i18n/message';
import type { LuaProfile } from '../types';

/** Where a script runs: Kruise's trafficRouting.lua, a DeepFlow tagging plugin, or a studio cluster script. */
export type LuaDialect = 'kruise' | 'deepflow' | 'cluster';

export const LUA_DIALECTS: readonly LuaDialect[] = ['kruise', 'deepflow', 'cluster'];

export interface LintIssue {
  severity: 'error' | 'warning' | 'info';
  /** English (CLI, server, logs); quoted engine text for syntax errors. */
  message: string;
  /** `message` in the reader's language; absent for text quoted from the parser. */
  msg?: Msg;
  /** 1-based. Every issue has a line (file-level issues point at line 1 or at the last line). */
  line: number;
  /** 1-based. */
  column?: number;
  /** 1-based, inclusive line of the end of the range. */
  endLine?: number;
  /** 1-based, exclusive. */
  endColumn?: number;
  /** Which rule produced the issue (stable ids, e.g. `syntax`, `kruise/missing-library`). */
  rule: string;
}

/** The engine profile a dialect's scripts run under (cluster scripts get gopher-lua v1.1.1's full library). */
export function profileOf(dialect: LuaDialect): LuaProfile {
  return dialect === 'kruise' ? 'kruise' : 'deepflow';
}
