import { test as base, expect, type Request } from '@playwright/test';
import { HOST } from './env';
import { AppShell } from './pages/app-shell';

/** True for a request that stays on this machine's loopback address (or never hits the network). */
export function isLocal(url: string): boolean {
  const u = new URL(url);
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return true;
  return u.hostname === HOST;
}

interface Fixtures {
  /** Every request made by any page or worker of this test's browser context. */
  requests: string[];
  shell: AppShell;
}

// Auto fixture: the rule "no request leaves 127.0.0.1" holds for every spec, not only the one that asserts it.
export const test = base.extend<Fixtures & { guardRequests: void }>({
  requests: async ({}, use) => {
    await use([]);
  },
  guardRequests: [
    async ({ context, requests }, use) => {
      const record = (r: Request) => requests.push(r.url());
      context.on('request', record);
      await use();
      context.off('request', record);
      const external = requests.filter((u) => !isLocal(u));
      expect(external, 'requests that left 127.0.0.1').toEqual([]);
    },
    { auto: true },
  ],
  shell: async ({ page }, use) => {
    await use(new AppShell(page));
  },
});

export { expect };
