import { describe, expect, it } from 'vitest';
import { activeFilterCount, NONE, parseRolloutsView, passesSelects, rolloutFilterOptions, serialiseRolloutsView, type RolloutFacts } from './browser-list';

const paused: RolloutFacts = { phase: 'Progressing', stepState: 'StepPaused', routingKinds: ['custom'] };
const healthy: RolloutFacts = { phase: 'Healthy', stepState: null, routingKinds: ['custom', 'gateway'] };
const bare: RolloutFacts = { phase: null, stepState: null, routingKinds: [] };

describe('the rollouts list view state', () => {
  it('round-trips through the URL and keeps ?ns=', () => {
    const view = { phase: 'Healthy', state: 'StepPaused', routing: 'gateway' as const, q: 'front end' };
    const q = serialiseRolloutsView(view, 'ns=shop&phase=Old');
    expect(new URLSearchParams(q).get('ns')).toBe('shop');
    expect(parseRolloutsView(new URLSearchParams(q))).toEqual(view);
    expect(serialiseRolloutsView({ phase: '', state: '', routing: '', q: '' }, 'ns=shop')).toBe('ns=shop');
  });

  it('ignores an unknown routing value from the URL', () => {
    expect(parseRolloutsView(new URLSearchParams('routing=mesh')).routing).toBe('');
  });

  it('filters by phase, step state and routing kind; missing values are "(none)"', () => {
    const v = (p: Partial<ReturnType<typeof parseRolloutsView>>) => ({ phase: '', state: '', routing: '' as const, q: '', ...p });
    expect(passesSelects(paused, v({ phase: 'Progressing' }))).toBe(true);
    expect(passesSelects(healthy, v({ phase: 'Progressing' }))).toBe(false);
    expect(passesSelects(healthy, v({ state: NONE }))).toBe(true);
    expect(passesSelects(healthy, v({ routing: 'gateway' }))).toBe(true);
    expect(passesSelects(paused, v({ routing: 'gateway' }))).toBe(false);
    expect(passesSelects(bare, v({ routing: 'none', phase: NONE }))).toBe(true);
    expect(activeFilterCount(v({ phase: 'x', routing: 'custom', q: 'ignored' }))).toBe(2);
  });

  it('offers what occurs, sorted, "(none)" last and routing in its fixed order', () => {
    expect(rolloutFilterOptions([healthy, paused, bare])).toEqual({
      phase: ['Healthy', 'Progressing', NONE],
      state: ['StepPaused', NONE],
      routing: ['custom', 'gateway', 'none'],
    });
  });
});
