import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // The client library is ESM-only and large; loading it from node_modules keeps builds fast.
  serverExternalPackages: ['@kubernetes/client-node', 'selfsigned'],
  poweredByHeader: false,
  devIndicators: false,
};

export default nextConfig;
