// Built-in routing scripts: Kruise's two Istio scripts (our reproductions) and our ConfigMap recipes,
// keyed `<group>/<Kind>` like Kruise's lua_configuration folders. They come from the module that
// scripts/build-engine.mjs generates (bundled into dist/cli.mjs); in a source checkout the files under
// lua/ are read over it, so an edited script is used without rebuilding.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KRUISE_BUILTIN_KEYS } from '../kruise/script';
import generated from '../lua/vendor/builtin-scripts.mjs';

export interface BuiltinScript {
  key: string;
  source: string;
  /** True for the scripts Kruise itself ships (they always win over the ConfigMap). */
  kruiseBuiltin: boolean;
}

const KRUISE_BUILTINS = new Set<string>(KRUISE_BUILTIN_KEYS);

/** The `lua/` folder shipped with the package: `lib/cli/` in source, `dist/` when bundled. */
function luaRoot(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const candidate of [path.resolve(here, '../../lua'), path.resolve(here, '../lua')]) {
    if (existsSync(path.join(candidate, 'networking.istio.io'))) return candidate;
  }
  return null;
}

let cache: Map<string, BuiltinScript> | null = null;

export function builtinScripts(): Map<string, BuiltinScript> {
  if (cache) return cache;
  cache = new Map();
  for (const [key, script] of Object.entries(generated)) cache.set(key, { key, ...script });
  const root = luaRoot();
  if (!root) return cache;
  for (const groupEntry of readdirSync(root, { withFileTypes: true })) {
    if (!groupEntry.isDirectory()) continue;
    const group = groupEntry.name;
    const groupDir = path.join(root, group);
    for (const entry of readdirSync(groupDir, { withFileTypes: true })) {
      const file = path.join(groupDir, entry.name, 'trafficRouting.lua');
      if (!entry.isDirectory() || !existsSync(file)) continue;
      const key = `${group}/${entry.name}`;
      cache.set(key, { key, source: readFileSync(file, 'utf8'), kruiseBuiltin: KRUISE_BUILTINS.has(key) });
    }
  }
  return cache;
}

export function builtinFor(apiVersion: unknown, kind: unknown): BuiltinScript | undefined {
  const group = typeof apiVersion === 'string' ? apiVersion.split('/')[0] : '';
  return builtinScripts().get(`${group}/${String(kind)}`);
}
