// Types every `t('…')` key against the English catalogue: a missing key fails `tsc`.
import type { Messages } from '@/messages';
import type { Locale } from './locales';

declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
