import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

// Scripts that users save are opened by other users: even with fengari's `js` module never loaded,
// the page and its Lua Worker may only talk to this origin (lua-dialect.md §7).
const CSP = [
  "default-src 'self'",
  // Next.js inlines its bootstrap scripts; dev mode also needs eval for fast refresh.
  `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === 'development' ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const nextConfig: NextConfig = {
  // The client library is ESM-only and large; loading it from node_modules keeps builds fast.
  serverExternalPackages: ['@kubernetes/client-node', 'selfsigned'],
  poweredByHeader: false,
  devIndicators: false,
  // `npm test` runs `tsc --noEmit` over the whole repository as its own stage; checking again inside
  // every `next build` would double the slowest part of `npm start` on a 2-core machine.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: CSP },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'no-referrer' },
        ],
      },
    ];
  },
};

// next-intl reads the request's locale and catalogue from here (lib/i18n/request.ts).
const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

export default withNextIntl(nextConfig);
