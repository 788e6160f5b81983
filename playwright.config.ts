import { defineConfig } from '@playwright/test';
import { BASE_URL as baseURL, FAKE_DEEPFLOW_PORT, FAKE_DEEPFLOW_URL, HOST, PORT, SANDBOX_KUBECONFIG, STUDIO_DATA_DIR } from './e2e/env';
import { ROOT, SERVERS } from './e2e/failure-env';

export default defineConfig({
  testDir: './e2e',
  // Two cores shared by many: one browser at a time, and specs that share the sandbox never race.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  outputDir: 'test-results/e2e',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1440, height: 900 },
    // English unless a spec asks for 中文 (the studio follows Accept-Language until the switch is used).
    locale: 'en-US',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'main', testIgnore: /audit-complete\.spec\.ts$/ },
    // after everything else: every write the run made through the studio is in its audit
    { name: 'audit', testMatch: /audit-complete\.spec\.ts$/, dependencies: ['main'] },
  ],
  webServer: [
    // The fake DeepFlow controller the main studio uploads plugins to (deepflow-tagging.md §8).
    {
      command: `node e2e/support/fake-deepflow.mjs ${FAKE_DEEPFLOW_PORT}`,
      url: `${FAKE_DEEPFLOW_URL}/v1/plugin/`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      command: 'node scripts/start.mjs',
      url: baseURL,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        PORT: String(PORT),
        HOST,
        STUDIO_CLUSTER: 'sandbox',
        STUDIO_SANDBOX_KUBECONFIG: SANDBOX_KUBECONFIG,
        // A fresh plugin store per run (e2e/env.ts), synced with the fake DeepFlow server.
        STUDIO_DATA_DIR,
        STUDIO_PLUGIN_STORE: 'file',
        DEEPFLOW_SERVER_URL: FAKE_DEEPFLOW_URL,
        DEEPFLOW_ORG_ID: '1',
      },
    },
    // One studio per broken setup (e2e/failure-env.ts). Started one after another, after the one above
    // has built the app if needed, so they only pay for `next start`. Output is copied to a log file so
    // the specs can check what the terminal says.
    // E2E_MAIN_ONLY=1 skips them while working on specs that need only the main studio.
    // E2E_SERVERS=tokenAuth,… starts only those (a spec's own server while working on it).
    ...(process.env.E2E_MAIN_ONLY ? [] : Object.entries(SERVERS).filter(([k]) => !process.env.E2E_SERVERS || process.env.E2E_SERVERS.split(',').includes(k)).map(([, s]) => s)).map((s) => ({
      command: `node e2e/support/start-logged.mjs ${JSON.stringify(s.log)}`,
      cwd: ROOT,
      url: s.baseURL,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: 'pipe' as const,
      stderr: 'pipe' as const,
      env: s.env,
    })),
  ],
});
