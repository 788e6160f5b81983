import 'server-only';
// next-intl's per-request configuration (wired in next.config.ts): the locale from the switch's
// cookie, the browser's Accept-Language or STUDIO_LOCALE, and that locale's catalogue. Server
// components and server actions read it; the root layout hands it to client components.
import { getRequestConfig } from 'next-intl/server';
import { cookies, headers } from 'next/headers';
import { CATALOGUES } from '@/messages';
import { LOCALE_COOKIE, resolveLocale } from './locales';
import { studioTimeZone } from './time-zone';

export default getRequestConfig(async () => {
  const env = process.env;
  const locale = resolveLocale({
    cookie: (await cookies()).get(LOCALE_COOKIE)?.value,
    acceptLanguage: (await headers()).get('accept-language'),
    studioLocale: env.STUDIO_LOCALE,
  });
  return { locale, messages: CATALOGUES[locale], timeZone: studioTimeZone(env) };
});
