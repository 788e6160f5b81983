import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { englishText } from '@/lib/i18n/english';
import type { Msg } from '@/lib/i18n/message';
import { CATALOGUES } from '@/messages';
import { progressingSentence } from './progressing-text';

const zh = createTranslator({ locale: 'zh-CN', messages: CATALOGUES['zh-CN'] });
const chinese = (m: Msg) => (zh as unknown as (k: string, v?: Msg['values']) => string)(m.key, m.values);

describe('progressingSentence', () => {
  it('is the catalogue sentence in English, and Chinese for the page with the names verbatim', () => {
    const one = progressingSentence('Rollout shop/frontend', null);
    expect(one.text).toBe('Rollout shop/frontend is Progressing on this object: the controller will overwrite manual changes on its next reconcile.');
    const many = progressingSentence('TrafficRouting shop/tr', 'VirtualService/frontend, DestinationRule/frontend');
    expect(many.text).toBe('TrafficRouting shop/tr is Progressing on VirtualService/frontend, DestinationRule/frontend: the controller will overwrite manual changes on its next reconcile.');
    for (const s of [one, many]) {
      expect(englishText(s.msg.key, s.msg.values)).toBe(s.text);
      expect(chinese(s.msg)).not.toBe(s.text);
      expect(chinese(s.msg)).toContain(String(s.msg.values?.owner));
    }
    expect(chinese(many.msg)).toContain('VirtualService/frontend, DestinationRule/frontend');
  });
});
