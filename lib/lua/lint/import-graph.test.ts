// The editor's diagnostics must not wait for the Lua VM, and a page that imports LuaEditor must not
// pull Monaco in statically: both are properties of the static import graph.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');

function resolve(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = path.join(root, spec.slice(2));
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (existsSync(candidate) && /\.tsx?$/.test(candidate)) return candidate;
  }
  return null;
}

/** Static imports only (`import x from`, `export … from`, `import 'x'`); `import()` is a separate chunk. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s(?:type\s)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm)]
    .filter((m) => !/^\s*(?:import|export)\s+type\s/.test(m[0]))
    .map((m) => m[1] ?? m[2]);
}

function closure(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const stack = [path.join(root, entry)];
  while (stack.length) {
    const file = stack.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const spec of staticImports(file)) {
      const target = resolve(file, spec);
      if (target) stack.push(target);
      else if (!spec.startsWith('.') && !spec.startsWith('@/')) packages.add(spec);
    }
  }
  return { files: [...files].map((f) => path.relative(root, f)).sort(), packages: [...packages].sort() };
}

describe('import graph', () => {
  it('lintLua and checkSyntax load luaparse, never the fengari VM', () => {
    for (const entry of ['lib/lua/lint/index.ts', 'lib/lua/syntax.ts']) {
      const { files, packages } = closure(entry);
      expect(files).toContain('lib/lua/syntax.ts');
      expect(files.filter((f) => /lib\/lua\/(fengari|state|libs|vendor)/.test(f))).toEqual([]);
      expect(packages.filter((p) => p !== 'luaparse')).toEqual([]);
    }
  });

  it('LuaEditor imports Monaco only behind its dynamic import', () => {
    const { files, packages } = closure('components/editor/lua-editor.tsx');
    expect(files).toContain('lib/lua/lint/index.ts');
    expect(files).not.toContain('components/editor/monaco-lua-editor.tsx');
    expect(packages.filter((p) => /monaco|fengari/.test(p))).toEqual([]);
    // and the dynamic import is where Monaco comes in
    expect(closure('components/editor/monaco-lua-editor.tsx').packages).toEqual(expect.arrayContaining(['monaco-editor', '@monaco-editor/react']));
  });
});
