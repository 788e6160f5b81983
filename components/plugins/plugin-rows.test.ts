import { describe, expect, it } from 'vitest';
import type { PluginList, PluginRecord } from '@/lib/plugins/types';
import { copyName, listedOrder, moveInOrder, pluginRows, remoteOnly } from './plugin-rows';

const rec = (name: string, updatedAt: string, enabled = true): PluginRecord => ({ name, source: '', enabled, createdAt: '2026-01-01T00:00:00Z', updatedAt, version: '1' });

const plugins = [rec('a', '2026-01-01T00:00:00Z'), rec('b', '2026-03-01T00:00:00Z', false), rec('c', '2026-02-01T00:00:00Z')];

describe('pluginRows', () => {
  it('numbers execution order and DeepFlow’s list order (updated, newest first)', () => {
    const rows = pluginRows({ plugins, deepflow: null }, new Map([['a', 3]]));
    expect(rows.map((r) => [r.plugin.name, r.runs, r.listed, r.mapped])).toEqual([['a', 1, 3, 3], ['b', 2, 1, 0], ['c', 3, 2, 0]]);
    expect(pluginRows({ plugins, deepflow: null }, null, 'updated').map((r) => [r.plugin.name, r.mapped])).toEqual([['b', 0], ['c', null], ['a', null]]);
  });

  it('takes the order and drift from the DeepFlow server when it answered', () => {
    const deepflow: PluginList['deepflow'] = {
      url: 'http://df', orgId: 1, ok: true,
      remote: [{ name: 'a', type: 3, user: 2, updatedAt: 'x' }, { name: 'zz', type: 3, user: 2, updatedAt: 'y' }, { name: 'c', type: 3, user: 2, updatedAt: 'z' }],
      drift: [{ name: 'a', state: 'in-sync' }, { name: 'zz', state: 'remote-only' }, { name: 'c', state: 'not-uploaded' }, { name: 'b', state: 'local-only' }],
    };
    expect(listedOrder({ plugins, deepflow })).toEqual(['a', 'c', 'b']);
    expect(pluginRows({ plugins, deepflow }, null).map((r) => [r.plugin.name, r.drift])).toEqual([['a', 'in-sync'], ['b', 'local-only'], ['c', 'not-uploaded']]);
    expect(remoteOnly({ deepflow })).toEqual([{ name: 'zz', updatedAt: 'y' }]);
    expect(remoteOnly({ deepflow: { ...deepflow, ok: false } })).toEqual([]);
  });
});

describe('moveInOrder / copyName', () => {
  it('swaps with the neighbour, refuses at the ends', () => {
    expect(moveInOrder(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moveInOrder(['a', 'b', 'c'], 'c', 1)).toBeNull();
    expect(moveInOrder(['a'], 'x', 1)).toBeNull();
  });

  it('finds a free copy name', () => {
    expect(copyName('og', ['og'])).toBe('og-copy');
    expect(copyName('og', ['og', 'og-copy', 'og-copy-2'])).toBe('og-copy-3');
  });
});
