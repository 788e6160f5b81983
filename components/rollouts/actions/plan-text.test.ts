import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import type { Msg } from '@/lib/i18n/message';
import { CATALOGUES } from '@/messages';
import type { GatewayChange, GatewayPlan } from '@/lib/rollouts/action-types';
import { confirmBlocker, expectedVersions, isConflict, writeFollowUp, writtenMessage } from './plan-text';

const en = createTranslator({ locale: 'en', messages: CATALOGUES.en }) as unknown as (k: string, v?: Msg['values']) => string;
const text = (m: Msg | null) => (m ? en(m.key, m.values) : null);
const texts = (ms: Msg[]) => ms.map((m) => en(m.key, m.values)).join(' ');

const change = (kind: string, name: string, rv: string | null, changed = true): GatewayChange => ({
  ref: { apiVersion: 'networking.istio.io/v1beta1', kind, name },
  namespace: 'shop',
  resourceVersion: rv,
  before: {},
  after: {},
  changed,
  storesOriginal: false,
  beforeYaml: '',
  afterYaml: '',
});
const plan = (p: Partial<GatewayPlan>): GatewayPlan => ({ changes: [change('VirtualService', 'frontend', '12')], ready: true, errors: [], errorMsgs: [], warnings: [], warningMsgs: [], progressingConflict: null, progressingConflictMsgs: [], ...p });

describe('expectedVersions', () => {
  it('keys every object by Kind/name, null for one that did not exist', () => {
    expect(expectedVersions(plan({ changes: [change('VirtualService', 'frontend', '12'), change('DestinationRule', 'frontend', '7', false), change('VirtualService', 'gone', null)] }))).toEqual({
      'VirtualService/frontend': '12',
      'DestinationRule/frontend': '7',
      'VirtualService/gone': null,
    });
  });
});

describe('confirmBlocker', () => {
  it('allows a ready plan with a change', () => {
    expect(confirmBlocker(plan({}), false)).toBeNull();
  });
  it('blocks a plan where any ref failed', () => {
    expect(text(confirmBlocker(plan({ ready: false, errors: ['failed to execute lua'] }), true))).toMatch(/errors/);
  });
  it('blocks a plan with nothing to change', () => {
    expect(text(confirmBlocker(plan({ changes: [change('VirtualService', 'frontend', '12', false)] }), false))).toMatch(/Nothing to write/);
  });
  it('requires the override while a Rollout is progressing on the object', () => {
    const p = plan({ progressingConflict: 'Rollout shop/frontend is Progressing on this object' });
    expect(text(confirmBlocker(p, false))).toMatch(/override/);
    expect(confirmBlocker(p, true)).toBeNull();
  });
});

describe('messages', () => {
  it('names what was written', () => {
    expect(text(writtenMessage('applied', { namespace: 'shop', name: 'frontend', step: 1 }, ['VirtualService/frontend']))).toBe('Applied step 1 to shop/frontend: wrote VirtualService/frontend.');
    expect(text(writtenMessage('restored', { namespace: 'shop', name: 'frontend' }, []))).toBe('Restored the original for shop/frontend: nothing needed writing.');
  });
  it('recognises a conflict in words', () => {
    expect(isConflict('VirtualService shop/frontend changed since you opened it (resourceVersion 12, now 13); nothing was written. Reload and review the new diff.')).toBe(true);
    expect(isConflict('You may not update virtualservices')).toBe(false);
  });
});

describe('writeFollowUp', () => {
  it('asks for the new diff after a conflict without repeating the server', () => {
    expect(texts(writeFollowUp('VirtualService shop/cart changed since you opened it; nothing was written. Reload and review the new diff.', 'written'))).toBe('Review the new diff before confirming again.');
    expect(texts(writeFollowUp('409 Conflict', 'saved'))).toBe('Nothing was saved. Review the new diff before confirming again.');
    expect(texts(writeFollowUp('You may not update configmaps in kruise-rollout', 'saved'))).toBe('Nothing was saved.');
  });
});
