import { describe, expect, it } from 'vitest';
import { lintMatches, lintRouteResult } from './lint';

const route = (host: string, weight?: number, subset?: string) => ({ destination: { host, ...(subset ? { subset } : {}) }, ...(weight === undefined ? {} : { weight }) });
const messages = (issues: { message: string }[]) => issues.map((i) => i.message).join('\n');

describe('lintRouteResult: weights', () => {
  it('accepts a VirtualService rule whose weights add up to 100', () => {
    expect(lintRouteResult('VirtualService', { spec: { http: [{ route: [route('svc', 80), route('svc-canary', 20)] }] } })).toEqual([]);
  });

  it('accepts a single unweighted destination', () => {
    expect(lintRouteResult('VirtualService', { spec: { http: [{ route: [route('svc')] }] } })).toEqual([]);
  });

  it('flags the weights the built-in script leaves after two stable routes (§8.1: 44+44+4+5)', () => {
    const spec = { http: [{ route: [route('svc', 44, 'a'), route('svc', 44, 'b'), route('svc-canary', 4), route('svc-canary', 5)] }] };
    const issues = lintRouteResult('VirtualService', { spec });
    expect(issues).toContainEqual(expect.objectContaining({ severity: 'warning', path: 'spec.http[0].route', message: expect.stringContaining('add up to 97') }));
    expect(issues).toContainEqual(expect.objectContaining({ path: 'spec.http[0].route[3]', message: expect.stringContaining('repeats spec.http[0].route[2]') }));
  });

  it('checks tcp and tls sections too, counting an unset weight as 0', () => {
    const issues = lintRouteResult('VirtualService', { spec: { tcp: [{ route: [route('svc', 50), route('other')] }] } });
    expect(issues).toEqual([expect.objectContaining({ path: 'spec.tcp[0].route', message: expect.stringContaining('add up to 50') })]);
  });

  it('knows the route structure of the ConfigMap gateways', () => {
    const apisix = lintRouteResult('ApisixRoute', { spec: { http: [{ name: 'r', backends: [{ serviceName: 'web', servicePort: 80, weight: 80 }, { serviceName: 'web-canary', servicePort: 80 }] }] } });
    expect(messages(apisix)).toContain('add up to 180'); // an unset APISIX weight counts as 100
    const traefik = lintRouteResult('IngressRoute', { spec: { routes: [{ services: [{ name: 'web', port: 80, weight: 70 }, { name: 'web', port: 80, weight: 30 }] }] } });
    expect(messages(traefik)).toContain('Destination Service web:80 repeats');
    const contour = lintRouteResult('HTTPProxy', { spec: { routes: [{ services: [{ name: 'web', port: 80, weight: 90 }, { name: 'web-canary', port: 80, weight: 10 }] }] } });
    expect(contour).toEqual([]);
    const wrr = lintRouteResult('TraefikService', { spec: { weighted: { services: [{ name: 'web', port: 80, weight: 70 }, { name: 'web-canary', port: 80, weight: 20 }] } } });
    expect(wrr).toEqual([expect.objectContaining({ path: 'spec.weighted.services', message: expect.stringContaining('add up to 90') })]);
  });

  it('ignores kinds without weighted routes', () => {
    expect(lintRouteResult('DestinationRule', { spec: { host: 'svc', subsets: [{ name: 'canary' }] } })).toEqual([]);
  });
});

describe('lintRouteResult: null values (§5.2)', () => {
  it('reports every null with its path', () => {
    const issues = lintRouteResult('VirtualService', { spec: { gateways: null, http: [{ headers: { request: null }, route: [route('svc')] }] } });
    expect(issues.map((i) => i.path)).toEqual(['spec.gateways', 'spec.http[0].headers.request']);
    expect(issues[0].message).toContain('prunes nulls');
  });

  it('says nothing for a null result (a failed step)', () => {
    expect(lintRouteResult('VirtualService', null)).toEqual([]);
  });
});

describe('lintRouteResult: the step input', () => {
  it('flags conditions without type', () => {
    const obj = { matches: [{ headers: [{ name: 'x', value: '1' }], queryParams: [{ type: 'Exact', name: 'q', value: '1' }] }, { path: { value: '/x' } }] };
    const issues = lintRouteResult('VirtualService', null, { obj });
    expect(issues.map((i) => [i.severity, i.path])).toEqual([
      ['error', 'matches[0].headers[0]'],
      ['error', 'matches[1].path'],
    ]);
    expect(lintMatches(obj.matches)).toEqual(issues);
  });

  it('flags a rule with two stable-host routes in weight mode only', () => {
    const data = { spec: { http: [{ route: [route('svc.ns.svc.cluster.local', 50, 'a'), route('svc', 50, 'b')] }, { match: [{}], route: [route('svc'), route('svc')] }] } };
    const weightMode = lintRouteResult('VirtualService', null, { obj: { data, stableService: 'svc' } });
    expect(weightMode).toEqual([expect.objectContaining({ severity: 'warning', path: 'spec.http[0].route', message: expect.stringContaining('rescales this rule 2 times') })]);
    const matchMode = lintRouteResult('VirtualService', null, { obj: { data, stableService: 'svc', matches: [{ headers: [{ type: 'Exact', name: 'a', value: '1' }] }] } });
    expect(matchMode).toEqual([]);
  });
});
