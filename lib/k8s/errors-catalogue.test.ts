// toKubeError takes its wording from the common catalogue: the English is exactly what the studio
// wrote before the catalogue existed (testdata/errors-english.json, recorded from that code), and the
// descriptor renders it in Chinese. The API server's own words stay verbatim and carry no descriptor.
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '@/messages';
import type { Msg } from '@/lib/i18n/message';
import english from './testdata/errors-english.json';
import { toKubeError } from './errors';
import { MATRIX } from './testdata/errors-matrix';

type T = (k: string, v?: Msg['values']) => string;
const en = createTranslator({ locale: 'en', messages: CATALOGUES.en }) as unknown as T;
const zh = createTranslator({ locale: 'zh-CN', messages: CATALOGUES['zh-CN'] }) as unknown as T;
const recorded = english as Record<string, string>;

describe('toKubeError wording', () => {
  it.each(MATRIX)('%s', (label, err, ctx) => {
    const e = toKubeError(err, ctx);
    expect(e.message).toBe(recorded[label]);
    if (!e.messageMsg) {
      // only text that is not the studio's: the server's message or the error's own
      expect(e.message === 'something odd' || /said|teapot/.test(label)).toBe(true);
      return;
    }
    expect(en(e.messageMsg.key, e.messageMsg.values)).toBe(e.message);
    const chinese = zh(e.messageMsg.key, e.messageMsg.values);
    expect(chinese).not.toBe(e.message);
    expect(chinese).toMatch(/[\u4e00-\u9fff]/);
  });

  it('gives every network code its own words, not the raw error', () => {
    const texts = MATRIX.filter(([l]) => /^E|^UND_/.test(l) && l.endsWith('/ empty')).map(([, err]) => toKubeError(err).message);
    expect(texts.every((t) => !t.includes('fetch failed'))).toBe(true);
  });
});
