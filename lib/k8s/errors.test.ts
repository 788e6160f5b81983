import { describe, expect, it } from 'vitest';
import { ApiException } from '@kubernetes/client-node';
import { isTransient, toKubeError } from './errors';
import { parseKindSpec, kindListSchema, customKindSpec, watchKeyOf } from './kind-spec';
import { customKind, kindByKey } from './kinds';
import { backoffDelay } from './backoff';

const status = (code: number, reason: string, message: string) => JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code, reason, message });

describe('toKubeError', () => {
  it('403 names the verb, resource and namespace and quotes the server', () => {
    const err = new ApiException(403, 'x', status(403, 'Forbidden', 'pods is forbidden: User "bob" cannot list resource "pods"'), {});
    const e = toKubeError(err, { verb: 'list', resource: 'pods', namespace: 'shop', context: 'prod' });
    expect(e).toMatchObject({ code: 403, reason: 'Forbidden' });
    expect(e.message).toMatch(/^Forbidden: you may not list pods in namespace "shop" \(context "prod"\)\. The server said: pods is forbidden/);
    expect(toKubeError(err, { verb: 'watch', resource: 'rollouts.rollouts.kruise.io' }).message).toContain('watch rollouts.rollouts.kruise.io in all namespaces');
  });

  it('401 says to log in again', () => {
    expect(toKubeError(new ApiException(401, 'x', '', {})).message).toMatch(/credentials.*Log in again/);
  });

  it('404 distinguishes a missing object from a resource the server does not serve', () => {
    const nf = new ApiException(404, 'x', status(404, 'NotFound', 'not found'), {});
    expect(toKubeError(nf, { resource: 'pods', name: 'web', namespace: 'a' }).message).toBe('pods "web" was not found in namespace "a".');
    expect(toKubeError(nf, { resource: 'httpproxies.projectcontour.io', verb: 'list' }).message).toMatch(/does not serve httpproxies.projectcontour.io.*CRD installed/);
  });

  it('410 from a watch (statusCode) and from an ERROR event body', () => {
    expect(toKubeError(Object.assign(new Error('Gone'), { statusCode: 410 })).code).toBe(410);
    expect(toKubeError({ body: { kind: 'Status', code: 410, reason: 'Expired', message: 'too old resource version: 1 (5)' } })).toMatchObject({ code: 410, reason: 'Expired' });
  });

  it('network failures are unreachable with the URL and a promise to retry', () => {
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6443'), { code: 'ECONNREFUSED' }) });
    const e = toKubeError(refused, { server: 'https://127.0.0.1:6443' });
    expect(e).toMatchObject({ code: 'unreachable', reason: 'ECONNREFUSED' });
    expect(e.message).toBe('Cannot reach https://127.0.0.1:6443: connection refused. Retrying automatically.');
    expect(isTransient(e)).toBe(true);
    const tls = new TypeError('fetch failed', { cause: Object.assign(new Error('self-signed'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }) });
    expect(toKubeError(tls, { server: 'https://k' }).message).toMatch(/TLS check failed for https:\/\/k.*certificate-authority-data/);
  });

  it('timeouts', () => {
    const e = toKubeError(new DOMException('The operation was aborted due to timeout', 'TimeoutError'), { server: 'https://k' });
    expect(e.code).toBe('timeout');
    expect(e.message).toContain('https://k');
  });

  it('anything else keeps its message', () => {
    expect(toKubeError(new Error('boom'))).toEqual({ code: 'unknown', reason: 'Error', message: 'boom' });
    expect(isTransient(toKubeError(new ApiException(403, 'x', '', {})))).toBe(false);
  });
});

describe('kind specs from the client', () => {
  it('resolves registry keys', () => {
    const r = parseKindSpec('rollouts.rollouts.kruise.io');
    expect(r.ok && r.kind.kind).toBe('Rollout');
  });

  it('accepts group/version/plural[:cluster] and keeps the spec as the key', () => {
    const r = parseKindSpec('projectcontour.io/v1/httpproxies');
    expect(r.ok && r.kind).toMatchObject({ key: 'projectcontour.io/v1/httpproxies', group: 'projectcontour.io', versions: ['v1'], plural: 'httpproxies', namespaced: true, custom: true });
    const c = parseKindSpec('example.com/v1alpha1/widgets:cluster');
    expect(c.ok && c.kind.namespaced).toBe(false);
    expect(customKindSpec({ group: 'example.com', version: 'v1alpha1', plural: 'widgets', namespaced: false })).toBe('example.com/v1alpha1/widgets:cluster');
  });

  it('watchKeyOf gives the registry key for built-ins and a parseable spec for custom kinds', () => {
    expect(watchKeyOf(kindByKey('pods')!)).toBe('pods');
    const custom = customKind({ group: 'projectcontour.io', version: 'v1', plural: 'httpproxies' });
    const r = parseKindSpec(watchKeyOf(custom));
    expect(r.ok && [r.kind.group, r.kind.versions[0], r.kind.plural]).toEqual(['projectcontour.io', 'v1', 'httpproxies']);
  });

  it('rejects anything that could escape the API path', () => {
    for (const bad of ['../../etc', 'a/b/c/d', 'Example.com/v1/x', 'g/v1/UPPER', 'g/v1/x:namespaced', 'nope', 'g/v 1/x']) {
      expect(parseKindSpec(bad).ok, bad).toBe(false);
    }
  });

  it('validates comma-separated lists as a whole', () => {
    expect(kindListSchema.safeParse('pods, pods,deployments.apps').data?.map((k) => k.key)).toEqual(['pods', 'deployments.apps']);
    expect(kindListSchema.safeParse('pods,../x').success).toBe(false);
    expect(kindListSchema.safeParse('').success).toBe(false);
  });
});

describe('backoffDelay', () => {
  it('doubles from 0.5 s up to 10 s with ±20 % jitter', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 7].map((a) => backoffDelay(a, undefined, mid))).toEqual([500, 1000, 2000, 4000, 8000, 10000, 10000]);
    expect(backoffDelay(1, undefined, () => 0)).toBe(400);
    expect(backoffDelay(1, undefined, () => 0.999)).toBeLessThanOrEqual(600);
    expect(backoffDelay(10, undefined, () => 0.999)).toBeLessThanOrEqual(10000);
  });
});
