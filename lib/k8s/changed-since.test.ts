// The stale-write refusals keep the wording the CLI, the audit and the e2e specs know, and render in
// the reader's language from the same catalogue entry.
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '@/messages';
import type { Msg } from '@/lib/i18n/message';
import { textAndMsg } from '@/lib/i18n/english';
import { changedSince, createdSince, deletedSince } from './changed-since';

type T = (k: string, v?: Msg['values']) => string;
const en = createTranslator({ locale: 'en', messages: CATALOGUES.en }) as unknown as T;
const zh = createTranslator({ locale: 'zh-CN', messages: CATALOGUES['zh-CN'] }) as unknown as T;

describe('refusal wording', () => {
  it('is the English the studio always wrote', () => {
    expect(changedSince('VirtualService', 'shop', 'web', '12', '14').text).toBe('VirtualService shop/web changed since you opened it (resourceVersion 12, now 14); nothing was written. Reload and review the new diff.');
    expect(changedSince('VirtualService', 'shop', 'web', '12').text).toBe('VirtualService shop/web changed since you opened it (resourceVersion 12); nothing was written. Reload and review the new diff.');
    expect(changedSince('Namespace', undefined, 'shop', undefined).text).toBe('Namespace shop changed since you opened it; nothing was written. Reload and review the new diff.');
    expect(deletedSince('ConfigMap', 'kruise-rollout/kruise-rollout-configuration').text).toBe('ConfigMap kruise-rollout/kruise-rollout-configuration was deleted since you opened it; nothing was written. Reload and review the new diff.');
    expect(deletedSince('VirtualService', 'shop/web', '7').text).toBe('VirtualService shop/web was deleted since you opened it (resourceVersion 7); nothing was written. Reload and review the new diff.');
    expect(createdSince('ConfigMap', 'kruise-rollout/x', '9').text).toBe('ConfigMap kruise-rollout/x was created since you opened it (resourceVersion 9); nothing was written. Reload and review the new diff.');
    expect(textAndMsg('rollouts.refusal.notPaused', { target: 'shop/frontend', state: 'StepReady' }).text).toBe('Rollout shop/frontend is not paused (step state StepReady): Approve only continues a step in StepPaused.');
    expect(textAndMsg('rollouts.refusal.noStep', { target: 'shop/frontend', step: '9', steps: '4' }).text).toBe('Rollout shop/frontend has no step 9 (it has 4).');
  });

  it('renders each descriptor to its English text, and to Chinese in zh-CN', () => {
    const all = [
      changedSince('VirtualService', 'shop', 'web', '12', '14'),
      changedSince('VirtualService', 'shop', 'web', '12'),
      changedSince('Namespace', undefined, 'shop', null),
      deletedSince('ConfigMap', 'a/b'),
      deletedSince('ConfigMap', 'a/b', '3'),
      createdSince('ConfigMap', 'a/b', '3'),
      textAndMsg('common.refusal.notPlanned', { kind: 'VirtualService', target: 'shop/web' }),
      ...['notPaused', 'noStep', 'noContext', 'noContextWhy', 'noRefs', 'notPermitted', 'progressing'].map((k) =>
        textAndMsg(`rollouts.refusal.${k}`, { target: 'shop/frontend', state: 'StepReady', step: '9', steps: '4', problem: 'p', reason: 'r', conflict: 'c' }),
      ),
    ];
    for (const r of all) {
      expect(en(r.msg.key, r.msg.values)).toBe(r.text);
      expect(zh(r.msg.key, r.msg.values)).not.toBe(r.text);
    }
  });
});

describe('access review answers', () => {
  it('render in English exactly as the studio wrote them, and in Chinese', () => {
    const cases = ['denied', 'deniedWhy', 'noReviews', 'askFailed'].flatMap((k) =>
      ['namespaced', 'cluster'].map((scope) => textAndMsg(`shell.access.${k}.${scope}`, { verb: 'update', resource: 'virtualservices.networking.istio.io', namespace: 'shop', context: 'ctx', why: 'w', quote: 'q' })),
    );
    expect(cases[1].text).toBe('You may not update virtualservices.networking.istio.io at the cluster scope (context "ctx").');
    expect(cases[2].text).toBe('You may not update virtualservices.networking.istio.io in shop (context "ctx"): w.');
    for (const r of cases) {
      expect(en(r.msg.key, r.msg.values)).toBe(r.text);
      expect(zh(r.msg.key, r.msg.values)).not.toBe(r.text);
    }
  });
});
