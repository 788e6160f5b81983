'use client';
// The header's language switch. The choice is a cookie (setLocale); refreshing re-renders the
// server components in the new language, and client components follow the provider.
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { setLocale } from '@/app/actions';
import { LOCALE_NAMES, LOCALES } from '@/lib/i18n/locales';

export function LocaleSwitch() {
  const locale = useLocale();
  const t = useTranslations('shell');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const choose = (next: string) =>
    startTransition(async () => {
      const r = await setLocale({ locale: next });
      if (r.ok) {
        setError(null);
        router.refresh();
      } else setError(r.error);
    });
  return (
    <div className="flex items-center gap-1.5">
      <select
        aria-label={t('language')}
        value={locale}
        disabled={pending}
        onChange={(e) => choose(e.target.value)}
        className="rounded border border-line bg-surface px-1.5 py-0.5 text-[12px]"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
      {error ? (
        <span role="alert" className="text-danger">
          {t('languageFailed', { error })}
        </span>
      ) : null}
    </div>
  );
}
