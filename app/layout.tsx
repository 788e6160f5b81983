import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/app-shell';
import { AppFrame } from '@/components/auth/app-frame';
import { Providers } from '@/components/providers';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('shell');
  return {
    title: { template: '%s · Kube Lua Studio', default: 'Kube Lua Studio' },
    description: t('description'),
  };
}

export const viewport: Viewport = {
  colorScheme: 'light dark',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider>
          <Providers>
            <AppFrame bare={children}>
              <AppShell>{children}</AppShell>
            </AppFrame>
          </Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
