// Per-dialect catalogue of what scripts can reach. Pure data: completions, hover docs and the lint's
// allow-list of globals all come from here, so they cannot disagree.
import type { LuaDialect } from '../lint/types';
import { CLUSTER_MODULES } from './cluster';
import { DKJSON, GET_WORKLOAD_TYPE_AND_NAME } from './deepflow';
import { KRUISE_HOST } from './kruise';
import { BASE, CHANNEL, COROUTINE, DEBUG, IO, MATH, OS, PACKAGE, STRING, TABLE } from './stdlib';
import type { CatalogueItem, DialectCatalogue } from './types';

export type { CatalogueItem, CatalogueKind, DialectCatalogue } from './types';
export { docIn, type DocLocale } from './types';
export { WORKLOAD_TYPES } from './deepflow';

const CATALOGUES: Record<LuaDialect, DialectCatalogue> = {
  // gopher-lua at Kruise's pin, restricted: base, table, string, math + Kruise's json and obj.
  kruise: { globals: [...BASE, STRING, TABLE, MATH, ...KRUISE_HOST], modules: { json: KRUISE_HOST[1], string: STRING } },
  // gopher-lua v1.1.1 with every library, unsandboxed.
  deepflow: {
    globals: [...BASE, STRING, TABLE, MATH, COROUTINE, PACKAGE, OS, IO, DEBUG, CHANNEL, GET_WORKLOAD_TYPE_AND_NAME],
    modules: { dkjson: DKJSON },
  },
  // The studio's cluster scripts: DeepFlow's engine surface (without os/io/debug, which the studio never opens) + kube.*.
  cluster: { globals: [...BASE, STRING, TABLE, MATH, COROUTINE, PACKAGE], modules: CLUSTER_MODULES },
};

export function catalogueFor(dialect: LuaDialect): DialectCatalogue {
  return CATALOGUES[dialect];
}

/** Names that are globals of the dialect's production engine (the lint's allow-list). */
export function globalNames(dialect: LuaDialect): Set<string> {
  return new Set(CATALOGUES[dialect].globals.map((g) => g.name));
}

/**
 * Resolves a dotted path (`obj.data`, `string.format`) against the dialect's globals, or against
 * what `require` returned when the first name is a local bound to a module (`api.Client`).
 */
export function lookup(dialect: LuaDialect, path: string[], moduleOf: (local: string) => string | undefined = () => undefined): CatalogueItem | undefined {
  if (path.length === 0) return undefined;
  const cat = CATALOGUES[dialect];
  const mod = moduleOf(path[0]);
  let item: CatalogueItem | undefined = mod !== undefined ? cat.modules[mod] : cat.globals.find((g) => g.name === path[0]);
  for (const name of path.slice(1)) item = item?.members?.find((m) => m.name === name);
  return item;
}

/** Members offered after `path.` (or `path:` for methods). */
export function membersOf(dialect: LuaDialect, path: string[], moduleOf?: (local: string) => string | undefined): CatalogueItem[] {
  return lookup(dialect, path, moduleOf)?.members ?? [];
}
