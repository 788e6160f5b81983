// The stale-bundle bug: after an edit to a host or a built-in script, `npm start` must rebuild the
// engine bundles. Checked on a private tree, never the checkout.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs build script without types
import { ENGINE_OUTPUTS, engineFingerprint, engineUpToDate, writeEngineStamp } from './engine-fingerprint.mjs';

const root = mkdtempSync(path.join(tmpdir(), 'kls-engine-fp-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function put(rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
}

put('lib/lua/state.ts', 'export const a = 1;\n');
put('lib/kruise/route.ts', 'export const b = 1;\n');
put('lua/networking.istio.io/VirtualService/trafficRouting.lua', 'return obj.data\n');
put('node_modules/fengari/package.json', '{"version":"0.1.5"}');
for (const out of ENGINE_OUTPUTS as string[]) put(out, 'built');

describe('engine fingerprint', () => {
  it('is up to date right after a build and stale after an edit to an engine input', () => {
    writeEngineStamp(root);
    expect(engineUpToDate(root)).toBe(true);
    for (const [rel, text] of [
      ['lib/kruise/route.ts', 'export const b = 2;\n'],
      ['lib/deepflow/tag.ts', 'export const c = 1;\n'],
      ['lib/runner/protocol.ts', 'export {};\n'],
      ['lua/networking.istio.io/VirtualService/trafficRouting.lua', 'return obj\n'],
      ['node_modules/fengari/package.json', '{"version":"0.1.6"}'],
    ]) {
      put(rel, text);
      expect(engineUpToDate(root), rel).toBe(false);
      writeEngineStamp(root);
      expect(engineUpToDate(root)).toBe(true);
    }
  });

  it('ignores tests and the vendored outputs, which the bundles do not contain', () => {
    const before = engineFingerprint(root);
    put('lib/lua/state.test.ts', 'it()\n');
    put('lib/lua/vendor/fengari.mjs', 'rebuilt');
    put('lua/networking.istio.io/VirtualService/testdata/case.yaml', 'x: 1\n');
    expect(engineFingerprint(root)).toBe(before);
  });

  it('is stale when a bundle is missing', () => {
    writeEngineStamp(root);
    rmSync(path.join(root, 'public/workers/lua-worker.js'));
    expect(engineUpToDate(root)).toBe(false);
  });
});
