// Conformance of the built-in routing scripts with Kruise Rollout (kruise-routing.md §8, §10):
// upstream's own test cases, our testdata next to every script, and the golden outputs of §8.1/§8.2
// that only the controller path (production encoder, controller `obj`) shows.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { routeSteps, runStep, runTestCase } from './index';

const root = path.resolve(__dirname, '../..');
const luaDir = path.join(root, 'lua');
const upstreamDir = path.resolve(root, '../shared/reference/kruise-testdata');
const script = (key: string) => readFileSync(path.join(luaDir, key, 'trafficRouting.lua'), 'utf8');
const VS = script('networking.istio.io/VirtualService');
const DR = script('networking.istio.io/DestinationRule');

const yamlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? yamlFiles(path.join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [path.join(dir, e.name)] : []));

function expectCasePasses(file: string, source: string) {
  const result = runTestCase(parse(readFileSync(file, 'utf8')), source);
  expect(result.inputErrors).toEqual([]);
  expect(result.steps.length).toBeGreaterThan(0);
  for (const step of result.steps) {
    expect({ step: step.index, error: step.error, actual: step.actual }).toEqual({ step: step.index, error: null, actual: step.expected });
    expect(step.pass).toBe(true);
  }
}

describe.skipIf(!existsSync(upstreamDir))("Kruise's own test cases (../shared/reference/kruise-testdata)", () => {
  const files = existsSync(upstreamDir) ? yamlFiles(upstreamDir) : [];
  it('finds the 5 upstream cases', () => expect(files).toHaveLength(5));
  // The directory names the script under test, as in upstream's TestLuaScript.
  it.each(files.map((f) => [path.relative(upstreamDir, f), f]))('%s', (_, file) => {
    const key = path.relative(upstreamDir, path.dirname(file)).split(path.sep).join('/');
    expectCasePasses(file, script(key));
  });
});
if (!existsSync(upstreamDir)) {
  console.warn(`\n!!! ${upstreamDir} is missing: Kruise's upstream test cases were NOT replayed !!!\n`);
}

describe('testdata next to every script in lua/', () => {
  const cases = yamlFiles(luaDir).filter((f) => path.basename(path.dirname(f)) === 'testdata');
  it('has testdata for every script', () => {
    const scripts = new Set(cases.map((f) => path.dirname(path.dirname(f))));
    expect([...scripts].sort()).toEqual(
      readdirSync(luaDir).flatMap((g) => readdirSync(path.join(luaDir, g)).map((k) => path.join(luaDir, g, k))).sort(),
    );
  });
  it.each(cases.map((f) => [path.relative(luaDir, f), f]))('%s', (_, file) => {
    expectCasePasses(file, readFileSync(path.join(path.dirname(file), '..', 'trafficRouting.lua'), 'utf8'));
  });
});

// ---- §8.1 / §8.2 golden rows on the controller path --------------------------------------------

const rollout = (steps: object[], service = 'svc-demo', extra: object = {}) => ({
  apiVersion: 'rollouts.kruise.io/v1beta1',
  kind: 'Rollout',
  metadata: { name: 'demo' },
  spec: { strategy: { canary: { steps, trafficRoutings: [{ service, customNetworkRefs: [{ apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService', name: 'vs' }] }], ...extra } } },
});
const trafficRouting = (strategy: object, service = 'svc') => ({
  apiVersion: 'rollouts.kruise.io/v1alpha1',
  kind: 'TrafficRouting',
  metadata: { name: 'tr' },
  spec: { strategy, objectRef: [{ service, customNetworkRefs: [{ apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService', name: 'vs' }] }] },
});
const vs = (spec: object, metadata: object = {}) => ({ apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService', metadata: { name: 'vs', ...metadata }, spec });
const dr = (spec: object) => ({ apiVersion: 'networking.istio.io/v1beta1', kind: 'DestinationRule', metadata: { name: 'dr' }, spec });
const dest = (host: string, weight?: number, subset?: string) => ({ destination: { host, ...(subset ? { subset } : {}) }, ...(weight === undefined ? {} : { weight }) });
const only = (out: ReturnType<typeof routeSteps>) => {
  expect(out.inputErrors).toEqual([]);
  expect(out.steps).toHaveLength(1);
  return out.steps[0];
};
/** The message the controller would log (the engine maps fengari's text where it knows how). */
const productionError = (step: { error: string | null; production?: string }) => step.production ?? step.error;

describe('§8.1 VirtualService golden outputs (controller mode)', () => {
  it('canaryWeight -1 sends everything to the canary (the script is run directly: the controller never runs a replicas-only step)', () => {
    const obj = { data: { spec: { http: [{ route: [dest('svc-demo')] }] } }, canaryWeight: -1, stableWeight: 101, canaryService: 'svc-demo-canary', stableService: 'svc-demo' };
    expect(runStep(VS, obj, 'controller').result).toEqual({ spec: { http: [{ route: [dest('svc-demo', 0), dest('svc-demo-canary', 100)] }] } });
  });

  it('a replicas-only step runs no Lua and shows the original', () => {
    const gateway = vs({ gateways: [], http: [{ route: [dest('svc-demo')] }] });
    const step = only(routeSteps({ rollout: rollout([{ replicas: 1 }]), gateway, script: VS }));
    expect(step).toMatchObject({ ran: false, error: null, result: { spec: { gateways: [], http: [{ route: [dest('svc-demo')] }] } } });
  });

  it('33 %: a rule is rescaled once per stable route; match rules, other hosts and tcp as documented', () => {
    const spec = {
      http: [
        { route: [dest('svc-demo.ns.svc.cluster.local', 70, 'a'), dest('svc-demo', 30, 'b')] },
        { match: [{ uri: { prefix: '/x' } }], route: [dest('svc-demo')] },
        { route: [dest('other')] },
      ],
      tcp: [{ route: [dest('svc-demo'), dest('svc-demo'), dest('svc-demo')] }],
    };
    const step = only(routeSteps({ rollout: rollout([{ traffic: '33%' }]), gateway: vs(spec), script: VS }));
    expect(step.result).toEqual({
      spec: {
        http: [
          { route: [dest('svc-demo.ns.svc.cluster.local', 30, 'a'), dest('svc-demo', 13, 'b'), dest('svc-demo-canary', 22), dest('svc-demo-canary', 33)] },
          spec.http[1],
          spec.http[2],
        ],
        tcp: [{ route: [dest('svc-demo', 9), dest('svc-demo', 9), dest('svc-demo', 9), dest('svc-demo-canary', 14), dest('svc-demo-canary', 22), dest('svc-demo-canary', 33)] }],
      },
    });
  });

  it.each([
    ['5%', [44, 44, 4, 5]],
    ['25%', [27, 27, 18, 25]],
    ['33%', [22, 22, 22, 33]],
  ])('two stable subsets at %s give %j', (traffic, [a, b, c1, c2]) => {
    const spec = { http: [{ route: [dest('svc-demo', 50, 'a'), dest('svc-demo', 50, 'b')] }] };
    const step = only(routeSteps({ rollout: rollout([{ traffic }]), gateway: vs(spec), script: VS }));
    expect(step.result).toEqual({ spec: { http: [{ route: [dest('svc-demo', a, 'a'), dest('svc-demo', b, 'b'), dest('svc-demo-canary', c1), dest('svc-demo-canary', c2)] }] } });
  });

  it('20 % with a path / queryParams / headers match and an add/remove modifier: match mode wins', () => {
    const match = { path: { type: 'PathPrefix', value: '/api' }, queryParams: [{ type: 'RegularExpression', name: 'uid', value: '1.*' }], headers: [{ type: 'Exact', name: 'x', value: '1' }] };
    const modifier = { add: [{ name: 'a', value: '1' }], remove: ['r1', 'r2'] };
    const original = { route: [dest('svc-demo')] };
    const step = only(routeSteps({ rollout: rollout([{ traffic: '20%', matches: [match], requestHeaderModifier: modifier }]), gateway: vs({ http: [original] }), script: VS }));
    expect(step.result).toEqual({
      spec: {
        http: [
          { headers: { request: { add: { a: '1' }, remove: ['r1', 'r2'] } }, match: [{ headers: { x: { exact: '1' } }, queryParams: { uid: { regex: '1.*' } }, uri: { prefix: '/api' } }], route: [dest('svc-demo-canary')] },
          original,
        ],
      },
    });
  });

  it('a header without type fails with `table index is nil` on line 76', () => {
    const step = only(routeSteps({ rollout: rollout([{ matches: [{ headers: [{ name: 'x', value: '1' }] }] }]), gateway: vs({ http: [{ route: [dest('svc-demo')] }] }), script: VS }));
    expect(step.result).toBeNull();
    expect(productionError(step)).toMatch(/^<string>:76: table index is nil/);
  });

  it('a path without type before any typed condition fails on line 63 (we always take path first)', () => {
    const matches = [{ path: { value: '/x' }, headers: [{ type: 'Exact', name: 'a', value: '1' }] }];
    const step = only(routeSteps({ rollout: rollout([{ matches }]), gateway: vs({ http: [{ route: [dest('svc-demo')] }] }), script: VS }));
    expect(productionError(step)).toMatch(/^<string>:63: table index is nil/);
  });

  it('10 %: empty arrays and objects become null; labels and annotations are kept', () => {
    const gateway = vs({ gateways: [], hosts: ['*'], http: [{ headers: {}, route: [dest('svc-demo')] }] }, { labels: { a: 'b' }, annotations: { k: 'v' } });
    const step = only(routeSteps({ rollout: rollout([{ traffic: '10%' }]), gateway, script: VS }));
    expect(JSON.stringify(step.result, ['spec', 'gateways', 'hosts', 'http', 'headers', 'route', 'destination', 'host', 'weight', 'labels', 'a', 'annotations', 'k'])).toBe(
      '{"spec":{"gateways":null,"hosts":["*"],"http":[{"headers":null,"route":[{"destination":{"host":"svc-demo"},"weight":90},{"destination":{"host":"svc-demo-canary"},"weight":10}]}]},"labels":{"a":"b"},"annotations":{"k":"v"}}',
    );
  });

  it('match mode without spec.http fails with `bad argument #1 to insert` on line 113', () => {
    const step = only(routeSteps({ rollout: rollout([{ matches: [{ headers: [{ type: 'Exact', name: 'x', value: '1' }] }] }]), gateway: vs({ tcp: [{ route: [dest('svc-demo')] }] }), script: VS }));
    expect(step.result).toBeNull();
    expect(productionError(step)).toMatch(/^<string>:113: bad argument #1 to insert \(table expected, got nil\)/);
  });

  it('20 %, no matches, canary = stable = svc, modifier {}: the subset `canary`', () => {
    const step = only(routeSteps({ trafficRouting: trafficRouting({ weight: 20, requestHeaderModifier: {} }), gateway: vs({ http: [{ route: [dest('svc')] }] }), script: VS }));
    expect(step.obj).not.toHaveProperty('matches'); // the controller passes nil, Kruise's test an empty table
    expect(step.result).toEqual({ spec: { http: [{ route: [dest('svc', 80), dest('svc', 20, 'canary')] }] } });
  });

  it('an empty requestHeaderModifier gives "headers":{"request":null}', () => {
    const steps = [{ matches: [{ headers: [{ type: 'Exact', name: 'a', value: 'b' }] }], requestHeaderModifier: {} }];
    const step = only(routeSteps({ rollout: rollout(steps, 'svc'), gateway: vs({ http: [{ route: [dest('svc')] }] }), script: VS }));
    expect(step.result).toEqual({ spec: { http: [{ headers: { request: null }, match: [{ headers: { a: { exact: 'b' } } }], route: [dest('svc-canary')] }, { route: [dest('svc')] }] } });
  });

  it('two conditions on one header collapse to the last; matches are inserted in reverse order', () => {
    const matches = [{ headers: [{ type: 'Exact', name: 'a', value: '1' }, { type: 'Exact', name: 'a', value: '2' }] }, { headers: [{ type: 'Exact', name: 'b', value: '1' }] }];
    const step = only(routeSteps({ rollout: rollout([{ matches }]), gateway: vs({ http: [{ route: [dest('svc-demo')] }] }), script: VS }));
    expect(step.result).toEqual({
      spec: { http: [{ match: [{ headers: { b: { exact: '1' } } }], route: [dest('svc-demo-canary')] }, { match: [{ headers: { a: { exact: '2' } } }], route: [dest('svc-demo-canary')] }, { route: [dest('svc-demo')] }] },
    });
  });

  it('100 %: svc w0, svc-canary w100', () => {
    const step = only(routeSteps({ rollout: rollout([{ traffic: '100%' }], 'svc'), gateway: vs({ http: [{ route: [dest('svc', 100)] }] }), script: VS }));
    expect(step.result).toEqual({ spec: { http: [{ route: [dest('svc', 0), dest('svc-canary', 100)] }] } });
  });

  it('disableGenerateCanaryService routes to the subset `canary` of the stable host', () => {
    const step = only(routeSteps({ rollout: rollout([{ traffic: '30%' }], 'svc', { disableGenerateCanaryService: true }), gateway: vs({ http: [{ route: [dest('svc')] }] }), script: VS }));
    expect(step.result).toEqual({ spec: { http: [{ route: [dest('svc', 70), dest('svc', 30, 'canary')] }] } });
  });

  it('weight mode with an unmatched rule without route fails (a catch-all redirect)', () => {
    const step = only(routeSteps({ rollout: rollout([{ traffic: '20%' }]), gateway: vs({ http: [{ redirect: { uri: '/maintenance' } }] }), script: VS }));
    expect(step.result).toBeNull();
    expect(step.error).not.toBeNull();
  });

  it('weight mode with an unmatched rule without route fails with the production message on line 24', () => {
    const step = only(routeSteps({ rollout: rollout([{ traffic: '20%' }]), gateway: vs({ http: [{ redirect: { uri: '/maintenance' } }] }), script: VS }));
    expect(productionError(step)).toMatch(/^<string>:24: bad argument #1 to ipairs \(table expected, got nil\)/);
  });

  it('is deterministic', () => {
    const input = { rollout: rollout([{ matches: [{ path: { type: 'Exact', value: '/a' }, headers: [{ type: 'Exact', name: 'a', value: '1' }] }] }, { traffic: '40%' }]), gateway: vs({ http: [{ route: [dest('svc-demo', 60, 'a'), dest('svc-demo', 40, 'b')] }] }), script: VS };
    expect(JSON.stringify(routeSteps(input).steps)).toBe(JSON.stringify(routeSteps(input).steps));
  });
});

describe('§8.2 DestinationRule golden outputs (controller mode)', () => {
  it('appends the subset canary whatever the step says', () => {
    const steps = [{ traffic: '10%' }, { matches: [{ headers: [{ type: 'Exact', name: 'x', value: '1' }] }] }];
    const out = routeSteps({ rollout: rollout(steps), gateway: dr({ host: 'svc-demo', subsets: [{ name: 'v1', labels: { v: '1' } }] }), script: DR });
    for (const step of out.steps) {
      expect(step.result).toEqual({ spec: { host: 'svc-demo', subsets: [{ name: 'v1', labels: { v: '1' } }, { name: 'canary', labels: { 'istio.service.tag': 'gray' } }] } });
    }
  });

  it('fails on line 7 without spec.subsets', () => {
    const step = only(routeSteps({ rollout: rollout([{ traffic: '10%' }]), gateway: dr({ host: 'svc-demo' }), script: DR }));
    expect(step.result).toBeNull();
    expect(productionError(step)).toMatch(/^<string>:7: bad argument #1 to insert \(table expected, got nil\)/);
  });
});
