// An unexpected throw reaches the UI as one sentence, the error's own words verbatim.
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import type { Msg } from '@/lib/i18n/message';
import { CATALOGUES } from '@/messages';

import { guard } from './server-result';

const en = createTranslator({ locale: 'en', messages: CATALOGUES.en });
const zh = createTranslator({ locale: 'zh-CN', messages: CATALOGUES['zh-CN'] });
const text = (m: Msg, t: typeof en) => (t as unknown as (k: string, v?: Msg['values']) => string)(m.key, m.values);

describe('guard', () => {
  it('words an unexpected error as before, with a descriptor', async () => {
    const res = await guard(async () => {
      throw new TypeError('x is undefined');
    });
    expect(res).toEqual({ ok: false, error: 'The action failed: x is undefined', messages: [{ key: 'rollouts.refusal.actionFailed', values: { error: 'x is undefined' } }] });
    if (res.ok) return;
    expect(text(res.messages![0], en)).toBe(res.error);
    const chinese = text(res.messages![0], zh);
    expect(chinese).not.toBe(res.error);
    expect(chinese).toMatch(/\p{Script=Han}/u);
    expect(chinese).toContain('x is undefined');
  });
});
