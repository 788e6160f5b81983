import { describe, expect, it } from 'vitest';
import { catalogueFor, docIn, type CatalogueItem } from './index';

function walk(items: Iterable<CatalogueItem>, at: string, out: [string, CatalogueItem][], seen: Set<CatalogueItem>): void {
  for (const item of items) {
    if (seen.has(item)) continue;
    seen.add(item);
    const path = at ? `${at}.${item.name}` : item.name;
    out.push([path, item]);
    walk(item.members ?? [], path, out, seen);
  }
}

const ALL: [string, CatalogueItem][] = [];
for (const d of ['kruise', 'deepflow', 'cluster'] as const) {
  const cat = catalogueFor(d);
  walk([...cat.globals, ...Object.values(cat.modules)], '', ALL, new Set());
}
const CJK = /\p{Script=Han}/u;
const codeSpans = (s: string) => (s.match(/`[^`]+`/g) ?? []).sort();

describe('catalogue docs in both languages', () => {
  it('every entry has an English and a Chinese doc', () => {
    expect(ALL.length).toBeGreaterThan(200);
    expect(ALL.filter(([, i]) => !i.doc.trim()).map(([p]) => p)).toEqual([]);
    // A Chinese doc is Chinese, unless it holds no words at all outside code (`π。`, `e^x。`).
    const untranslated = ([, i]: [string, CatalogueItem]) => !CJK.test(i.zh) && /[A-Za-z]{2,}/.test(i.zh.replace(/`[^`]+`/g, ''));
    expect(ALL.filter(untranslated).map(([p]) => p)).toEqual([]);
  });

  it('identifiers and code samples are never translated: the Chinese doc quotes the same code', () => {
    expect(ALL.filter(([, i]) => codeSpans(i.doc).join('\n') !== codeSpans(i.zh).join('\n')).map(([p]) => p)).toEqual([]);
  });

  it('docIn picks the locale, English for anything else', () => {
    const obj = catalogueFor('kruise').globals.find((g) => g.name === 'obj')!;
    expect(docIn(obj, 'zh-CN')).toContain('Kruise 在每个步骤');
    expect(docIn(obj, 'en')).toBe(obj.doc);
    expect(docIn(obj, 'fr')).toBe(obj.doc);
  });
});
