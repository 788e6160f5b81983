// The browser bundle is what users' scripts actually run in: check the built artefact, not only the
// sources, for the two things lua-dialect.md §6–§7 forbid.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(path.join(tmpdir(), 'kls-bundle-'));
let code = '';

describe('the browser Lua worker bundle', () => {
  beforeAll(async () => {
    // @ts-expect-error plain .mjs build script without types
    const build = await import('../../scripts/build-engine.mjs');
    code = readFileSync(await build.bundleBrowserWorker(path.join(dir, 'lua-worker.js')), 'utf8');
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('contains no fengari js interop library', () => {
    expect(code.length).toBeGreaterThan(100_000);
    expect(code).not.toMatch(/fengari-interop|luaopen_js|fengari-web/);
  });

  it('references no Node `process` (fengari took its browser paths)', () => {
    expect(code.replace(/"[^"\n]*"/g, '')).not.toMatch(/\bprocess\b/);
  });
});
