// Production bugs the preview predicts (docs/differences.md), through the routing host: a fresh
// gopher-lua state per step running the script with DoString, as Kruise's RunLuaScript does.
// Thresholds and answers observed on gopher-lua built at Kruise's pin 658193537a64.
import { describe, expect, it } from 'vitest';
import { routeSteps } from './route';

const rollout = {
  apiVersion: 'rollouts.kruise.io/v1beta1',
  kind: 'Rollout',
  spec: { strategy: { canary: { steps: [{ traffic: '20%' }], trafficRoutings: [{ service: 'svc' }] } } },
};
const gateway = { apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService', metadata: { name: 'vs' }, spec: { hosts: ['*'] } };
const step = (script: string) => routeSteps({ rollout, gateway, script, budget: { ms: 60_000, instructions: 1e9 } }).steps[0];

describe('registry overflow in a routing script', () => {
  const script = (n: number) => `local t = {} for i = 1, ${n} do t[i] = "x" end\nobj.data.spec.joined = #table.concat(t, ",")\nreturn obj.data`;
  it('2,556 elements join, 2,557 fail with gopher-lua\'s message', () => {
    expect(step(script(2556))).toMatchObject({ error: null, result: { spec: { hosts: ["*"], joined: 2556 * 2 - 1 } } });
    expect(step(script(2557))).toMatchObject({ result: null, error: '<string>:2: registry overflow' });
  });
});

describe('LOADNIL merge miscompile in a routing script', () => {
  it('`c = nil` followed by `local z` also clears `d`, as production does', () => {
    const s = 'local a, b, c, d = 1, 2, 3, 4\nc = nil\nlocal z\nobj.data.spec.d = d\nobj.data.spec.b = b\nreturn obj.data';
    expect(step(s)).toMatchObject({ error: null, result: { spec: { hosts: ['*'], b: 2 } } });
    expect(step(s).result?.spec).not.toHaveProperty('d');
  });
});
