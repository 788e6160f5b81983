// The browser's own failures: the English literal is what the en catalogue says, the Chinese differs.
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import type { Msg } from '@/lib/i18n/message';
import { CATALOGUES } from '@/messages';
import { noContext, notAsked, permissionsUnchecked } from './client-failures';

const en = createTranslator({ locale: 'en', messages: CATALOGUES.en });
const zh = createTranslator({ locale: 'zh-CN', messages: CATALOGUES['zh-CN'] });
const text = (m: Msg, t: typeof en) => (t as unknown as (k: string, v?: Msg['values']) => string)(m.key, m.values);

describe('client failures', () => {
  it.each([
    ['notAsked', notAsked(new Error('Failed to fetch')), 'The server could not be asked: Failed to fetch'],
    ['noContext', noContext(), 'No cluster context is selected.'],
    ['permissionsUnchecked', permissionsUnchecked(new Error('Failed to fetch')), 'Permissions could not be checked: Failed to fetch'],
  ])('%s says the same in English as its descriptor, and Chinese otherwise', (_name, f, english) => {
    expect(f.error).toBe(english);
    expect(f.messages.map((m) => text(m, en)).join(' ')).toBe(english);
    const chinese = f.messages.map((m) => text(m, zh)).join(' ');
    expect(chinese).not.toBe(english);
    expect(chinese).toMatch(/\p{Script=Han}/u);
    if (english.includes('Failed to fetch')) expect(chinese).toContain('Failed to fetch');
  });
});
