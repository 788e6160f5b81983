import { describe, expect, it } from 'vitest';
import { fromAcceptLanguage, matchLocale, resolveLocale } from './locales';

describe('locale choice', () => {
  it('maps language tags to the two catalogues', () => {
    expect(matchLocale('zh')).toBe('zh-CN');
    expect(matchLocale('zh-Hans-CN')).toBe('zh-CN');
    expect(matchLocale('zh-TW')).toBe('zh-CN');
    expect(matchLocale('en-GB')).toBe('en');
    expect(matchLocale('de')).toBeNull();
    expect(matchLocale('*')).toBeNull();
  });

  it('reads Accept-Language by quality, ties in order', () => {
    expect(fromAcceptLanguage('de-DE,zh-CN;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(fromAcceptLanguage('en;q=0.5, zh;q=0.7')).toBe('zh-CN');
    expect(fromAcceptLanguage('zh;q=0, en')).toBe('en');
    expect(fromAcceptLanguage('fr, de')).toBeNull();
    expect(fromAcceptLanguage('')).toBeNull();
    expect(fromAcceptLanguage(undefined)).toBeNull();
  });

  it('the switch wins over the browser, the browser over STUDIO_LOCALE, then English', () => {
    expect(resolveLocale({ cookie: 'en', acceptLanguage: 'zh-CN', studioLocale: 'zh-CN' })).toBe('en');
    expect(resolveLocale({ cookie: 'klingon', acceptLanguage: 'zh-CN' })).toBe('zh-CN');
    expect(resolveLocale({ acceptLanguage: 'fr', studioLocale: 'zh-CN' })).toBe('zh-CN');
    expect(resolveLocale({ studioLocale: 'xx' })).toBe('en');
    expect(resolveLocale({})).toBe('en');
  });
});
