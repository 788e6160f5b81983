import type { Budget, LuaProfile } from './types';

// Kruise: the controller's context deadline is 1 s. DeepFlow has no limit in production (a loop hangs
// the gather goroutine); the preview still needs one, per plugin call.
export const DEFAULT_BUDGETS: Record<LuaProfile, Budget> = {
  kruise: { instructions: 50_000_000, ms: 1000 },
  deepflow: { instructions: 50_000_000, ms: 1000 },
};

export const LIMITS = {
  /** Script source. */
  sourceBytes: 1_000_000,
  /** JSON pushed by pushJson (measured as JSON text length). */
  inputBytes: 8_000_000,
  /** Any single string built by string.rep / .. / table.concat / string.format / gsub. */
  stringBytes: 16_000_000,
  /** Total captured print output per state. */
  printBytes: 1_000_000,
  /** Encoded result (hosts enforce it). */
  resultBytes: 8_000_000,
  /** Count-hook period. */
  hookEvery: 1000,
} as const;
