import { describe, expect, it } from 'vitest';

describe('the read-only refusal', () => {
  it('reads the same from the catalogue, and in Chinese', async () => {
    const { createTranslator } = await import('next-intl');
    const { CATALOGUES } = await import('@/messages');
    const { READ_ONLY_MESSAGE, READ_ONLY_MSG } = await import('./read-only');
    const en = createTranslator({ locale: 'en', messages: CATALOGUES.en }) as unknown as (k: string) => string;
    const zh = createTranslator({ locale: 'zh-CN', messages: CATALOGUES['zh-CN'] }) as unknown as (k: string) => string;
    expect(en(READ_ONLY_MSG.key)).toBe(READ_ONLY_MESSAGE);
    expect(zh(READ_ONLY_MSG.key)).toContain('只读');
  });
});
