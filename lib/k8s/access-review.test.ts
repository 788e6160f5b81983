// The review's answers in words; a cluster without authorization.k8s.io (404) is "unknown", never "denied".
import { describe, expect, it, vi } from 'vitest';

const create = vi.fn();
vi.mock('./client', async (orig) => {
  const real = await orig<typeof import('./client')>();
  return {
    ...real,
    clusterClient: () => ({ context: 'ctx', server: 'https://x', kc: { makeApiClient: () => ({ createSelfSubjectAccessReview: (...a: unknown[]) => create(...a) }) }, reuseConnections: { pre: (c: unknown) => c, post: (r: unknown) => r } }),
    requestOptions: () => ({}),
  };
});

const { describeAccess, selfSubjectAccessReview } = await import('./access-review');
const q = { verb: 'update', group: 'networking.istio.io', resource: 'virtualservices', namespace: 'shop', name: 'web' };

describe('selfSubjectAccessReview', () => {
  it('sends the resource attributes and reads allowed', async () => {
    create.mockResolvedValueOnce({ status: { allowed: true } });
    expect(await selfSubjectAccessReview('ctx', { ...q, subresource: 'status' })).toEqual({ state: 'allowed' });
    expect(create.mock.calls[0][0]).toEqual({ body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: { ...q, subresource: 'status' } } } });
  });

  it('denied: names verb, resource, namespace and context, with the server reason', async () => {
    create.mockResolvedValueOnce({ status: { allowed: false, reason: 'no RBAC policy matched' } });
    expect(await selfSubjectAccessReview('ctx', q)).toEqual({
      state: 'denied',
      reason: 'You may not update virtualservices.networking.istio.io "web" in shop (context "ctx"): no RBAC policy matched.',
      msg: { key: 'shell.access.deniedWhy.namespaced', values: { context: 'ctx', why: 'no RBAC policy matched', verb: 'update', resource: 'virtualservices.networking.istio.io "web"', namespace: 'shop' } },
    });
  });

  it('a 404 (no authorization.k8s.io) is unknown: the write decides', async () => {
    create.mockRejectedValueOnce(Object.assign(new Error('HTTP-Code: 404'), { code: 404, body: '{"kind":"Status","code":404,"reason":"NotFound","message":"the server could not find the requested resource"}' }));
    const a = await selfSubjectAccessReview('ctx', q);
    expect(a).toEqual({ state: 'unknown', reason: expect.stringContaining('does not answer access reviews'), msg: expect.objectContaining({ key: expect.stringMatching(/^shell\.access\.noReviews\./) }) });
  });

  it('describes core-group and subresource access', () => {
    expect(describeAccess({ verb: 'create', group: '', resource: 'configmaps', namespace: 'kruise-rollout' })).toBe('create configmaps in kruise-rollout');
    expect(describeAccess({ verb: 'patch', group: 'rollouts.kruise.io', resource: 'rollouts', subresource: 'status' })).toBe('patch rollouts.rollouts.kruise.io/status at the cluster scope');
  });
});
