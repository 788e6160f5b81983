// The plan over golden data: every `rollout` testdata file under lua/ (and the upstream copies) whose
// steps all run Lua behaves the same in controller mode as in Kruise's TestLuaScript, so the written
// objects must equal `expected`, carry the stored original, be recognised by liveRoutingState, and
// restore to the original byte for byte.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import builtinScripts from '@/lib/lua/vendor/builtin-scripts.mjs';
import { canonicalJson, expectedData } from './expected';
import { finaliseObject, liveRoutingState, originalAnnotationValue } from './gateway-write';
import { ORIGINAL_SPEC_ANNOTATION as KEY } from './input';
import { routeSteps } from './route';
import { planFromPredictions, refKey, restorePlan, rolloutRouteInputs, stepPredictions } from './rollout-plan';

const root = path.resolve(__dirname, '../..');
type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function cases(): { file: string; key: string; tc: Obj }[] {
  const out: { file: string; key: string; tc: Obj }[] = [];
  const lua = path.join(root, 'lua');
  for (const group of readdirSync(lua)) {
    let kinds: string[];
    try { kinds = readdirSync(path.join(lua, group)); } catch { continue; }
    for (const kind of kinds) {
      const dir = path.join(lua, group, kind, 'testdata');
      let files: string[];
      try { files = readdirSync(dir); } catch { continue; }
      for (const f of files.filter((x) => x.endsWith('.yaml'))) out.push({ file: `${group}/${kind}/${f}`, key: `${group}/${kind}`, tc: parse(readFileSync(path.join(dir, f), 'utf8')) });
    }
  }
  return out;
}

const controllerLike = (tc: Obj) => {
  const canary = tc.rollout?.spec?.strategy?.canary;
  return canary && !canary.disableGenerateCanaryService && canary.steps.every((s: Obj) => s.traffic !== undefined || (Array.isArray(s.matches) && s.matches.length > 0));
};

const selected = cases().filter((c) => controllerLike(c.tc));

describe('rollout plan over the testdata', () => {
  it('finds rollout cases to replay', () => {
    expect(selected.map((c) => c.file)).toContain('networking.istio.io/VirtualService/upstream_rollout_with_three_steps.yaml');
    expect(selected.length).toBeGreaterThan(5);
  });

  for (const { file, key, tc } of selected) {
    it(file, () => {
      // the ref must name the object under test: point it at the original, as the upstream test does by directory
      const original: Obj = structuredClone(tc.original);
      original.metadata = { namespace: 'shop', ...original.metadata };
      const rollout: Obj = structuredClone(tc.rollout);
      rollout.metadata = { ...rollout.metadata, namespace: 'shop' };
      rollout.spec.strategy.canary.trafficRoutings[0].customNetworkRefs = [{ apiVersion: original.apiVersion, kind: original.kind, name: original.metadata.name }];
      const builtins = { [key]: builtinScripts[key].source };
      const [ri] = rolloutRouteInputs({ rollout, lives: { [refKey({ kind: original.kind, name: original.metadata.name })]: original }, configMap: { data: {} }, builtins });
      expect(ri.error).toBeNull();
      const preds = stepPredictions(ri, routeSteps(ri.input!));
      expect(preds).toHaveLength(tc.expected.length);
      preds.forEach((p, i) => {
        expect(p.error).toBeNull();
        const o = p.object as Obj;
        const { [KEY]: stored, ...annotations } = o.metadata.annotations;
        expect(stored).toBe(originalAnnotationValue(original));
        const written = expectedData({ spec: o.spec, metadata: { labels: o.metadata.labels, annotations } });
        expect(canonicalJson(written)).toBe(canonicalJson(expectedData(tc.expected[i])));
        expect(liveRoutingState(o, preds).equalsSteps).toContain(p.step);
        // restore gives the original back: the same Go JSON (Kruise's own compare; map keys come back
        // sorted, as Go writes them), the same labels/annotations, no annotation
        const restored = finaliseObject(o).object as Obj;
        expect(originalAnnotationValue(restored)).toBe(stored);
        expect(canonicalJson(restored.spec)).toBe(canonicalJson(original.spec));
        expect(restored.metadata.labels).toEqual(original.metadata.labels && Object.keys(original.metadata.labels).length ? original.metadata.labels : undefined);
        expect(restored.metadata.annotations).toEqual(original.metadata.annotations && Object.keys(original.metadata.annotations).length ? original.metadata.annotations : undefined);
      });
      const plan = planFromPredictions([ri], [preds], 1);
      expect(plan).toMatchObject({ ready: true, errors: [] });
      expect(plan.changes[0]).toMatchObject({ storesOriginal: true, changed: true });
      const back = restorePlan([{ ref: ri.ref, live: plan.changes[0].after }]);
      expect(liveRoutingState(back.changes[0].after!, []).annotated).toBe(false);
    });
  }
});
