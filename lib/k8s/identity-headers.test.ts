import { describe, expect, it } from 'vitest';
import { withImpersonation } from './identity-headers';

describe('withImpersonation', () => {
  it('adds the user and one header value per group', () => {
    expect(withImpersonation({ accept: 'application/json' }, { user: 'alice', groups: ['dev', 'ops'] })).toEqual({
      accept: 'application/json',
      'Impersonate-User': 'alice',
      'Impersonate-Group': ['dev', 'ops'],
    });
  });

  it('drops every impersonation header the kubeconfig set, whatever its case', () => {
    const out = withImpersonation({ 'impersonate-user': 'cluster-admin', 'Impersonate-Group': 'system:masters', 'IMPERSONATE-UID': '1' }, { user: 'bob', groups: [] });
    expect(out).toEqual({ 'Impersonate-User': 'bob' });
  });

  it('reads the flat list form and keeps repeated headers', () => {
    expect(withImpersonation(['x-a', '1', 'x-a', '2', 'Impersonate-User', 'root'], { user: 'carol', groups: ['g'] })).toEqual({
      'x-a': ['1', '2'],
      'Impersonate-User': 'carol',
      'Impersonate-Group': ['g'],
    });
  });

  it('copes with no headers at all', () => {
    expect(withImpersonation(undefined, { user: 'dan', groups: [] })).toEqual({ 'Impersonate-User': 'dan' });
  });
});
