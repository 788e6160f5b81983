// The part of a discovery document the studio uses to name a kind (pure; shared by server and tests).
export interface DiscoveredKind {
  kind: string;
  singular: string;
  namespaced: boolean;
}

interface ResourceListLike {
  resources?: { name?: string; kind?: string; singularName?: string; namespaced?: boolean }[];
}

/**
 * The main resource `plural` of an APIResourceList (never a subresource such as `x/status`). An
 * empty `singularName` (older servers) falls back to the lower-cased Kind, as kubectl does.
 */
export function resourceInList(list: ResourceListLike, plural: string): DiscoveredKind | null {
  const r = list.resources?.find((x) => x.name === plural);
  if (!r?.kind) return null;
  return { kind: r.kind, singular: r.singularName || r.kind.toLowerCase(), namespaced: r.namespaced ?? true };
}
