import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { routeSteps } from '@/lib/kruise';
import builtins from '@/lib/lua/vendor/builtin-scripts.mjs';
import { changedLines, lineDiff, stepViews, testSummary } from './routing';
import { named, seedObjects } from './seed-fixture';

const VS = builtins['networking.istio.io/VirtualService'].source;

describe('lineDiff', () => {
  it('marks added and removed lines', () => {
    expect(lineDiff('a\nb\nc\n', 'a\nB\nc\n')).toEqual([
      { type: 'same', text: 'a' }, { type: 'del', text: 'b' }, { type: 'add', text: 'B' }, { type: 'same', text: 'c' },
    ]);
    expect(changedLines(lineDiff('x\n', 'x\n'))).toBe(0);
  });
});

describe('stepViews', () => {
  it('shows the seed frontend Rollout step by step with the built-in VirtualService script', async () => {
    const seed = await seedObjects();
    const rollout = named(seed, 'Rollout', 'shop', 'frontend');
    const gateway = named(seed, 'VirtualService', 'shop', 'frontend');
    const views = stepViews(routeSteps({ rollout, gateway, script: VS, mode: 'controller' }), gateway);
    expect(views.map((v) => v.index)).toEqual([1, 2, 3, 4]);
    expect(views.every((v) => v.error === null && v.producedYaml !== null)).toBe(true);
    expect(views[0].producedYaml).toContain('weight: 20');
    expect(views[0].producedYaml).toContain('kind: VirtualService');
    expect(changedLines(views[0].diff)).toBeGreaterThan(0);
    // replicas-only last step: no Lua, the original is restored
    expect(views[3].ran).toBe(false);
    expect(changedLines(views[3].diff)).toBe(0);
    expect(views[1].producedYaml).toContain('iPhone');
    expect(views[0].test).toBeNull();
  });

  it('reports a runtime error with its line', async () => {
    const seed = await seedObjects();
    const rollout = named(seed, 'Rollout', 'shop', 'frontend');
    const gateway = named(seed, 'VirtualService', 'shop', 'frontend');
    const views = stepViews(routeSteps({ rollout, gateway, script: 'local x = 1\nreturn obj.nope.deeper\n', mode: 'controller' }), gateway);
    expect(views[0].errorLine).toBe(2);
    expect(views[0].producedYaml).toBeNull();
  });

  it('passes an upstream testdata file, and fails an edited step with its diff', () => {
    const tc = parse(readFileSync('lua/networking.istio.io/VirtualService/testdata/upstream_rollout_with_three_steps.yaml', 'utf8'));
    const run = () => routeSteps({ rollout: tc.rollout, gateway: tc.original, script: VS, mode: 'test' });
    const ok = stepViews(run(), tc.original, tc.expected);
    expect(testSummary(ok)).toEqual({ passed: 3, failed: 0 });
    expect(ok.every((v) => changedLines(v.test!.diff) === 0)).toBe(true);
    tc.expected[2].spec.http[0].route[0].weight = 51;
    const bad = stepViews(run(), tc.original, tc.expected);
    expect(testSummary(bad)).toEqual({ passed: 2, failed: 1 });
    expect(bad[2].test!.pass).toBe(false);
    expect(bad[2].test!.diff.filter((l) => l.type === 'del').map((l) => l.text.trim())).toContain('weight: 51');
  });

  it('lints the produced object', async () => {
    const seed = await seedObjects();
    const rollout = named(seed, 'Rollout', 'shop', 'cart');
    const gateway = named(seed, 'VirtualService', 'shop', 'cart');
    const script = 'local d = obj.data\nd.spec.http[1].route[1].weight = 70\nreturn d\n';
    const views = stepViews(routeSteps({ rollout, gateway, script, mode: 'controller' }), gateway);
    expect(views[0].lints.some((l) => /Weights add up to 70/.test(l.message))).toBe(true);
  });
});
