import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: root },
      // `server-only` throws outside React Server Components; unit tests import server modules directly.
      { find: 'server-only', replacement: `${root}lib/testing/server-only-stub.ts` },
    ],
  },
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', 'e2e/**', '.next/**', 'dist/**'],
    environment: 'node',
    // write paths append to the audit log under STUDIO_DATA_DIR: never the developer's own
    env: { STUDIO_DATA_DIR: mkdtempSync(join(tmpdir(), 'kls-vitest-data-')) },
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
