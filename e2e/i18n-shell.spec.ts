import { expect, test } from './fixtures';
import { AppShell, NAV, NAV_ZH } from './pages/app-shell';
import { AuditPage } from './pages/audit-page';
import { SignInPage } from './pages/sign-in-page';

// The frame of every page in 中文: navigation, cluster header, the audit page, the not-found page
// and /sign-in (the main studio runs STUDIO_AUTH=none, so it says no sign-in is needed).
test('with 中文 chosen, the shell, audit, not-found and sign-in pages are Chinese, and a reload keeps it', async ({ page }) => {
  await page.goto('/pods');
  const english = new AppShell(page);
  // The switch only works once the page has hydrated: wait for the live header first.
  await english.expectConnected();
  await english.switchLanguage('zh-CN');
  const shell = new AppShell(page, 'zh-CN');
  for (const item of NAV) await expect(shell.navLink(NAV_ZH[item.path])).toBeVisible();
  await expect(shell.contextName).toHaveText('sandbox');
  await expect(shell.sandboxBadge).toHaveText('沙箱');
  await shell.expectConnected();
  await expect(shell.contextSelect).toHaveValue('sandbox');
  await expect(shell.namespaceSelect.getByRole('option', { name: '全部命名空间', exact: true })).toBeAttached();

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await shell.navLink('审计').click();
  const audit = new AuditPage(page, 'zh-CN');
  await expect(audit.heading).toBeVisible();
  await expect(shell.navLink('审计')).toHaveAttribute('aria-current', 'page');
  await expect(page).toHaveTitle('审计 · Kube Lua Studio');
  await expect(audit.filters.getByRole('textbox', { name: '用户', exact: true })).toBeVisible();
  await expect(audit.filters.getByRole('combobox', { name: '结果', exact: true }).getByRole('option', { name: '被拒绝' })).toBeAttached();
  await expect(audit.table.or(audit.empty)).toBeVisible();

  const res = await page.goto('/no-such-page');
  expect(res?.status()).toBe(404);
  await expect(shell.heading('页面未找到')).toBeVisible();
  await expect(page).toHaveTitle('未找到 · Kube Lua Studio');
  await expect(shell.main.getByRole('link', { name: '前往 Pod', exact: true })).toBeVisible();

  const signIn = new SignInPage(page, 'zh-CN');
  await page.goto('/sign-in');
  await expect(signIn.heading).toBeVisible();
  await expect(page.getByText('此 Studio 无需登录。')).toBeVisible();
  await expect(signIn.openStudio).toBeVisible();
  await expect(signIn.languageSelect).toHaveValue('zh-CN');
  await expect(page).toHaveTitle('登录 · Kube Lua Studio');
});

test.describe('at 768 px', () => {
  test.use({ viewport: { width: 768, height: 900 }, locale: 'zh-CN' });

  test('the sidebar is icons that keep their names and tooltips; the header wraps; the heading stays in view', async ({ page }) => {
    const shell = new AppShell(page, 'zh-CN');
    const audit = new AuditPage(page, 'zh-CN');
    await page.goto('/audit');
    await expect(audit.heading).toBeInViewport();
    for (const item of NAV) {
      const link = shell.navLink(NAV_ZH[item.path]);
      await expect(link).toBeVisible();
      await expect(link).toHaveAttribute('title', new RegExp(`^${NAV_ZH[item.path]} — `));
      expect((await link.boundingBox())!.width).toBeLessThan(60);
    }
    await shell.expectConnected();
    for (const control of [shell.contextName, shell.apiServer, shell.contextSelect, shell.namespaceSelect, shell.languageSelect]) await expect(control).toBeInViewport({ ratio: 1 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);

    // The icon links are reachable from the keyboard and open their page.
    await shell.navLink('设置').focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/settings$/);
    await expect(shell.navLink('设置')).toHaveAttribute('aria-current', 'page');
  });
});

test.describe('at 768 px in English', () => {
  test.use({ viewport: { width: 768, height: 900 }, locale: 'en-US' });

  test('the collapsed links keep their English names', async ({ page, shell }) => {
    await page.goto('/pods');
    for (const item of NAV) await expect(shell.navLink(item.label)).toBeVisible();
    await shell.navLink('Audit').click();
    await expect(shell.heading('Audit')).toBeInViewport();
  });
});
