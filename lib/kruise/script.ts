// Script lookup (kruise-routing.md §6.1): a non-empty built-in wins, then the ConfigMap key
// `lua.traffic.routing.<Kind>.<group>`; the version is ignored and core `v1` is group `v1`.
import kruiseBuiltinKeys from './builtin-keys.json';
export interface ScriptRef {
  apiVersion: string;
  kind: string;
}

export interface ResolvedScript {
  source: 'builtin' | 'configmap' | 'none';
  script?: string;
  /** `<group>/<Kind>` */
  key: string;
  /** set when a ConfigMap key exists but a built-in wins (openkruise/rollouts#322) */
  shadowedConfigMapKey?: string;
  error?: string;
}

export const KRUISE_CONFIGMAP = 'kruise-rollout-configuration';

export function scriptGroup(apiVersion: string): string {
  return apiVersion.split('/')[0];
}

export function configMapKey(ref: ScriptRef): string {
  return `lua.traffic.routing.${ref.kind}.${scriptGroup(ref.apiVersion)}`;
}

export function resolveScript(
  ref: ScriptRef,
  sources: { builtins: Record<string, string>; configMap?: { data?: Record<string, string> | null } | null; /** the controller's namespace (default kruise-rollout) */ namespace?: string },
): ResolvedScript {
  const key = `${scriptGroup(ref.apiVersion)}/${ref.kind}`;
  const cmKey = configMapKey(ref);
  const data = sources.configMap?.data ?? undefined;
  const builtin = sources.builtins[key];
  if (builtin) {
    const shadowed = data && Object.prototype.hasOwnProperty.call(data, cmKey) ? { shadowedConfigMapKey: cmKey } : {};
    return { source: 'builtin', script: builtin, key, ...shadowed };
  }
  if (!sources.configMap) {
    return { source: 'none', key, error: `failed to get ConfigMap(${sources.namespace ?? 'kruise-rollout'}/${KRUISE_CONFIGMAP})` };
  }
  if (data && Object.prototype.hasOwnProperty.call(data, cmKey) && typeof data[cmKey] === 'string') {
    // an empty value counts as found (it then returns nothing)
    return { source: 'configmap', script: data[cmKey], key };
  }
  return { source: 'none', key, error: 'expected script not found neither locally nor in ConfigMap' };
}

/**
 * Kruise's own built-ins; other scripts in lua/ are ConfigMap recipes. The list lives in
 * lib/kruise/builtin-keys.json, which scripts/build-engine.mjs reads too.
 */
export const KRUISE_BUILTIN_KEYS: readonly string[] = kruiseBuiltinKeys;

export function kruiseBuiltins(all: Record<string, { source: string; kruiseBuiltin: boolean }>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(all)) if (v.kruiseBuiltin) out[k] = v.source;
  return out;
}
