import { describe, expect, it } from 'vitest';
import builtins from '@/lib/lua/vendor/builtin-scripts.mjs';
import { controllerScript, findGateway, findKruiseConfigMap, gatewayRefs, parseDeepLink, pickGatewayRef, testdataScript } from './deep-link';
import { byKind, named, seedObjects } from './seed-fixture';

describe('parseDeepLink', () => {
  it('reads the routing link', () => {
    expect(parseDeepLink(new URLSearchParams('mode=routing&rollout=shop/frontend&ref=DestinationRule/frontend'))).toEqual({
      mode: 'routing', rollout: { namespace: 'shop', name: 'frontend' }, ref: { kind: 'DestinationRule', name: 'frontend' }, ns: null, errors: [],
    });
  });
  it('reads the tagging and cluster links', () => {
    expect(parseDeepLink(new URLSearchParams('mode=tagging&ns=db'))).toMatchObject({ mode: 'tagging', ns: 'db', errors: [] });
    expect(parseDeepLink(new URLSearchParams('mode=cluster'))).toMatchObject({ mode: 'cluster', errors: [] });
  });
  it('names what it cannot read', () => {
    const d = parseDeepLink(new URLSearchParams('mode=lua&rollout=frontend&ref=VirtualService&ns=Bad_NS'));
    expect(d).toMatchObject({ mode: null, rollout: null, ref: null, ns: null });
    expect(d.errors).toHaveLength(4);
    expect(d.errors[1]).toContain('<namespace>/<name>');
  });
});

describe('routing resolution on the seed', () => {
  it('picks the first customNetworkRefs entry, its live object and the built-in script', async () => {
    const seed = await seedObjects();
    const rollout = named(seed, 'Rollout', 'shop', 'frontend');
    expect(gatewayRefs(rollout).map((r) => `${r.kind}/${r.name}`)).toEqual(['VirtualService/frontend', 'DestinationRule/frontend']);
    const picked = pickGatewayRef(rollout, null);
    expect(picked.ok && picked.ref).toEqual({ apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService', name: 'frontend', namespace: 'shop' });
    if (!picked.ok) return;
    expect(findGateway(picked.ref, byKind(seed, 'VirtualService'))).toBe(named(seed, 'VirtualService', 'shop', 'frontend'));
    const cm = findKruiseConfigMap(byKind(seed, 'ConfigMap'));
    expect(cm).not.toBeNull();
    const script = controllerScript(picked.ref, cm);
    expect(script.source).toBe('builtin');
    expect(script.script).toBe(builtins['networking.istio.io/VirtualService'].source);
    // the seed's ConfigMap has a VirtualService key, which the built-in shadows (openkruise/rollouts#322)
    expect(script.shadowedConfigMapKey).toBe('lua.traffic.routing.VirtualService.networking.istio.io');
  });

  it('follows ref=, and says when the Rollout does not reference it', async () => {
    const seed = await seedObjects();
    const rollout = named(seed, 'Rollout', 'shop', 'frontend');
    const dr = pickGatewayRef(rollout, { kind: 'DestinationRule', name: 'frontend' });
    expect(dr.ok && dr.ref.kind).toBe('DestinationRule');
    const nope = pickGatewayRef(rollout, { kind: 'VirtualService', name: 'cart' });
    expect(nope.ok).toBe(false);
    expect(!nope.ok && nope.error).toContain('VirtualService/frontend, DestinationRule/frontend');
    expect(pickGatewayRef({ spec: {} }, null).ok).toBe(false);
  });

  it('reads a v1alpha1 Rollout and takes a non-built-in kind from the ConfigMap', async () => {
    const seed = await seedObjects();
    expect(gatewayRefs(named(seed, 'Rollout', 'shop', 'catalog'))[0]).toMatchObject({ kind: 'VirtualService', name: 'catalog' });
    const cm = findKruiseConfigMap(byKind(seed, 'ConfigMap'));
    const contour = controllerScript({ apiVersion: 'projectcontour.io/v1', kind: 'HTTPProxy' }, cm);
    expect(contour.source).toBe('configmap');
    expect(contour.script).toContain('Contour HTTPProxy');
    expect(controllerScript({ apiVersion: 'projectcontour.io/v1', kind: 'HTTPProxy' }, null).error).toMatch(/failed to get ConfigMap/);
  });

  it('finds the script a testdata file is for by its original kind', () => {
    expect(testdataScript({ apiVersion: 'networking.istio.io/v1alpha3', kind: 'VirtualService' })?.key).toBe('networking.istio.io/VirtualService');
    expect(testdataScript({ apiVersion: 'apisix.apache.org/v2', kind: 'ApisixRoute' })?.source).toBe(builtins['apisix.apache.org/ApisixRoute'].source);
    expect(testdataScript({ apiVersion: 'v1', kind: 'Service' })).toBeNull();
  });
});
