import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '@/messages';
import { answerError, notJsonError } from './answer-error';
import { textAndMsg } from './english';
import type { Msg } from './message';

type T = (k: string, v?: Msg['values']) => string;
const en = createTranslator({ locale: 'en', messages: CATALOGUES.en }) as unknown as T;
const zh = createTranslator({ locale: 'zh-CN', messages: CATALOGUES['zh-CN'] }) as unknown as T;

describe('answerError', () => {
  it("keeps the route's words and descriptor", () => {
    const { text, msg } = textAndMsg('common.apiError.pluginStore', { message: 'EACCES: permission denied' });
    expect(text).toBe('The plugin store failed: EACCES: permission denied');
    const e = answerError('/api/plugins', 500, { error: text, errorMsg: msg });
    expect(e.message).toBe(text);
    expect(zh(e.msg!.key, e.msg!.values)).toBe('插件存储出错：EACCES: permission denied');
  });

  it('says the status when the route gave no words, in both languages', () => {
    for (const e of [answerError('/api/audit', 502, null), notJsonError('/api/audit')]) {
      expect(en(e.msg!.key, e.msg!.values)).toBe(e.message);
      expect(zh(e.msg!.key, e.msg!.values)).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(answerError('/api/audit', 502, {}).message).toBe('GET /api/audit answered 502');
  });

  it('renders the audit, settings store and pod log failures', () => {
    for (const key of ['common.apiError.auditRead', 'settings.action.storeFailed', 'common.apiError.logRequest', 'common.apiError.logNoContext', 'common.apiError.sessionCheck']) {
      const { text, msg } = textAndMsg(key, { message: 'x', why: 'tailLines: too big' });
      expect(en(msg.key, msg.values)).toBe(text);
      expect(zh(msg.key, msg.values)).not.toBe(text);
    }
  });
});
