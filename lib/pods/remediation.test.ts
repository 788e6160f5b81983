import { describe, expect, it } from 'vitest';
import type { PodTag } from '@/lib/deepflow/tag';
import type { PodEntry } from './pod-entry';
import { remediationGroups, writePluginHref } from './remediation';

const e = (ns: string, name: string, unmatched: boolean, platform: string | null, kind: string | null): PodEntry => ({
  uid: name, key: `${ns}/${name}`, namespace: ns, name, status: 'Running', restarts: 0, createdAt: '', ownerKind: kind,
  tag: { unmatched, platform, reason: { code: kind ? 'unsupported-kind' : 'no-owner', text: kind ? `unsupported owner kind ${kind}` : 'no owner', detail: '', owner: kind ? { kind, name: 'o', apiVersion: 'v1', uid: 'x' } : null } } as unknown as PodTag,
});

describe('Write a plugin link', () => {
  it('follows Contract C', () => {
    expect(writePluginHref('OpenGaussCluster', ['db/ogtest-0', 'db/ogtest-1'])).toBe('/plugins/new?kind=OpenGaussCluster&pods=db/ogtest-0,db/ogtest-1');
    expect(writePluginHref('', ['default/debug-shell'])).toBe('/plugins/new?kind=&pods=default/debug-shell');
  });
});

describe('remediation groups', () => {
  it('groups unmatched pods by platform, or by owner kind without one', () => {
    const rows = [
      e('db', 'og-0', true, 'opengauss', 'OpenGaussCluster'), e('db', 'og-1', true, 'opengauss', 'OpenGaussCluster'),
      e('batch', 'job-a', true, 'job', 'Job'), e('default', 'debug', true, null, null), e('shop', 'web', false, null, 'ReplicaSet'),
    ];
    expect(remediationGroups(rows).map((g) => [g.platform, g.kind, g.pods, g.reasons])).toEqual([
      ['opengauss', 'OpenGaussCluster', ['db/og-0', 'db/og-1'], ['unsupported owner kind OpenGaussCluster']],
      ['job', 'Job', ['batch/job-a'], ['unsupported owner kind Job']],
      [null, '', ['default/debug'], ['no owner']],
    ]);
  });
  it('prefers the platform\'s template kind (OpenKruise: CloneSet) over a more common one', () => {
    const rows = [e('p', 'l-0', true, 'openkruise', 'StatefulSet'), e('p', 'l-1', true, 'openkruise', 'StatefulSet'), e('s', 'c-0', true, 'openkruise', 'CloneSet')];
    expect(remediationGroups(rows)[0].kind).toBe('CloneSet');
  });
});
