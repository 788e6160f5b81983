// Naming a custom kind from a sandbox cluster's discovery, loaded through KUBECONFIG like a real cluster.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverKind } from './kind-discovery';
import { customKind } from './kinds';
import { startSandbox } from './sandbox';
import { useSandboxKubeconfig } from './testing/sandbox-kubeconfig';
import { resourceInList } from './kind-discovery-types';

let cleanup: (() => Promise<void>) | undefined;
const CTX = 'discovery';

beforeAll(async () => {
  const sb = await startSandbox({ extraKinds: [customKind({ group: 'traefik.io', version: 'v1alpha1', plural: 'ingressroutes', kind: 'IngressRoute' })] });
  cleanup = useSandboxKubeconfig(sb, CTX, 'kls-disc-');
});
afterAll(async () => {
  await cleanup?.();
});

describe('customKind without a Kind', () => {
  it('never guesses a singular: the plural stands in, marked unknown', () => {
    const k = customKind({ group: 'projectcontour.io', version: 'v1', plural: 'httpproxies' });
    expect([k.kind, k.kindUnknown, k.key]).toEqual(['httpproxies', true, 'httpproxies.projectcontour.io']);
    const named = customKind({ group: 'projectcontour.io', version: 'v1', plural: 'httpproxies', kind: 'HTTPProxy', singular: 'httpproxy' });
    expect([named.kind, named.kindUnknown, named.singular, named.listKind]).toEqual(['HTTPProxy', undefined, 'httpproxy', 'HTTPProxyList']);
  });
});

describe('discoverKind', () => {
  it('names a served plural from the cluster\'s discovery', async () => {
    await expect(discoverKind(CTX, { group: 'traefik.io', version: 'v1alpha1', plural: 'ingressroutes' })).resolves.toEqual({
      ok: true,
      kind: { kind: 'IngressRoute', singular: 'ingressroute', namespaced: true },
    });
  });

  it('says why when the group/version or the plural is not served', async () => {
    await expect(discoverKind(CTX, { group: 'example.com', version: 'v1', plural: 'widgets' })).resolves.toEqual({
      ok: false,
      error: 'The cluster does not serve example.com/v1.',
      errorMsg: { key: 'common.kubeError.groupNotServed', values: { groupVersion: 'example.com/v1' } },
    });
    await expect(discoverKind(CTX, { group: 'traefik.io', version: 'v1alpha1', plural: 'middlewares' })).resolves.toEqual({
      ok: false,
      error: 'The cluster serves traefik.io/v1alpha1 but no resource "middlewares" in it.',
      errorMsg: { key: 'common.kubeError.servesNoResource', values: { groupVersion: 'traefik.io/v1alpha1', plural: 'middlewares' } },
    });
  });

  it('skips subresources and falls back to the lower-cased Kind for an empty singularName', () => {
    const list = { resources: [{ name: 'things/status', kind: 'Thing', singularName: '' }, { name: 'things', kind: 'Thing', singularName: '', namespaced: false }] };
    expect(resourceInList(list, 'things')).toEqual({ kind: 'Thing', singular: 'thing', namespaced: false });
    expect(resourceInList(list, 'other')).toBeNull();
  });
});
