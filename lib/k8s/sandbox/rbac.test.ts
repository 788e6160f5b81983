import { describe, expect, it } from 'vitest';
import { BUILTIN_KINDS } from '../kinds';
import { ADMIN_RULES, authorize, authorizeNonResource, forbidden, ruleAllows, rulesFor, VIEWER_RULES, withoutResources, type RbacUser } from './rbac';

const admin: RbacUser = { name: 'sandbox-admin', token: 'a', rules: ADMIN_RULES };
const viewer: RbacUser = { name: 'sandbox-viewer', token: 'v', rules: VIEWER_RULES };

describe('rule matching (as the RBAC authorizer)', () => {
  it('matches verbs, groups, resources, `*/subresource` and resourceNames', () => {
    const rule = { verbs: ['patch'], apiGroups: ['rollouts.kruise.io'], resources: ['rollouts/status'], resourceNames: ['web'] };
    const a = { verb: 'patch', group: 'rollouts.kruise.io', resource: 'rollouts', subresource: 'status', name: 'web', namespace: 'shop' };
    expect(ruleAllows(rule, a)).toBe(true);
    expect(ruleAllows(rule, { ...a, name: 'other' })).toBe(false);
    expect(ruleAllows(rule, { ...a, subresource: undefined })).toBe(false); // `rollouts/status` does not grant `rollouts`
    expect(ruleAllows(rule, { ...a, verb: 'update' })).toBe(false);
    expect(ruleAllows({ verbs: ['get'], apiGroups: [''], resources: ['*/log'] }, { verb: 'get', group: '', resource: 'pods', subresource: 'log' })).toBe(true);
    expect(ruleAllows({ verbs: ['get'], apiGroups: [''], resources: ['pods'] }, { verb: 'get', group: '', resource: 'pods', subresource: 'log' })).toBe(false);
  });

  it('limits a namespaced grant (a RoleBinding) to its namespaces', () => {
    const rule = { verbs: ['*'], apiGroups: ['*'], resources: ['*'], namespaces: ['shop'] };
    expect(ruleAllows(rule, { verb: 'list', group: '', resource: 'pods', namespace: 'shop' })).toBe(true);
    expect(ruleAllows(rule, { verb: 'list', group: '', resource: 'pods', namespace: 'other' })).toBe(false);
    expect(ruleAllows(rule, { verb: 'list', group: '', resource: 'pods' })).toBe(false);
  });
});

describe('users', () => {
  it('the admin may do everything; the viewer reads everything (pods/log too) and writes nothing', () => {
    expect(authorize(admin, { verb: 'delete', group: 'apps', resource: 'deployments', namespace: 'x' })).toEqual({
      allowed: true,
      reason: 'RBAC: allowed by ClusterRoleBinding "sandbox-admin" of ClusterRole "sandbox-admin" to User "sandbox-admin"',
    });
    for (const verb of ['get', 'list', 'watch']) expect(authorize(viewer, { verb, group: 'networking.istio.io', resource: 'virtualservices', namespace: 'shop' }).allowed).toBe(true);
    expect(authorize(viewer, { verb: 'get', group: '', resource: 'pods', subresource: 'log', name: 'p', namespace: 'shop' }).allowed).toBe(true);
    for (const verb of ['create', 'update', 'patch', 'delete', 'deletecollection'])
      expect(authorize(viewer, { verb, group: 'networking.istio.io', resource: 'virtualservices', namespace: 'shop' })).toEqual({ allowed: false, reason: '' });
    expect(authorize(viewer, { verb: 'patch', group: 'rollouts.kruise.io', resource: 'rollouts', subresource: 'status', namespace: 'shop' }).allowed).toBe(false);
  });

  it('every user may review its own access and read discovery (system:basic-user, system:discovery)', () => {
    expect(authorize(viewer, { verb: 'create', group: 'authorization.k8s.io', resource: 'selfsubjectaccessreviews' }).allowed).toBe(true);
    const nobody: RbacUser = { name: 'nobody', token: 'n', rules: [] };
    expect(authorizeNonResource(nobody, { verb: 'get', path: '/apis/apps/v1' }).allowed).toBe(true);
    expect(authorizeNonResource(nobody, { verb: 'post', path: '/apis' }).allowed).toBe(false);
    expect(authorizeNonResource(admin, { verb: 'get', path: '/metrics' }).allowed).toBe(true);
  });

  it('lists the rules that apply in a namespace, as a rules review does', () => {
    const scoped: RbacUser = { name: 'dev', token: 'd', rules: [...VIEWER_RULES, { verbs: ['patch'], apiGroups: ['rollouts.kruise.io'], resources: ['rollouts/status'], namespaces: ['shop'] }] };
    expect(rulesFor(scoped, 'shop').resourceRules).toEqual([
      { verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'] },
      { verbs: ['create'], apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'] },
      { verbs: ['get', 'list', 'watch'], apiGroups: ['*'], resources: ['*'] },
      { verbs: ['patch'], apiGroups: ['rollouts.kruise.io'], resources: ['rollouts/status'] },
    ]);
    expect(rulesFor(scoped, 'other').resourceRules).toHaveLength(3);
    expect(rulesFor(scoped, 'other').nonResourceRules[0].nonResourceURLs).toContain('/version');
  });
});

describe('Forbidden in the API server wording', () => {
  it('names the group resource, the object, the verb, the subresource and the scope', () => {
    const e = forbidden('sandbox-viewer', { verb: 'patch', group: 'rollouts.kruise.io', resource: 'rollouts', subresource: 'status', name: 'web', namespace: 'shop' });
    expect(e.code).toBe(403);
    expect(e.toStatus()).toMatchObject({
      reason: 'Forbidden',
      message: 'rollouts.rollouts.kruise.io "web" is forbidden: User "sandbox-viewer" cannot patch resource "rollouts/status" in API group "rollouts.kruise.io" in the namespace "shop"',
      details: { name: 'web', group: 'rollouts.kruise.io', kind: 'rollouts' },
    });
    expect(forbidden('u', { verb: 'create', group: '', resource: 'namespaces' }).message).toBe(
      'namespaces is forbidden: User "u" cannot create resource "namespaces" in API group "" at the cluster scope',
    );
  });
});

describe('denyResources', () => {
  it('spells the grant out per served resource, minus the denied ones', () => {
    const rules = withoutResources(ADMIN_RULES, BUILTIN_KINDS, ['pods', 'trafficroutings']);
    const u: RbacUser = { name: 'a', token: 'a', rules };
    const can = (resource: string, group = '', subresource?: string) => authorize(u, { verb: 'list', group, resource, subresource, namespace: 'x' }).allowed;
    expect(can('pods')).toBe(false);
    expect(can('pods', '', 'status')).toBe(false);
    expect(can('pods', '', 'log')).toBe(true);
    expect(can('configmaps')).toBe(true);
    expect(can('trafficroutings', 'rollouts.kruise.io')).toBe(false);
    expect(can('rollouts', 'rollouts.kruise.io', 'status')).toBe(true);
    expect(authorizeNonResource(u, { verb: 'get', path: '/anything' }).allowed).toBe(true);
    expect(withoutResources(ADMIN_RULES, BUILTIN_KINDS, [])).toBe(ADMIN_RULES);
  });
});
