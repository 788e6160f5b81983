import { describe, expect, it } from 'vitest';
import { gatewayLints } from './gateway-lint';

const vs = (http: object[]) => ({ apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService', metadata: { name: 'vs', namespace: 'shop' }, spec: { hosts: ['web'], http } });
const route = (host: string, weight?: number, subset?: string) => ({ destination: { host, ...(subset ? { subset } : {}) }, ...(weight === undefined ? {} : { weight }) });
const ctx = { canaryService: 'web-canary', stableService: 'web' };

describe('gatewayLints', () => {
  it('is quiet for a good split and for unweighted routes', () => {
    expect(gatewayLints(vs([{ route: [route('web', 80), route('web-canary', 20)] }]), ctx)).toEqual([]);
    expect(gatewayLints(vs([{ match: [{ headers: { a: { exact: '1' } } }], route: [route('web-canary')] }, { route: [route('web')] }]), ctx)).toEqual([]);
  });

  it('flags weights that do not add up to 100 and repeated destinations', () => {
    const lints = gatewayLints(vs([{ route: [route('web', 44, 'a'), route('web', 44, 'a'), route('web-canary', 5)] }]), ctx);
    expect(lints).toEqual(expect.arrayContaining([
      expect.objectContaining({ severity: 'warning', path: 'spec.http[0].route', message: expect.stringContaining('add up to 93') }),
      expect.objectContaining({ severity: 'warning', path: 'spec.http[0].route[1]', message: expect.stringContaining('repeats') }),
    ]));
  });

  it('flags a missing canary Service only when the Services are known', () => {
    const o = vs([{ route: [route('web', 80), route('web-canary.shop.svc.cluster.local', 20)] }]);
    expect(gatewayLints(o, ctx)).toEqual([]);
    expect(gatewayLints(o, { ...ctx, services: ['web', 'web-canary'] })).toEqual([]);
    expect(gatewayLints(o, { ...ctx, services: ['web'] })).toEqual([
      expect.objectContaining({ severity: 'warning', path: 'spec.http[0].route[1].destination.host', message: expect.stringContaining('"web-canary" does not exist') }),
    ]);
    // canary = stable (subset canary): nothing to create
    expect(gatewayLints(o, { canaryService: 'web', stableService: 'web', services: [] })).toEqual([]);
  });

  it('finds canary backends of other gateway kinds', () => {
    const proxy = { apiVersion: 'projectcontour.io/v1', kind: 'HTTPProxy', metadata: { name: 'p' }, spec: { routes: [{ services: [{ name: 'web', port: 80, weight: 90 }, { name: 'web-canary', port: 80, weight: 10 }] }] } };
    expect(gatewayLints(proxy, { ...ctx, services: ['web'] }).map((l) => l.path)).toEqual(['spec.routes[0].services[1].name']);
  });

  it('adds the step input lints: a header match without type', () => {
    const lints = gatewayLints(vs([{ route: [route('web')] }]), { ...ctx, obj: { matches: [{ headers: [{ name: 'x', value: '1' }] }] } });
    expect(lints).toEqual([expect.objectContaining({ severity: 'error', path: 'matches[0].headers[0]', message: expect.stringContaining('has no type') })]);
  });
});
