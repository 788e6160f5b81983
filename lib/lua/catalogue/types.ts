// What a script can reach, as documentation data: the editor's completions and hover docs, and the
// lint's allow-list of globals, both read it.
export type CatalogueKind = 'function' | 'method' | 'table' | 'field' | 'constant' | 'module';

/** The languages docs are written in (the studio's locales; kept here so lib/lua imports no i18n code). */
export type DocLocale = 'en' | 'zh-CN';

export interface CatalogueItem {
  name: string;
  kind: CatalogueKind;
  /** Call shape, e.g. `json.encode(value) -> string | nil, err`. Never translated. */
  signature?: string;
  /** Markdown, English (also what the CLI and tests read). */
  doc: string;
  /** The same doc in Simplified Chinese; identifiers and code stay as in `doc`. */
  zh: string;
  members?: CatalogueItem[];
}

export interface DialectCatalogue {
  /** Globals of the target engine (host globals included). */
  globals: CatalogueItem[];
  /** What `require(name)` returns, for modules a script loads (dkjson, kube.api). */
  modules: Record<string, CatalogueItem>;
}

export const fn = (name: string, signature: string, doc: string, zh: string): CatalogueItem => ({ name, kind: 'function', signature, doc, zh });
export const table = (name: string, doc: string, zh: string, members: CatalogueItem[]): CatalogueItem => ({ name, kind: 'table', doc, zh, members });

/** The doc of `item` in `locale`. */
export function docIn(item: CatalogueItem, locale: string): string {
  return locale === 'zh-CN' ? item.zh : item.doc;
}
