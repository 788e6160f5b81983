// What a script can reach, as documentation data: the editor's completions and hover docs, and the
// lint's allow-list of globals, both read it.
export type CatalogueKind = 'function' | 'method' | 'table' | 'field' | 'constant' | 'module';

export interface CatalogueItem {
  name: string;
  kind: CatalogueKind;
  /** Call shape, e.g. `json.encode(value) -> string | nil, err`. */
  signature?: string;
  /** Markdown. */
  doc: string;
  members?: CatalogueItem[];
}

export interface DialectCatalogue {
  /** Globals of the target engine (host globals included). */
  globals: CatalogueItem[];
  /** What `require(name)` returns, for modules a script loads (dkjson, kube.api). */
  modules: Record<string, CatalogueItem>;
}

export const fn = (name: string, signature: string, doc: string): CatalogueItem => ({ name, kind: 'function', signature, doc });
export const table = (name: string, doc: string, members: CatalogueItem[]): CatalogueItem => ({ name, kind: 'table', doc, members });
