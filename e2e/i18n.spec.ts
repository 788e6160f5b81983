import { expect, test } from './fixtures';
import { AppShell } from './pages/app-shell';

test.describe('language', () => {
  test('the header switch changes the language, and a reload keeps it', async ({ page }) => {
    const shell = new AppShell(page);
    await page.goto('/pods');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(shell.languageSelect).toHaveAccessibleName('Language');
    await shell.switchLanguage('zh-CN');
    await expect(shell.languageSelect).toHaveAccessibleName('语言');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await shell.switchLanguage('en');
    await expect(shell.languageSelect).toHaveAccessibleName('Language');
  });
});

test.describe('a Chinese browser', () => {
  test.use({ locale: 'zh-CN' });
  test('is answered in 中文 without touching the switch', async ({ page }) => {
    const shell = new AppShell(page);
    await page.goto('/pods');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(shell.languageSelect).toHaveValue('zh-CN');
  });
});
