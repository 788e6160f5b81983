import { describe, expect, it } from 'vitest';
import { accessChecks, REQUIRED_PERMISSIONS } from './required-permissions';

const ctx = { rolloutNamespace: 'shop', rolloutName: 'frontend', kruiseNamespace: 'kruise-rollout', refs: [{ group: 'networking.istio.io', resource: 'virtualservices', name: 'frontend' }, { group: 'networking.istio.io', resource: 'destinationrules', name: 'frontend' }], configMapName: 'kruise-rollout-configuration' };

describe('accessChecks', () => {
  it('apply and restore: update on every ref in the Rollout namespace', () => {
    expect(accessChecks('applyStep', ctx)).toEqual([
      { verb: 'update', group: 'networking.istio.io', resource: 'virtualservices', namespace: 'shop', name: 'frontend' },
      { verb: 'update', group: 'networking.istio.io', resource: 'destinationrules', namespace: 'shop', name: 'frontend' },
    ]);
    expect(accessChecks('restore', ctx)).toEqual(accessChecks('applyStep', ctx));
  });

  it('approve: patch rollouts/status of the Rollout', () => {
    expect(accessChecks('approve', ctx)).toEqual([{ verb: 'patch', group: 'rollouts.kruise.io', resource: 'rollouts', subresource: 'status', namespace: 'shop', name: 'frontend' }]);
  });

  it('save script: get plus update (ConfigMap exists) or create (missing), in the Kruise namespace', () => {
    expect(accessChecks('saveScript', { ...ctx, configMapExists: true }).map((c) => `${c.verb} ${c.namespace} ${c.name ?? ''}`)).toEqual(['get kruise-rollout kruise-rollout-configuration', 'update kruise-rollout kruise-rollout-configuration']);
    expect(accessChecks('saveScript', { ...ctx, configMapExists: false }).map((c) => `${c.verb} ${c.name ?? ''}`)).toEqual(['get ', 'create ']);
    expect(accessChecks('saveScript', ctx).map((c) => c.verb)).toEqual(['get', 'update', 'create']);
  });

  it('every checked permission belongs to an action', () => {
    expect(REQUIRED_PERMISSIONS.filter((p) => p.checked).every((p) => p.action !== 'read')).toBe(true);
  });
});
