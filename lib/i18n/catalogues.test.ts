// The two languages stay in step: the same keys, messages that parse as ICU, the same arguments
// on both sides, and every message key that `lib/` hands to components (msg('…')) exists.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '@/messages';

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.literal || e.type === TYPE.pound) continue;
    if (e.type === TYPE.tag) {
      into.add(`<${e.value}>`);
      argumentsOf(e.children, into);
      continue;
    }
    into.add(e.value);
    if (e.type === TYPE.plural || e.type === TYPE.select) for (const o of Object.values(e.options)) argumentsOf(o.value, into);
  }
  return into;
}

const en = flatten(CATALOGUES.en as unknown as Tree);
const zh = flatten(CATALOGUES['zh-CN'] as unknown as Tree);

describe('message catalogues', () => {
  it('zh-CN has every English key and no other', () => {
    expect([...en.keys()].filter((k) => !zh.has(k)), 'missing in zh-CN').toEqual([]);
    expect([...zh.keys()].filter((k) => !en.has(k)), 'missing in en').toEqual([]);
  });

  it('every message parses as ICU and both languages take the same arguments', () => {
    const problems: string[] = [];
    for (const [key, text] of en) {
      const other = zh.get(key);
      if (!text.trim() || (other !== undefined && !other.trim())) problems.push(`${key}: empty`);
      try {
        const a = [...argumentsOf(parse(text))].sort();
        if (other === undefined) continue;
        const b = [...argumentsOf(parse(other))].sort();
        if (a.join() !== b.join()) problems.push(`${key}: en takes {${a.join(', ')}}, zh-CN takes {${b.join(', ')}}`);
      } catch (e) {
        problems.push(`${key}: ${(e as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every key that lib/ hands to components exists', () => {
    const root = join(__dirname, '..');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) files.push(p);
      }
    };
    walk(root);
    const missing: string[] = [];
    for (const f of files) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\bmsg\(\s*'([^']+)'/g)) {
        if (!en.has(m[1]!)) missing.push(`${relative(root, f)}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
