import { expect, test } from './fixtures';
import { NAV } from './pages/app-shell';

test('the root redirects to the pods page', async ({ page, shell }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/pods$/);
  await expect(shell.heading('Pods')).toBeVisible();
});

test('every navigation item renders its page, heading and active state', async ({ page, shell }) => {
  await shell.goto('/pods');
  for (const item of NAV) {
    await shell.navLink(item.label).click();
    // the playground keeps its mode in the URL (?mode=…)
    await expect(page).toHaveURL(new RegExp(`${item.path}(\\?mode=\\w+)?$`));
    await expect(shell.heading(item.heading)).toBeVisible();
    await expect(shell.navLink(item.label)).toHaveAttribute('aria-current', 'page');
    for (const other of NAV.filter((o) => o !== item)) await expect(shell.navLink(other.label)).not.toHaveAttribute('aria-current');
    // Route-level skeletons must give way to content, never linger.
    await expect(shell.main.getByRole('status', { name: /^Loading page|^Loading pods|^Loading rollouts|^Loading settings/ })).toHaveCount(0);
    await expect(page).toHaveTitle(new RegExp(`^${item.label} · Kube Lua Studio$`));
  }
});

test('the rollouts page delivers the step preview it once announced (issue #8)', async ({ shell }) => {
  await shell.goto('/rollouts');
  await expect(shell.heading('Rollouts')).toBeVisible();
  await expect(shell.main.getByText(/coming in a later version/)).toHaveCount(0);
});

test('an unknown address shows the not-found page with a way back', async ({ page, shell }) => {
  const res = await page.goto('/no-such-page');
  expect(res?.status()).toBe(404);
  await expect(shell.heading('Page not found')).toBeVisible();
  await shell.main.getByRole('link', { name: 'Go to Pods' }).click();
  await expect(shell.heading('Pods')).toBeVisible();
});

test('keyboard: "/" focuses the list filter', async ({ page, shell }) => {
  await shell.goto('/pods');
  await expect(shell.heading('Pods')).toBeVisible();
  // The heading is server-rendered, so it shows before the page hydrates; the shortcut works once
  // it has. Press again until then: each press must either do nothing or focus the filter.
  const filter = shell.main.getByRole('searchbox', { name: 'Filter pods' });
  await expect(async () => {
    await page.keyboard.press('/');
    await expect(filter).toBeFocused({ timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await expect(filter).toHaveValue('');
});
