// The one list of Kruise's own built-in scripts (builtin-keys.json) is what both the engine build
// (scripts/build-engine.mjs, which flags the generated scripts) and the host (KRUISE_BUILTIN_KEYS) use.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import generated from '../lua/vendor/builtin-scripts.mjs';
import { KRUISE_BUILTIN_KEYS, kruiseBuiltins } from './script';

describe('Kruise built-in script list', () => {
  it('names scripts that exist under lua/', () => {
    expect(KRUISE_BUILTIN_KEYS).toEqual(['networking.istio.io/VirtualService', 'networking.istio.io/DestinationRule']);
    for (const key of KRUISE_BUILTIN_KEYS) expect(existsSync(path.join(__dirname, '../../lua', key, 'trafficRouting.lua')), key).toBe(true);
  });

  it('is the list the engine build flagged', () => {
    const flagged = Object.entries(generated).filter(([, s]) => s.kruiseBuiltin).map(([k]) => k).sort();
    expect(flagged).toEqual([...KRUISE_BUILTIN_KEYS].sort());
    expect(Object.keys(kruiseBuiltins(generated)).sort()).toEqual([...KRUISE_BUILTIN_KEYS].sort());
    expect(Object.keys(generated).length).toBeGreaterThan(KRUISE_BUILTIN_KEYS.length);
  });
});
