import { describe, expect, it } from 'vitest';
import { namespaceExistence } from './namespace-existence';

const items = [{ metadata: { name: 'default' } }, { metadata: { name: 'shop' } }];

describe('namespaceExistence', () => {
  it('all namespaces (no ?ns=) always exist', () => {
    expect(namespaceExistence(undefined, { state: 'loading', items: [] })).toBe('exists');
  });

  it('answers from a delivered list, also while it reconnects', () => {
    expect(namespaceExistence('shop', { state: 'live', items })).toBe('exists');
    expect(namespaceExistence('nope', { state: 'live', items })).toBe('missing');
    expect(namespaceExistence('nope', { state: 'reconnecting', items })).toBe('missing');
    expect(namespaceExistence('nope', { state: 'live', items: [] })).toBe('missing');
  });

  it('is unknown while loading, when namespaces are forbidden, or on errors', () => {
    for (const state of ['loading', 'forbidden', 'error'] as const) expect(namespaceExistence('nope', { state, items })).toBe('unknown');
  });
});
