import { describe, expect, it } from 'vitest';
import { identityEnded, onIdentityEnded } from './identity-ended';
import type { ClusterIdentity } from './identity';

const alice: ClusterIdentity = { kind: 'token', token: 'a' };

describe('identityEnded', () => {
  it('reaches every registered cache, even after one of them throws', () => {
    const seen: string[] = [];
    const offs = [
      onIdentityEnded(() => seen.push('first')),
      onIdentityEnded(() => {
        throw new Error('gone');
      }),
      onIdentityEnded((id) => seen.push(id === alice ? 'third' : 'other')),
    ];
    identityEnded(alice);
    expect(seen).toEqual(['first', 'third']);
    offs.forEach((off) => off());
    identityEnded(alice);
    expect(seen).toEqual(['first', 'third']);
  });
});
