import { describe, expect, it } from 'vitest';
import en from '@/messages/en/pods.json';
import { noLabelMsg, reasonMsg, reasonTextMsg } from './reason-msg';

const owner = (kind: string) => ({ kind, name: 'o', apiVersion: 'v1', uid: 'u' });

describe('reason messages', () => {
  it('names each unsynchronization code by its catalogue key, with the kind as a value', () => {
    expect(reasonMsg({ code: 'no-owner', owner: null })).toEqual({ key: 'pods.reason.noOwner' });
    expect(reasonMsg({ code: 'owner-not-watched', owner: owner('CloneSet') })).toEqual({ key: 'pods.reason.ownerNotWatched' });
    expect(reasonMsg({ code: 'unsupported-kind', owner: owner('OpenGaussCluster') })).toEqual({ key: 'pods.reason.unsupportedKind', values: { kind: 'OpenGaussCluster' } });
    expect(noLabelMsg(null)).toEqual({ key: 'pods.reason.noWorkload' });
  });

  it('reads back the English text lib/deepflow writes (the URL filter value)', () => {
    expect(reasonTextMsg('no owner')).toEqual({ key: 'pods.reason.noOwner' });
    expect(reasonTextMsg('owner not watched')).toEqual({ key: 'pods.reason.ownerNotWatched' });
    expect(reasonTextMsg('unsupported owner kind Job')).toEqual({ key: 'pods.reason.unsupportedKind', values: { kind: 'Job' } });
    expect(reasonTextMsg('something else')).toBeNull();
  });

  it('the English catalogue says what lib/deepflow says', () => {
    expect(en.reason.noOwner).toBe('no owner');
    expect(en.reason.ownerNotWatched).toBe('owner not watched');
    expect(en.reason.unsupportedKind.replace('{kind}', 'Job')).toBe('unsupported owner kind Job');
  });
});
