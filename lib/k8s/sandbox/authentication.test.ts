// authentication.k8s.io and impersonation, as a client and as the real kubectl see them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from './index';
import { KUBECTL, kubectlSession, type KubectlSession } from './kubectl-support';
import { ns, raw, testPod } from './test-support';

let sb: Sandbox;

beforeAll(async () => {
  sb = await startSandbox({
    objects: [ns('shop'), testPod('web-1', 'shop')],
    users: [{ name: 'reviewer', token: 'reviewer-token', groups: ['team-a'], rules: [] }],
  });
});
afterAll(() => sb.close());

const tokenReview = (token: string) => ({ apiVersion: 'authentication.k8s.io/v1', kind: 'TokenReview', spec: { token } });

describe('TokenReview', () => {
  it('names the user a valid token belongs to, without echoing the token', async () => {
    const res = await raw(sb, 'POST', '/apis/authentication.k8s.io/v1/tokenreviews', { body: tokenReview(sb.viewerToken) });
    expect(res.status).toBe(201);
    const body = res.json();
    expect(body.status).toEqual({ authenticated: true, user: { username: 'sandbox-viewer', groups: ['system:authenticated'] }, audiences: [] });
    expect(res.text).not.toContain(sb.viewerToken);
  });

  it('says an unknown token is not authenticated', async () => {
    const body = (await raw(sb, 'POST', '/apis/authentication.k8s.io/v1/tokenreviews', { body: tokenReview('forged') })).json();
    expect(body.status.authenticated).toBeUndefined();
    expect(body.status.error).toBe('invalid bearer token');
  });

  it('needs create tokenreviews: the viewer is refused with the API server message', async () => {
    const res = await raw(sb, 'POST', '/apis/authentication.k8s.io/v1/tokenreviews', { body: tokenReview(sb.token), token: sb.viewerToken });
    expect(res.status).toBe(403);
    expect(res.json().message).toBe('tokenreviews.authentication.k8s.io is forbidden: User "sandbox-viewer" cannot create resource "tokenreviews" in API group "authentication.k8s.io" at the cluster scope');
  });

  it('is listed in discovery', async () => {
    const groups = (await raw(sb, 'GET', '/apis')).json().groups.map((g: { name: string }) => g.name);
    expect(groups).toContain('authentication.k8s.io');
    const list = (await raw(sb, 'GET', '/apis/authentication.k8s.io/v1')).json();
    expect(list.resources.map((r: { name: string; verbs: string[] }) => [r.name, r.verbs])).toEqual([
      ['tokenreviews', ['create']],
      ['selfsubjectreviews', ['create']],
    ]);
  });
});

describe('SelfSubjectReview', () => {
  it('any authenticated user may ask who they are, groups included', async () => {
    const res = await raw(sb, 'POST', '/apis/authentication.k8s.io/v1/selfsubjectreviews', { body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' }, token: 'reviewer-token' });
    expect(res.status).toBe(201);
    expect(res.json().status.userInfo).toEqual({ username: 'reviewer', groups: ['team-a', 'system:authenticated'] });
  });
});

describe('impersonation', () => {
  const asHeaders = (user: string, groups: string[] = []) => ({ 'Impersonate-User': user, ...(groups.length ? { 'Impersonate-Group': groups } : {}) });

  it('the admin may act as the viewer, and then gets the viewer\'s RBAC', async () => {
    const res = await raw(sb, 'POST', '/api/v1/namespaces/shop/configmaps', { body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }, headers: asHeaders('sandbox-viewer') });
    expect(res.status).toBe(403);
    expect(res.json().message).toBe('configmaps is forbidden: User "sandbox-viewer" cannot create resource "configmaps" in API group "" in the namespace "shop"');
    expect((await raw(sb, 'GET', '/api/v1/namespaces/shop/pods', { headers: asHeaders('sandbox-viewer') })).status).toBe(200);
  });

  it('the viewer may not impersonate anyone (kube-apiserver\'s 403)', async () => {
    const res = await raw(sb, 'GET', '/api/v1/namespaces/shop/pods', { token: sb.viewerToken, headers: asHeaders('sandbox-admin') });
    expect(res.status).toBe(403);
    expect(res.json().message).toBe('users "sandbox-admin" is forbidden: User "sandbox-viewer" cannot impersonate resource "users" in API group "" at the cluster scope');
  });

  it('each Impersonate-Group header is one group; system:masters grants everything', async () => {
    const who = await raw(sb, 'POST', '/apis/authentication.k8s.io/v1/selfsubjectreviews', { body: {}, headers: asHeaders('alice', ['dev', 'system:masters']) });
    expect(who.json().status.userInfo).toEqual({ username: 'alice', groups: ['dev', 'system:masters', 'system:authenticated'] });
    const created = await raw(sb, 'POST', '/api/v1/namespaces/shop/configmaps', { body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'by-alice' } }, headers: asHeaders('alice', ['system:masters']) });
    expect(created.status).toBe(201);
    const plain = await raw(sb, 'GET', '/api/v1/namespaces/shop/pods', { headers: asHeaders('alice', ['dev']) });
    expect(plain.status).toBe(403);
  });

  it('groups without a user are a bad request', async () => {
    const res = await raw(sb, 'GET', '/api/v1/namespaces/shop/pods', { headers: { 'Impersonate-Group': ['dev'] } });
    expect(res.status).toBe(400);
  });
});

describe.skipIf(!KUBECTL)('kubectl auth whoami and --as', () => {
  let k: KubectlSession;
  beforeAll(async () => {
    k = await kubectlSession(sb);
  });
  afterAll(() => k?.close());

  it('whoami names the context\'s user', async () => {
    expect(await k.ok(['auth', 'whoami', '-o', 'jsonpath={.status.userInfo.username}'])).toBe('sandbox-admin');
    expect(await k.ok(['--context', 'sandbox-readonly', 'auth', 'whoami', '-o', 'jsonpath={.status.userInfo.username}'])).toBe('sandbox-viewer');
    expect(await k.ok(['auth', 'whoami', '--as=bob', '--as-group=dev', '--as-group=ops', '-o', 'json'])).toContain('"dev"');
  });

  it('--as answers can-i with the impersonated user\'s rules', async () => {
    const no = await k.run(['--as=sandbox-viewer', 'auth', 'can-i', 'create', 'configmaps', '-n', 'shop']);
    expect([no.code, no.stdout]).toEqual([1, 'no\n']);
    expect(await k.ok(['--as=sandbox-viewer', 'auth', 'can-i', 'list', 'pods', '-n', 'shop'])).toBe('yes\n');
    expect(await k.ok(['--as=x', '--as-group=system:masters', 'auth', 'can-i', 'create', 'configmaps'])).toBe('yes\n');
  });

  it('the viewer cannot impersonate', async () => {
    const denied = await k.run(['--context', 'sandbox-readonly', '--as=sandbox-admin', 'get', 'pods', '-n', 'shop']);
    expect(denied.code).not.toBe(0);
    expect(denied.stderr).toContain('users "sandbox-admin" is forbidden: User "sandbox-viewer" cannot impersonate resource "users" in API group "" at the cluster scope');
  });
});
