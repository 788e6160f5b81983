// obj construction (§2), controller vs test mode (§10), originals (§7.1), script lookup (§6), Data (§5.2).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { routeSteps } from './route';
import { LIMITS } from '@/lib/lua';
import { resolveScript } from './script';
import { runTestCase } from './testcase';
import { decodeData } from './data';
import { ORIGINAL_SPEC_ANNOTATION, parseTraffic } from './input';

const ECHO = 'return obj.data';
const testcase = parse(readFileSync('/work/shared/reference/kruise-testdata/networking.istio.io/VirtualService/rollout_with_three_steps.yaml', 'utf8'));
const SPEC = { gateways: ['nginx-gateway'], hosts: ['*'], http: [{ route: [{ destination: { host: 'svc-demo' } }] }] };

const rollout = (steps: unknown[], extra: Record<string, unknown> = {}) => ({
  apiVersion: 'rollouts.kruise.io/v1beta1',
  kind: 'Rollout',
  spec: { strategy: { canary: { steps, trafficRoutings: [{ service: 'svc' }], ...extra } } },
});
const gateway = (metadata: Record<string, unknown> = {}, spec: unknown = { hosts: ['*'] }) => ({ apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService', metadata: { name: 'vs', ...metadata }, spec });

describe('obj worked example (§2.6)', () => {
  it('gives the documented obj per step', () => {
    const out = routeSteps({ rollout: testcase.rollout, gateway: testcase.original, script: ECHO });
    expect(out.steps.map((s) => s.obj)).toEqual([
      { canaryService: 'svc-demo-canary', canaryWeight: -1, data: { spec: SPEC }, matches: [{ headers: [{ name: 'user-agent', type: 'Exact', value: 'pc' }, { name: 'name', type: 'RegularExpression', value: '.*demo' }] }], requestHeaderModifier: { set: [{ name: 'header-foo', value: 'bar' }] }, stableService: 'svc-demo', stableWeight: 101 },
      { canaryService: 'svc-demo-canary', canaryWeight: -1, data: { spec: SPEC }, matches: [{ headers: [{ name: 'user-agent', type: 'Exact', value: 'pc' }] }, { headers: [{ name: 'name', type: 'RegularExpression', value: '.*demo' }] }], stableService: 'svc-demo', stableWeight: 101 },
      { canaryService: 'svc-demo-canary', canaryWeight: 50, data: { spec: SPEC }, stableService: 'svc-demo', stableWeight: 50 },
    ]);
  });
});

describe('weights (§2.2)', () => {
  it.each([
    ['20%', 20], ['100%', 100], ['0%', 0], [null, -1], ['20', 0], ['5.5%', 0],
  ])('traffic %s -> %d', (t, w) => expect(parseTraffic(t)).toBe(w));
  it('stableWeight = 100 - canaryWeight; v1alpha1 weight becomes traffic', () => {
    const out = routeSteps({
      rollout: { apiVersion: 'rollouts.kruise.io/v1alpha1', kind: 'Rollout', spec: { strategy: { canary: { steps: [{ weight: 30, matches: [{ headers: [{ type: 'Exact', name: 'a', value: '1' }], path: { value: '/x' } }] }], trafficRoutings: [{ service: 'svc' }] } } } },
      gateway: gateway(),
      script: ECHO,
    });
    expect(out.steps[0].obj).toMatchObject({ canaryWeight: 30, stableWeight: 70, matches: [{ headers: [{ type: 'Exact', name: 'a', value: '1' }] }] });
    expect((out.steps[0].obj as { matches: object[] }).matches[0]).not.toHaveProperty('path');
  });
});

describe('service names (§2.5)', () => {
  it('generated, disabled and TrafficRouting', () => {
    expect(routeSteps({ rollout: rollout([{ traffic: '10%' }]), gateway: gateway(), script: ECHO }).steps[0].obj).toMatchObject({ canaryService: 'svc-canary', stableService: 'svc' });
    expect(routeSteps({ rollout: rollout([{ traffic: '10%' }], { disableGenerateCanaryService: true }), gateway: gateway(), script: ECHO }).steps[0].obj).toMatchObject({ canaryService: 'svc', stableService: 'svc' });
    const tr = { apiVersion: 'rollouts.kruise.io/v1alpha1', kind: 'TrafficRouting', spec: { strategy: { weight: 5 }, objectRef: [{ service: 'svc-demo' }] } };
    expect(routeSteps({ trafficRouting: tr, gateway: gateway(), script: ECHO }).steps[0].obj).toMatchObject({ canaryService: 'svc-demo', stableService: 'svc-demo', canaryWeight: 5 });
  });
});

describe('controller vs test mode (§10)', () => {
  const steps = [{ replicas: 1 }, { traffic: '20%', requestHeaderModifier: {} }];
  it('controller: a replicas-only step runs no Lua and shows the original', () => {
    const g = gateway({ labels: {}, annotations: { a: 'b' } }, { hosts: [], http: {} });
    const out = routeSteps({ rollout: rollout(steps), gateway: g, script: 'error("ran")' });
    expect(out.steps[0]).toMatchObject({ ran: false, error: null, result: { spec: { hosts: [], http: {} }, annotations: { a: 'b' } } });
    expect(out.steps[0].result).not.toHaveProperty('labels');
    expect(out.steps[1]).toMatchObject({ ran: true, error: '<string>:1: ran', result: null });
  });
  it('test: every step runs; a non-table result is an empty Data', () => {
    const out = routeSteps({ rollout: rollout(steps), gateway: gateway(), script: 'return 1', mode: 'test' });
    expect(out.steps.map((s) => [s.ran, s.error, s.result])).toEqual([[true, null, {}], [true, null, {}]]);
  });
  it('empty requestHeaderModifier stays an empty table', () => {
    const out = routeSteps({ rollout: rollout(steps), gateway: gateway(), script: 'obj.data.spec.m = type(obj.requestHeaderModifier) return obj.data' });
    expect(out.steps[1].result).toEqual({ spec: { hosts: ['*'], m: 'table' } });
  });
  it('test: a TrafficRouting without matches passes an empty matches table', () => {
    const tr = { apiVersion: 'rollouts.kruise.io/v1alpha1', kind: 'TrafficRouting', spec: { strategy: { weight: 5 }, objectRef: [{ service: 's' }] } };
    const script = 'obj.data.spec.m = type(obj.matches) return obj.data';
    expect(routeSteps({ trafficRouting: tr, gateway: gateway(), script, mode: 'test' }).steps[0].result).toEqual({ spec: { hosts: ['*'], m: 'table' } });
    expect(routeSteps({ trafficRouting: tr, gateway: gateway(), script }).steps[0].result).toEqual({ spec: { hosts: ['*'], m: 'nil' } });
  });
  it('CRD defaults only when asked, with a warning', () => {
    const s = [{ matches: [{ headers: [{ name: 'a', value: '1' }] }] }];
    const out = routeSteps({ rollout: rollout(s), gateway: gateway(), script: ECHO, crdDefaults: true });
    expect(out.steps[0].obj).toMatchObject({ matches: [{ headers: [{ name: 'a', value: '1', type: 'Exact' }] }] });
    expect(out.warnings.join()).toMatch(/type: Exact/);
    expect(routeSteps({ rollout: rollout(s), gateway: gateway(), script: ECHO, mode: 'test', crdDefaults: true }).steps[0].obj).toMatchObject({ matches: [{ headers: [{ name: 'a', value: '1' }] }] });
  });
});

describe('original-spec annotation (§7.1)', () => {
  it('data comes from the annotation and never contains it', () => {
    const stored = JSON.stringify({ spec: { hosts: ['orig'] }, annotations: { virtual: 'test' } });
    const g = gateway({ labels: { live: 'x' }, annotations: { [ORIGINAL_SPEC_ANNOTATION]: stored, other: 'y' } }, { hosts: ['live'] });
    const out = routeSteps({ rollout: rollout([{ traffic: '10%' }]), gateway: g, script: ECHO });
    expect(out.steps[0].obj).toMatchObject({ data: { spec: { hosts: ['orig'] }, annotations: { virtual: 'test' } } });
    expect((out.steps[0].obj as { data: object }).data).not.toHaveProperty('labels');
  });
  it('without the annotation: the live object minus the key; empty maps omitted', () => {
    const out = routeSteps({ rollout: rollout([{ traffic: '10%' }]), gateway: gateway({ labels: {}, annotations: { k: 'v' } }), script: ECHO });
    expect(out.steps[0].result).toEqual({ spec: { hosts: ['*'] }, annotations: { k: 'v' } });
  });
  it('an empty annotation is an input error', () => {
    const out = routeSteps({ rollout: rollout([{ traffic: '10%' }]), gateway: gateway({ namespace: 'ns', annotations: { [ORIGINAL_SPEC_ANNOTATION]: '' } }), script: ECHO });
    expect(out.inputErrors[0].message).toBe('failed to get original spec from annotation for VirtualService(ns/vs)');
  });
});

describe('input validation', () => {
  it('typed errors', () => {
    const deploy = { apiVersion: 'apps/v1', kind: 'Deployment' };
    expect(routeSteps({ rollout: deploy, gateway: gateway(), script: ECHO }).inputErrors[0].code).toBe('not-a-rollout');
    expect(routeSteps({ rollout: rollout([]), gateway: gateway(), script: ECHO }).inputErrors[0].code).toBe('no-steps');
    expect(routeSteps({ gateway: gateway(), script: ECHO }).inputErrors[0].code).toBe('no-routing-input');
  });
});

describe('script lookup (§6.1)', () => {
  const builtins = { 'networking.istio.io/VirtualService': 'vs', 'networking.istio.io/DestinationRule': 'dr' };
  it('built-in wins and shadows the ConfigMap key; version ignored', () => {
    const r = resolveScript({ apiVersion: 'networking.istio.io/v1alpha3', kind: 'VirtualService' }, { builtins, configMap: { data: { 'lua.traffic.routing.VirtualService.networking.istio.io': 'cm' } } });
    expect(r).toEqual({ source: 'builtin', script: 'vs', key: 'networking.istio.io/VirtualService', shadowedConfigMapKey: 'lua.traffic.routing.VirtualService.networking.istio.io' });
  });
  it('ConfigMap, core v1 group, missing key and missing ConfigMap', () => {
    expect(resolveScript({ apiVersion: 'projectcontour.io/v1', kind: 'HTTPProxy' }, { builtins, configMap: { data: { 'lua.traffic.routing.HTTPProxy.projectcontour.io': '' } } })).toMatchObject({ source: 'configmap', script: '' });
    expect(resolveScript({ apiVersion: 'v1', kind: 'Service' }, { builtins, configMap: { data: {} } })).toMatchObject({ source: 'none', key: 'v1/Service', error: 'expected script not found neither locally nor in ConfigMap' });
    expect(resolveScript({ apiVersion: 'v1', kind: 'Service' }, { builtins, configMap: null }).error).toMatch(/failed to get ConfigMap/);
  });
});

describe('Data decoding (§5.2)', () => {
  it('errors and omissions', () => {
    expect(decodeData('null')).toEqual({ ok: true, data: {} });
    expect(decodeData('[1,2]')).toEqual({ ok: false, error: 'json: cannot unmarshal array into Go value of type custom.Data' });
    expect(decodeData('{"annotations":{"a":{"x":1}}}')).toEqual({ ok: false, error: 'json: cannot unmarshal object into Go struct field Data.annotations of type string' });
    expect(decodeData('{"labels":"x"}')).toEqual({ ok: false, error: 'json: cannot unmarshal string into Go struct field Data.labels of type map[string]string' });
    expect(decodeData('{"spec":null,"labels":null,"x":1}')).toEqual({ ok: true, data: {} });
  });
});

describe('runTestCase', () => {
  it('passes and fails per step with a small inline script', () => {
    const script = 'if obj.canaryWeight == 50 then obj.data.spec.http[1].route[1].weight = 50 end return obj.data';
    const r = runTestCase(testcase, script);
    expect(r.steps.map((s) => s.pass)).toEqual([false, false, false]);
    expect(r.steps[2].actual?.spec).toMatchObject({ http: [{ route: [{ destination: { host: 'svc-demo' }, weight: 50 }] }] });
    const same = runTestCase({ ...testcase, expected: [testcase.original, testcase.original, testcase.original] }, 'return obj.data');
    expect(same.steps.every((s) => s.pass)).toBe(true);
  });
});

describe('input and output caps', () => {
  const rollout = {
    apiVersion: 'rollouts.kruise.io/v1beta1', kind: 'Rollout', metadata: { name: 'r' },
    spec: { strategy: { canary: { steps: [{ traffic: '10%' }], trafficRoutings: [{ service: 'svc' }] } } },
  };
  it('refuses an input larger than LIMITS.inputBytes with a clear error, not a crash', () => {
    const huge = 'x'.repeat(LIMITS.inputBytes + 10);
    const gateway = { apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService', metadata: { name: 'vs' }, spec: { blob: huge } };
    const { steps } = routeSteps({ rollout, gateway, script: 'return obj.data' });
    expect(steps[0]).toMatchObject({ ran: true, result: null });
    expect(steps[0].error).toMatch(/input limit exceeded/);
  });
  it('refuses a result larger than LIMITS.resultBytes', () => {
    const gateway = { apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService', metadata: { name: 'vs' }, spec: { hosts: ['a'] } };
    const script = `local t = {} for i = 1, 400 do t[i] = string.rep("y", 25000) end obj.data.spec.big = t return obj.data`;
    // the cap under test is on the result, not the time: a loaded machine must not hit the 1 s budget first
    const { steps } = routeSteps({ rollout, gateway, script, budget: { ms: 60_000 } });
    expect(steps[0].result).toBeNull();
    expect(steps[0].error).toMatch(/output limit exceeded/);
  });
});

describe('Go release of the controller (lib/go-json)', () => {
  it('json.encode writes \\b and \\f as Go 1.20 does: \\u0008 and \\u000c', () => {
    const out = routeSteps({ rollout: rollout([{ traffic: '10%' }]), gateway: gateway(), script: 'obj.data.spec.e = json.encode({s = "a\\bb\\fc"}) return obj.data' });
    expect(out.steps[0].error).toBeNull();
    expect((out.steps[0].result as { spec: { e: string } }).spec.e).toBe('{"s":"a\\u0008b\\u000cc"}');
  });
});

describe('run statistics', () => {
  it('sums the instructions of every step that ran Lua', () => {
    const script = 'for i = 1, 3000 do end return obj.data';
    const one = routeSteps({ rollout: rollout([{ traffic: '10%' }]), gateway: gateway(), script }).stats.instructions;
    expect(one).toBeGreaterThan(3000);
    const three = routeSteps({ rollout: rollout([{ traffic: '10%' }, { traffic: '50%' }, { traffic: '100%' }]), gateway: gateway(), script });
    expect(three.stats.instructions).toBe(3 * one);
    // a replicas-only step runs no Lua in controller mode
    const withReplicasOnly = routeSteps({ rollout: rollout([{ traffic: '10%' }, { replicas: 2 }]), gateway: gateway(), script });
    expect(withReplicasOnly.steps[1].ran).toBe(false);
    expect(withReplicasOnly.stats.instructions).toBe(one);
  });
  it('counts failed steps and is zero for unusable input', () => {
    const failing = routeSteps({ rollout: rollout([{ traffic: '10%' }]), gateway: gateway(), script: 'for i = 1, 3000 do end error("no")' });
    expect(failing.steps[0].error).toMatch(/no/);
    expect(failing.stats.instructions).toBeGreaterThan(3000);
    expect(routeSteps({ gateway: gateway(), script: ECHO }).stats).toEqual({ instructions: 0 });
  });
});
