// DeepFlow server releases behave differently from the main branch the reference describes
// (deepflow-tagging.md §5): the virtual-kubelet rule and its providerType match changed in 7.1.5/7.1.6.
import type { DeepflowRelease } from './metadata-json';

export const DEEPFLOW_VERSIONS = ['v6.6', 'v7.0', 'v7.1.4', 'v7.1.5', 'v7.1.6', 'main'] as const;
export type DeepflowVersion = (typeof DEEPFLOW_VERSIONS)[number];

/** The newest release: what the studio emulates unless told otherwise. */
export const DEFAULT_DEEPFLOW_VERSION: DeepflowVersion = 'v7.1.6';

export interface DeepflowBehaviour {
  version: DeepflowVersion;
  /** What the UI calls it ("v7.1.0–v7.1.4"). */
  label: string;
  /** The virtual-kubelet rule runs even when no Lua plugin exists (before 7.1.6). */
  builtinRuleWithoutPlugins: boolean;
  /** `provider-cluster-type` is lower-cased before the match (7.1.5 on). */
  providerTypeCaseInsensitive: boolean;
  /** The Go release line the server is built with (JSON escapes of the plugin argument). */
  goRelease: DeepflowRelease;
}

const BEHAVIOURS: Record<DeepflowVersion, DeepflowBehaviour> = {
  'v6.6': { version: 'v6.6', label: 'v6.6.x', builtinRuleWithoutPlugins: true, providerTypeCaseInsensitive: false, goRelease: 'v6.6' },
  'v7.0': { version: 'v7.0', label: 'v7.0.x', builtinRuleWithoutPlugins: true, providerTypeCaseInsensitive: false, goRelease: 'v7.0' },
  'v7.1.4': { version: 'v7.1.4', label: 'v7.1.0–v7.1.4', builtinRuleWithoutPlugins: true, providerTypeCaseInsensitive: false, goRelease: 'v7.1' },
  'v7.1.5': { version: 'v7.1.5', label: 'v7.1.5', builtinRuleWithoutPlugins: true, providerTypeCaseInsensitive: true, goRelease: 'v7.1' },
  'v7.1.6': { version: 'v7.1.6', label: 'v7.1.6', builtinRuleWithoutPlugins: false, providerTypeCaseInsensitive: true, goRelease: 'v7.1' },
  main: { version: 'main', label: 'main branch', builtinRuleWithoutPlugins: false, providerTypeCaseInsensitive: true, goRelease: 'main' },
};

export function deepflowBehaviour(version: DeepflowVersion = DEFAULT_DEEPFLOW_VERSION): DeepflowBehaviour {
  return BEHAVIOURS[version];
}

/**
 * A version as users write it (`7.1.2`, `v7.0.3`, `v6.6`, `main`, `latest`) → the behaviour bucket
 * it belongs to; null when it is not a release the studio knows.
 */
export function parseDeepflowVersion(text: string): DeepflowVersion | null {
  const s = text.trim().toLowerCase();
  if (s === 'main' || s === 'master') return 'main';
  if (s === 'latest' || s === 'stable') return DEFAULT_DEEPFLOW_VERSION;
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return null;
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), m[3] === undefined ? null : Number(m[3])];
  if (major === 6 && minor === 6) return 'v6.6';
  if (major === 7 && minor === 0) return 'v7.0';
  if (major === 7 && minor === 1) {
    if (patch === null) return null; // 7.1 alone is ambiguous: the rule changed inside the line
    if (patch <= 4) return 'v7.1.4';
    if (patch === 5) return 'v7.1.5';
    return 'v7.1.6';
  }
  return null;
}
