import { describe, expect, it } from 'vitest';
import { stepParams } from './input';
import { matchesText, matchText, matchViews } from './match-text';

describe('matchViews / matchText', () => {
  it('renders headers, query parameters and paths; ANDed inside a match', () => {
    const [m] = matchViews([{
      path: { type: 'PathPrefix', value: '/api' },
      headers: [{ type: 'Exact', name: 'user-agent', value: 'iPhone' }, { type: 'RegularExpression', name: 'x-shop-beta', value: '^(yes|true)$' }],
      queryParams: [{ type: 'Exact', name: 'canary', value: 'true' }],
    }]);
    expect(m.conditions).toEqual([
      { field: 'path', type: 'PathPrefix', value: '/api', text: 'path starts with "/api"' },
      { field: 'header', name: 'user-agent', type: 'Exact', value: 'iPhone', text: 'header user-agent = "iPhone"' },
      { field: 'header', name: 'x-shop-beta', type: 'RegularExpression', value: '^(yes|true)$', text: 'header x-shop-beta ~ /^(yes|true)$/' },
      { field: 'query', name: 'canary', type: 'Exact', value: 'true', text: 'query canary = "true"' },
    ]);
    expect(matchText(m)).toBe('path starts with "/api" AND header user-agent = "iPhone" AND header x-shop-beta ~ /^(yes|true)$/ AND query canary = "true"');
  });

  it('ORs matches, parenthesising multi-condition ones', () => {
    const views = matchViews([
      { headers: [{ type: 'Exact', name: 'a', value: '1' }] },
      { path: { type: 'Exact', value: '/x' }, headers: [{ type: 'Exact', name: 'b', value: '2' }] },
    ]);
    expect(matchesText(views)).toBe('header a = "1" OR (path = "/x" AND header b = "2")');
  });

  it('says when a type is unset and keeps unknown types', () => {
    const [m] = matchViews([{ headers: [{ name: 'x', value: '1' }, { type: 'Prefix', name: 'y', value: 'a' }] }]);
    expect(m.conditions.map((c) => c.text)).toEqual(['header x = "1" (type unset)', 'header y starts with "a"']);
    expect(matchText({ conditions: [] })).toBe('any request');
    expect(matchViews(null)).toEqual([]);
  });

  it('takes the converted step: a v1alpha1 match keeps its headers only', () => {
    const step = stepParams({ matches: [{ headers: [{ type: 'Exact', name: 'h', value: 'v' }], path: { type: 'Exact', value: '/p' } }] }, true);
    expect(matchViews(step.matches)[0].conditions.map((c) => c.field)).toEqual(['header']);
  });
});
