import { describe, expect, it } from 'vitest';
import { englishText } from '@/lib/i18n/english';
import { fillIcu, messageAt } from '@/lib/i18n/fill-icu';
import { CATALOGUES } from '@/messages';
import { progressingOn, staleTargets, type VersionedTarget } from './plan-checks';

const vs = { apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService', name: 'frontend' };
const dr = { apiVersion: 'networking.istio.io/v1beta1', kind: 'DestinationRule', name: 'frontend' };
const rollout = (name: string, phase: string, refs: object[]) => ({
  apiVersion: 'rollouts.kruise.io/v1beta1',
  kind: 'Rollout',
  metadata: { name, namespace: 'shop' },
  spec: { strategy: { canary: { steps: [{ traffic: '10%' }], trafficRoutings: [{ service: name, customNetworkRefs: refs }] } } },
  status: { phase },
});

describe('progressingOn', () => {
  it('names the Progressing Rollout that routes through one of the objects', () => {
    expect(progressingOn([rollout('frontend', 'Progressing', [vs])], [vs])?.text).toBe('Rollout shop/frontend is Progressing on this object: the controller will overwrite manual changes on its next reconcile.');
    expect(progressingOn([rollout('frontend', 'Progressing', [vs, dr])], [vs, dr])?.text).toBe('Rollout shop/frontend is Progressing on VirtualService/frontend, DestinationRule/frontend: the controller will overwrite manual changes on its next reconcile.');
  });

  it('ignores other phases, other objects, and compares the group, not the version', () => {
    expect(progressingOn([rollout('frontend', 'Healthy', [vs])], [vs])).toBeNull();
    expect(progressingOn([rollout('other', 'Progressing', [dr])], [vs])).toBeNull();
    expect(progressingOn([rollout('frontend', 'Progressing', [{ ...vs, apiVersion: 'networking.istio.io/v1alpha3' }])], [vs])).not.toBeNull();
    expect(progressingOn([rollout('frontend', 'Progressing', [{ ...vs, apiVersion: 'example.com/v1' }])], [vs])).toBeNull();
    expect(progressingOn([rollout('frontend', 'Progressing', [vs])], [])).toBeNull();
  });

  it('counts TrafficRoutings too', () => {
    const tr = { apiVersion: 'rollouts.kruise.io/v1alpha1', kind: 'TrafficRouting', metadata: { name: 'tr', namespace: 'shop' }, spec: { objectRef: [{ service: 'x', customNetworkRefs: [vs] }] }, status: { phase: 'Progressing' } };
    expect(progressingOn([tr], [vs])?.text).toMatch(/^TrafficRouting shop\/tr is Progressing on this object/);
  });
});

describe('progressingOn for the page', () => {
  it('gives one sentence per owner that renders to the English in order, and differs in Chinese', () => {
    const c = progressingOn([rollout('frontend', 'Progressing', [vs, dr]), rollout('web', 'Progressing', [dr])], [vs, dr])!;
    expect(c.msgs.map((m) => englishText(m.key, m.values)).join(' ')).toBe(c.text);
    expect(c.text).toBe('Rollout shop/frontend is Progressing on VirtualService/frontend, DestinationRule/frontend: the controller will overwrite manual changes on its next reconcile. Rollout shop/web is Progressing on DestinationRule/frontend: the controller will overwrite manual changes on its next reconcile.');
    const one = progressingOn([rollout('frontend', 'Progressing', [vs])], [vs])!;
    expect(one.msgs.map((m) => englishText(m.key, m.values))).toEqual([one.text]);
    for (const m of [...c.msgs, ...one.msgs]) {
      const chinese = fillIcu(messageAt(CATALOGUES['zh-CN'], m.key), m.values);
      expect(chinese).not.toBe(englishText(m.key, m.values));
      expect(chinese).toContain(String(m.values?.owner));
    }
  });
});

describe('staleTargets', () => {
  const t = (over: Partial<VersionedTarget>): VersionedTarget => ({ key: 'VirtualService/frontend', kind: 'VirtualService', namespace: 'shop', name: 'frontend', resourceVersion: '5', writes: true, ...over });
  const msg = (x: VersionedTarget, c: string | null) => `${x.key} ${c}->${x.resourceVersion}`;

  it('passes when every object is as confirmed', () => {
    expect(staleTargets([t({})], { 'VirtualService/frontend': '5' }, msg)).toEqual([]);
  });

  it('refuses a changed, vanished or unconfirmed object', () => {
    expect(staleTargets([t({ resourceVersion: '6' })], { 'VirtualService/frontend': '5' }, msg)).toEqual(['VirtualService/frontend 5->6']);
    expect(staleTargets([t({ resourceVersion: null })], { 'VirtualService/frontend': '5' }, msg)).toEqual(['VirtualService/frontend 5->null']);
    expect(staleTargets([t({ resourceVersion: null, writes: false })], { 'VirtualService/frontend': null }, msg)).toEqual([]);
    expect(staleTargets([t({ writes: false })], { 'VirtualService/frontend': null }, msg)).toEqual(['VirtualService/frontend null->5']);
    expect(staleTargets([t({})], {}, msg)).toEqual(['VirtualService shop/frontend was not in the plan you confirmed; nothing was written. Reload and review the new diff.']);
  });

  it('an object that is not written need not be confirmed, but must not have changed if it was', () => {
    expect(staleTargets([t({ writes: false })], {}, msg)).toEqual([]);
    expect(staleTargets([t({ writes: false, resourceVersion: '7' })], { 'VirtualService/frontend': '5' }, msg)).toEqual(['VirtualService/frontend 5->7']);
  });
});
