import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import type { Msg } from '@/lib/i18n/message';
import { CATALOGUES } from '@/messages';
import builtinScripts from '@/lib/lua/vendor/builtin-scripts.mjs';
import { ORIGINAL_SPEC_ANNOTATION as KEY } from './input';
import { routeSteps } from './route';
import { kruiseBuiltins } from './script';
import { finaliseObject, liveRoutingState, originalAnnotationValue } from './gateway-write';
import { noRefsError, planFromPredictions, progressingConflict, refKey, restorePlan, rolloutRouteInputs, stepPredictions, guessResource, type RefInput } from './rollout-plan';
import { seedObject } from '@/lib/k8s/testing/shop-seed';

const builtins = kruiseBuiltins(builtinScripts);
const frontend = () => seedObject('Rollout', 'frontend');
const lives = () => ({ 'VirtualService/frontend': seedObject('VirtualService', 'frontend'), 'DestinationRule/frontend': seedObject('DestinationRule', 'frontend') });
const run = (ri: RefInput) => stepPredictions(ri, ri.input ? routeSteps(ri.input) : null, { services: ['frontend'] });

describe('refKey / guessResource', () => {
  it('names refs and resources', () => {
    expect(refKey({ kind: 'VirtualService', name: 'x' })).toBe('VirtualService/x');
    expect(guessResource({ apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService' })).toBe('virtualservices.networking.istio.io');
    expect(guessResource({ apiVersion: 'projectcontour.io/v1', kind: 'HTTPProxy' })).toBe('httpproxies.projectcontour.io');
    expect(guessResource({ apiVersion: 'v1', kind: 'Service' })).toBe('services');
  });
});

describe('rolloutRouteInputs', () => {
  it('builds one input per customNetworkRefs entry with its script', () => {
    const inputs = rolloutRouteInputs({ rollout: frontend(), lives: lives(), configMap: null, builtins });
    expect(inputs.map((i) => [refKey(i.ref), i.script.source, i.error, i.stepCount])).toEqual([
      ['VirtualService/frontend', 'builtin', null, 4],
      ['DestinationRule/frontend', 'builtin', null, 4],
    ]);
    expect(inputs[0].input).toMatchObject({ mode: 'controller', gateway: { kind: 'VirtualService' } });
  });

  it('gives the controller errors: missing object, missing script, empty annotation', () => {
    const rollout = frontend();
    const refs = (rollout.spec as { strategy: { canary: { trafficRoutings: { customNetworkRefs: object[] }[] } } }).strategy.canary.trafficRoutings[0];
    refs.customNetworkRefs = [
      { apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService', name: 'x' },
      { apiVersion: 'projectcontour.io/v1', kind: 'HTTPProxy', name: 'p' },
      { apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService', name: 'empty' },
    ];
    const empty = { apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService', metadata: { name: 'empty', namespace: 'shop', annotations: { [KEY]: '' } }, spec: {} };
    const proxy = { apiVersion: 'projectcontour.io/v1', kind: 'HTTPProxy', metadata: { name: 'p', namespace: 'shop' }, spec: {} };
    const inputs = rolloutRouteInputs({ rollout, lives: { 'HTTPProxy/p': proxy, 'VirtualService/empty': empty }, configMap: { data: {} }, builtins });
    expect(inputs.map((i) => i.error)).toEqual([
      'failed to get custom network provider VirtualService(shop/x): virtualservices.networking.istio.io "x" not found',
      'failed to get lua script for custom network provider HTTPProxy(shop/p): expected script not found neither locally nor in ConfigMap',
      'failed to get original spec from annotation for VirtualService(shop/empty)',
    ]);
    expect(inputs.every((i) => i.input === null)).toBe(true);
    const noCm = rolloutRouteInputs({ rollout, lives: { 'HTTPProxy/p': proxy }, configMap: null, builtins, kruiseNamespace: 'ops' });
    expect(noCm[1].error).toBe('failed to get lua script for custom network provider HTTPProxy(shop/p): failed to get ConfigMap(ops/kruise-rollout-configuration)');
    const preds = stepPredictions(inputs[0], null);
    expect(preds).toHaveLength(4);
    expect(preds.every((p) => p.error === inputs[0].error && p.object === null)).toBe(true);
  });
});

describe('stepPredictions on the seed frontend Rollout', () => {
  const [vsIn, drIn] = rolloutRouteInputs({ rollout: frontend(), lives: lives(), configMap: null, builtins });
  const vsPreds = run(vsIn);
  const drPreds = run(drIn);

  it('computes every step from the stored original', () => {
    expect(vsPreds.map((p) => [p.step, p.ran, p.error])).toEqual([[1, true, null], [2, true, null], [3, true, null], [4, false, null]]);
    const http = (p: { object: object | null }) => (p.object as { spec: { http: { match?: unknown; route: { destination: { host: string }; weight?: number }[] }[] } }).spec.http;
    expect(http(vsPreds[0])[0].route).toEqual([{ destination: { host: 'frontend', subset: 'stable' }, weight: 80 }, { destination: { host: 'frontend-canary' }, weight: 20 }]);
    // step 2: the canary route with the match first, then the stable catch-all
    expect(http(vsPreds[1])[0]).toMatchObject({ match: [{ headers: { 'user-agent': { exact: 'iPhone' }, 'x-shop-beta': { regex: '^(yes|true)$' } } }], route: [{ destination: { host: 'frontend-canary' } }] });
    // the annotation is kept as it was
    const annotations = (vsPreds[0].object as { metadata: { annotations: Record<string, string> } }).metadata.annotations;
    expect(annotations[KEY]).toBe((seedObject('VirtualService', 'frontend').metadata as { annotations: Record<string, string> }).annotations[KEY]);
    // replicas-only step: no Lua, the original restored (no annotation)
    expect(vsPreds[3].object).toEqual(finaliseObject(seedObject('VirtualService', 'frontend')).object);
  });

  it('lints the produced objects: the canary Service does not exist', () => {
    expect(vsPreds[0].lints).toContainEqual(expect.objectContaining({ severity: 'warning', message: expect.stringContaining('"frontend-canary" does not exist') }));
    expect(vsPreds[3].lints).toEqual([]);
  });

  it('plans step 1 over both refs: the DestinationRule stores its original', () => {
    const plan = planFromPredictions([vsIn, drIn], [vsPreds, drPreds], 1);
    expect(plan.ready).toBe(true);
    expect(plan.errors).toEqual([]);
    expect(plan.changes.map((c) => [refKey(c.ref), c.changed, c.storesOriginal])).toEqual([['VirtualService/frontend', true, false], ['DestinationRule/frontend', true, true]]);
    const dr = plan.changes[1].after as { metadata: { annotations: Record<string, string> } };
    expect(dr.metadata.annotations[KEY]).toBe(originalAnnotationValue(seedObject('DestinationRule', 'frontend')));
    // once written, the live object equals step 1's prediction
    expect(liveRoutingState(plan.changes[0].after!, vsPreds)).toMatchObject({ annotated: true, equalsSteps: [1] });
  });

  it('refuses the whole plan when one ref fails, and names a step that does not exist', () => {
    const broken = { ...vsIn, input: { ...vsIn.input!, script: 'local x = nil\nreturn x.y' } };
    const failed = stepPredictions(broken, routeSteps(broken.input));
    expect(failed[0].error).toMatch(/^failed to execute lua for VirtualService\(shop\/frontend\): <string>:2: /);
    const plan = planFromPredictions([broken, drIn], [failed, drPreds], 1);
    expect(plan.ready).toBe(false);
    expect(plan.changes[0]).toMatchObject({ after: null, changed: false, error: failed[0].error });
    expect(planFromPredictions([vsIn], [vsPreds], 9)).toMatchObject({ ready: false, errors: ['the Rollout has no step 9 (it has 4)'] });
    expect(planFromPredictions([], [], 1).ready).toBe(false);
  });

  it('a malformed annotation: the built-in script fails on the empty original', () => {
    const live = seedObject('VirtualService', 'frontend');
    (live.metadata as { annotations: Record<string, string> }).annotations[KEY] = '{"spec":';
    const [ri] = rolloutRouteInputs({ rollout: frontend(), lives: { 'VirtualService/frontend': live }, configMap: null, builtins });
    expect(ri.error).toBeNull();
    const preds = stepPredictions(ri, routeSteps(ri.input!));
    expect(preds[0].error).toMatch(/^failed to execute lua for VirtualService\(shop\/frontend\): /);
  });
});

describe('restorePlan', () => {
  it('restores annotated objects and skips the rest', () => {
    const vs = seedObject('VirtualService', 'frontend');
    const dr = seedObject('DestinationRule', 'frontend');
    const plan = restorePlan([{ ref: { apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService', name: 'frontend' }, live: vs }, { ref: { apiVersion: 'networking.istio.io/v1beta1', kind: 'DestinationRule', name: 'frontend' }, live: dr }, { ref: { apiVersion: 'x/v1', kind: 'X', name: 'gone' }, live: null }]);
    expect(plan.ready).toBe(true);
    expect(plan.changes.map((c) => c.changed)).toEqual([true, false, false]);
    expect(plan.changes[0].after).toEqual(finaliseObject(vs).object);
    expect(plan.changes[1].after).toBe(dr);
    expect(plan.changes[2]).toMatchObject({ before: null, after: null });
  });
});

describe('progressingConflict', () => {
  it('warns for a Progressing Rollout with custom network refs only', () => {
    expect(progressingConflict(frontend())).toEqual({
      text: 'Rollout shop/frontend is Progressing on this object: the controller will overwrite manual changes on its next reconcile.',
      msg: { key: 'rollouts.conflict.progressingThis', values: { owner: 'Rollout shop/frontend' } },
    });
    expect(progressingConflict(seedObject('Rollout', 'cart'))).toBeNull();
  });
});

describe('the seed catalog (v1alpha1) served unconverted as v1beta1', () => {
  it('routes the same weights as labelled v1alpha1', () => {
    const alpha = seedObject('Rollout', 'catalog');
    const beta = { ...structuredClone(alpha), apiVersion: 'rollouts.kruise.io/v1beta1' };
    const catalogLives = { 'VirtualService/catalog': seedObject('VirtualService', 'catalog') };
    const run = (rollout: unknown) => {
      const [ri] = rolloutRouteInputs({ rollout, lives: catalogLives, configMap: null, builtins });
      expect(ri).toMatchObject({ stepCount: 4, error: null });
      return stepPredictions(ri, routeSteps(ri.input!));
    };
    const a = run(alpha);
    const b = run(beta);
    expect(b).toEqual(a);
    expect(b.map((p) => p.ran)).toEqual([true, true, true, true]);
    const weights = (p: (typeof b)[number]) => (p.object as { spec: { http: { route: { weight?: number }[] }[] } }).spec.http.at(-1)!.route.map((r) => r.weight);
    expect(weights(b[0])).toEqual([90, 10]);
  });
});

describe('a TrafficRouting CR', () => {
  it('routes once, canary = stable (subset canary)', () => {
    const tr = {
      apiVersion: 'rollouts.kruise.io/v1alpha1', kind: 'TrafficRouting', metadata: { name: 'tr', namespace: 'shop' },
      spec: { strategy: { weight: 30 }, objectRef: [{ service: 'frontend', customNetworkRefs: [{ apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService', name: 'frontend' }] }] },
    };
    const [ri] = rolloutRouteInputs({ rollout: tr, lives: lives(), configMap: null, builtins });
    expect(ri).toMatchObject({ stepCount: 1, error: null, input: { trafficRouting: tr } });
    const [p] = stepPredictions(ri, routeSteps(ri.input!));
    expect((p.object as { spec: { http: { route: unknown[] }[] } }).spec.http[0].route).toEqual([
      { destination: { host: 'frontend', subset: 'stable' }, weight: 70 }, { destination: { host: 'frontend', subset: 'canary' }, weight: 30 },
    ]);
  });
});

describe('plan errors for the page', () => {
  const en = createTranslator({ locale: 'en', messages: CATALOGUES.en });
  const zh = createTranslator({ locale: 'zh-CN', messages: CATALOGUES['zh-CN'] });
  const text = (m: Msg, t: typeof en) => (t as unknown as (k: string, v?: Msg['values']) => string)(m.key, m.values);
  const expectSays = (m: Msg | null | undefined, english: string) => {
    expect(m).toBeTruthy();
    expect(text(m!, en)).toBe(english);
    const chinese = text(m!, zh);
    expect(chinese).not.toBe(english);
    expect(chinese).toMatch(/\p{Script=Han}/u);
  };

  it("the studio's own sentences carry descriptors, index for index; the controller's do not", () => {
    const none = planFromPredictions([], [], 1);
    expect(none.errors).toEqual(['This Rollout has no customNetworkRefs: there is no gateway object to write.']);
    expectSays(none.errorMsgs[0], none.errors[0]);
    expectSays(noRefsError('restore').msg, 'This Rollout has no customNetworkRefs: there is no gateway object to restore.');
    expect(noRefsError('restore').text).toBe('This Rollout has no customNetworkRefs: there is no gateway object to restore.');

    const ri = { ref: { apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService', name: 'web' }, namespace: 'shop', live: {}, script: {} as never, input: null, error: null, stepCount: 4 } as RefInput;
    const noStep = planFromPredictions([ri], [[]], 9);
    expect(noStep.errors).toEqual(['the Rollout has no step 9 (it has 4)']);
    expectSays(noStep.errorMsgs[0], noStep.errors[0]);
    expect(noStep.changes[0].errorMsg).toEqual(noStep.errorMsgs[0]);

    const failed = planFromPredictions([{ ...ri, error: 'failed to get lua script for custom network provider VirtualService(shop/web): boom' }], [[]], 1);
    expect(failed.errorMsgs).toEqual([null]);
    expect(failed.changes[0].errorMsg).toBeUndefined();
  });
});
