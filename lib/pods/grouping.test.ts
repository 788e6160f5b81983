import { describe, expect, it } from 'vitest';
import type { PodTag } from '@/lib/deepflow/tag';
import { abstractGroups, groupBadge, groupNote } from './grouping';
import type { PodEntry } from './pod-entry';

const e = (name: string, groupKey: string | null, type = 'StatefulSet'): PodEntry => ({
  uid: name, key: `db/${name}`, namespace: 'db', name, status: 'Running', restarts: 0, createdAt: '', ownerKind: null,
  tag: { groupKey, workload: groupKey ? { type, name: 'og', source: 'plugin' } : null, label: groupKey ? `${type.toLowerCase()}:db:og` : null } as unknown as PodTag,
});

describe('abstract groups', () => {
  it('counts the pods of each group with the type its first pod decided', () => {
    const rows = [e('og-0', 'db/og'), e('og-1', 'db/og'), e('web', null)];
    const groups = abstractGroups(rows);
    expect([...groups.values()]).toEqual([{ key: 'db/og', type: 'StatefulSet', label: 'statefulset:db:og', pods: 2 }]);
    expect(groupNote(rows[0], groups)).toEqual({ key: 'pods.group.note', values: { key: 'db/og', type: 'StatefulSet', pods: 2 } });
    expect(groupBadge(groupNote(rows[0], groups)!)).toEqual({ key: 'pods.group.badge', values: { key: 'db/og', type: 'StatefulSet', pods: 2 } });
    expect(groupNote(rows[2], groups)).toBeNull();
  });
});
