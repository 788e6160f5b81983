import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/app-shell';
import { AppFrame } from '@/components/auth/app-frame';
import { Providers } from '@/components/providers';
import './globals.css';

export const metadata: Metadata = {
  title: { template: '%s · Kube Lua Studio', default: 'Kube Lua Studio' },
  description: 'Write, test and ship the Lua programs that Kubernetes tools embed.',
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>
          <AppFrame bare={children}>
            <AppShell>{children}</AppShell>
          </AppFrame>
        </Providers>
      </body>
    </html>
  );
}
