// The studio's languages and how one is chosen for a request. Pure: the request config, the
// switch and the tests share it. URLs never carry the locale (the issue: "URLs stay the same").
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';
/** The user's choice from the header switch; a year, like the context cookie. */
export const LOCALE_COOKIE = 'kls_locale';
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;
/** Each language names itself in the switch, so a user who cannot read the current one finds theirs. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '中文' };

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

/** Maps a BCP 47 tag to a studio locale: any Chinese written in simplified script, or plain `zh`. */
export function matchLocale(tag: string): Locale | null {
  const t = tag.trim().toLowerCase();
  if (!t || t === '*') return null;
  if (t === 'en' || t.startsWith('en-')) return 'en';
  // zh-TW / zh-HK / zh-Hant are traditional script: the simplified catalogue is closer than English
  // for most readers, and Headlamp/Kiali do the same fallback.
  if (t === 'zh' || t.startsWith('zh-')) return 'zh-CN';
  return null;
}

/** `Accept-Language` by quality, first match wins; ties keep the header's order (RFC 9110 §12.5.4). */
export function fromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag ?? '', quality: Number.isFinite(quality) ? quality : 0, i };
    })
    .filter((x) => x.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.i - b.i);
  for (const { tag } of ranked) {
    const m = matchLocale(tag);
    if (m) return m;
  }
  return null;
}

/** The user's switch wins, then the browser's languages, then `STUDIO_LOCALE`, then English. */
export function resolveLocale(input: { cookie?: string | null; acceptLanguage?: string | null; studioLocale?: string | null }): Locale {
  if (isLocale(input.cookie)) return input.cookie;
  return fromAcceptLanguage(input.acceptLanguage) ?? (input.studioLocale ? matchLocale(input.studioLocale) : null) ?? DEFAULT_LOCALE;
}
