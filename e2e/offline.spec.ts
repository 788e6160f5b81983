import { expect, isLocal, test } from './fixtures';
import { NAV } from './pages/app-shell';

test('no request leaves 127.0.0.1 on any page', async ({ shell, requests }) => {
  for (const item of NAV) {
    await shell.goto(item.path);
    await expect(shell.heading(item.heading)).toBeVisible();
  }
  await shell.goto('/resources/pods');
  await expect(shell.heading('Pod')).toBeVisible();
  await shell.goto('/no-such-page');
  await expect(shell.heading('Page not found')).toBeVisible();

  expect(requests.length, 'requests were recorded').toBeGreaterThan(5);
  expect(requests.filter((u) => !isLocal(u))).toEqual([]);
});
