import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { routeSteps, runTestCase } from '@/lib/kruise';
import builtins from '@/lib/lua/vendor/builtin-scripts.mjs';
import { deepflowCtlCommand, luaFileName, routingTestdataYaml, safeFileName } from './exports';
import { parseTestdata } from './input';
import { named, seedObjects } from './seed-fixture';

const VS = builtins['networking.istio.io/VirtualService'].source;

describe('file names', () => {
  it('are shell and file-system safe', () => {
    expect(luaFileName('my plugin')).toBe('my-plugin.lua');
    expect(luaFileName('x.lua')).toBe('x.lua');
    expect(luaFileName('../../etc')).toBe('etc.lua');
    expect(safeFileName('  ')).toBe('script');
  });
});

describe('routingTestdataYaml', () => {
  it('exports a seed Rollout case that Kruise-style replay passes', async () => {
    const seed = await seedObjects();
    const rollout = named(seed, 'Rollout', 'shop', 'cart');
    const gateway = named(seed, 'VirtualService', 'shop', 'cart');
    const out = routeSteps({ rollout, gateway, script: VS, mode: 'test' });
    const { yaml, skipped } = routingTestdataYaml({ rollout, original: gateway, results: out.steps.map((s) => s.result) });
    expect(skipped).toEqual([]);
    const parsed = parseTestdata(yaml);
    expect(parsed.ok).toBe(true);
    expect(yaml).not.toContain('uid:');
    expect(yaml).not.toContain('status:');
    const replay = runTestCase(parse(yaml), VS);
    expect(replay.steps).toHaveLength(4);
    expect(replay.steps.every((s) => s.pass)).toBe(true);
  });

  it('re-exports an upstream file to the same verdicts', () => {
    const text = readFileSync('lua/networking.istio.io/VirtualService/testdata/upstream_rollout_with_three_steps.yaml', 'utf8');
    const tc = parse(text);
    const out = routeSteps({ rollout: tc.rollout, gateway: tc.original, script: VS, mode: 'test' });
    const { yaml } = routingTestdataYaml({ rollout: tc.rollout, original: tc.original, results: out.steps.map((s) => s.result) });
    expect(runTestCase(parse(yaml), VS).steps.map((s) => s.pass)).toEqual([true, true, true]);
  });

  it('leaves failed steps out of expected and says so', () => {
    const { yaml, skipped } = routingTestdataYaml({ trafficRouting: { kind: 'TrafficRouting' }, original: { kind: 'VirtualService', metadata: { name: 'v' } }, results: [null, { spec: { a: 1 } }] });
    expect(skipped).toEqual([1]);
    expect(yaml).toContain('# Steps 1 failed');
    expect(parse(yaml).expected).toEqual([{ kind: 'VirtualService', metadata: { name: 'v' }, spec: { a: 1 } }]);
  });
});

describe('deepflowCtlCommand', () => {
  it('writes the file and registers it as a server Lua plugin', () => {
    const cmd = deepflowCtlCommand('opengauss', 'return 1');
    expect(cmd).toBe("cat > opengauss.lua <<'EOF'\nreturn 1\nEOF\ndeepflow-ctl plugin create --type lua --image opengauss.lua --name opengauss --user server\n");
  });
  it('never lets the source end the here-document', () => {
    const cmd = deepflowCtlCommand('p', 'a\nEOF\nb\n');
    expect(cmd).toContain("<<'EOF_0'\na\nEOF\nb\nEOF_0\n");
  });
});
