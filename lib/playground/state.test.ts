import { describe, expect, it } from 'vitest';
import { DEFAULT_PLUGINS, defaultState, parseState } from './state';
import { STARTER_CLUSTER_SCRIPT, STARTER_ROUTING_SCRIPT } from './templates';

describe('parseState', () => {
  it('gives every default for nothing', () => {
    const s = defaultState();
    expect(s.mode).toBe('tagging');
    expect(s.tagging.plugins).toEqual(DEFAULT_PLUGINS);
    expect(s.tagging.scope).toBe('unmatched');
    expect(s.routing.script).toBe(STARTER_ROUTING_SCRIPT);
    expect(s.routing.mode).toBe('controller');
    expect(s.cluster.source).toBe(STARTER_CLUSTER_SCRIPT);
  });

  it('keeps what it can read and replaces only the bad fields', () => {
    const s = parseState({ mode: 'routing', tagging: { scope: 'bogus', namespace: 'shop', plugins: [{ name: 'a', source: 'x' }] }, routing: 'not an object', cluster: { source: 42 } });
    expect(s.mode).toBe('routing');
    expect(s.tagging.scope).toBe('unmatched');
    expect(s.tagging.namespace).toBe('shop');
    expect(s.tagging.plugins).toEqual([{ name: 'a', source: 'x' }]);
    expect(s.routing).toEqual(defaultState().routing);
    expect(s.cluster.source).toBe(STARTER_CLUSTER_SCRIPT);
  });

  it('never throws on junk', () => {
    for (const v of [null, 1, 'x', [], { mode: 5 }, { tagging: { plugins: [] } }, { tagging: { plugins: [1, 2] } }]) {
      expect(() => parseState(v)).not.toThrow();
    }
    expect(parseState({ tagging: { plugins: [] } }).tagging.plugins).toEqual(DEFAULT_PLUGINS);
  });
});
