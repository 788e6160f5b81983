// House rule 1: the engine and the hosts run unchanged in a browser Worker, a Node worker thread and
// the CLI, so they may import neither Node built-ins, nor React/Next, nor server-only modules.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const PORTABLE = ['lib/lua', 'lib/kruise', 'lib/deepflow'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (name === 'vendor') return [];
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? m[2]);
}

describe('portable modules (browser Worker, worker thread, CLI)', () => {
  for (const dir of PORTABLE) {
    it(`${dir} imports no Node, React, Next or server-only module`, () => {
      const offending = sources(path.join(root, dir)).flatMap((file) =>
        importsOf(file)
          .filter((spec) => /^node:|^(fs|path|os|child_process|worker_threads|crypto)$|^react|^next|^server-only$|^@\/lib\/(k8s|runner|cli)/.test(spec))
          .map((spec) => `${path.relative(root, file)} imports ${spec}`),
      );
      expect(offending).toEqual([]);
    });
  }

  it('never loads fengari-interop or the js library', () => {
    const hits = PORTABLE.flatMap((dir) => sources(path.join(root, dir)))
      .filter((file) => /fengari-interop|luaopen_js|fengari-web/.test(readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '')));
    expect(hits).toEqual([]);
  });
});

describe('dependency direction', () => {
  it('no lib/ file imports app/ (static, dynamic or relative imports)', () => {
    const appDir = path.join(root, 'app');
    const all = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const p = path.join(dir, name);
        if (name === 'vendor' || name === 'node_modules') return [];
        if (statSync(p).isDirectory()) return all(p);
        return /\.(tsx?|mjs)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
      });
    const offending = all(path.join(root, 'lib')).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)].map((m) => m[1]);
      return specs
        .filter((spec) => spec.startsWith('@/app/') || spec === '@/app' || (spec.startsWith('.') && path.resolve(path.dirname(file), spec).startsWith(appDir + path.sep)))
        .map((spec) => `${path.relative(root, file)} imports ${spec}`);
    });
    expect(offending).toEqual([]);
  });
});
