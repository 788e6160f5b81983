// Issue #10 §2 for what opens on a page: axe (WCAG 2.0/2.1 A and AA) finds no serious or critical
// violation in a dialog or a menu, in English and in 中文 (every page itself is checked in
// every-page.spec.ts); and the keyboard reaches everything: the skip link, the main navigation, list rows (Enter) and dialogs (focus in, trapped,
// back to the opener on Escape). Nothing here writes to the cluster: dialogs are closed unconfirmed.
import { expect, test } from './fixtures';
import { openTarget, pageHeading, PAGES } from './pages/a11y-targets';
import { nameOf, type Lang } from './pages/bilingual';
import { expectNoSeriousA11yViolations } from './support/axe';
import type { Page } from '@playwright/test';

// Pages that run Lua workers or plan on the server take a while on a busy two-core machine.
test.describe.configure({ timeout: 60_000 });

/** True when the focused element is inside `dialog` (or nothing of the page has focus). */
async function focusStaysIn(page: Page): Promise<boolean> {
  return page.getByRole('dialog').evaluate((d) => {
    const a = document.activeElement;
    return !a || a === document.body || d.contains(a);
  });
}

function dialogs(lang: Lang) {
  test('a Rollout action dialog: named, focus moves in and stays, Escape returns it to the opener; no axe violation', async ({ page }, testInfo) => {
    await openTarget(page, PAGES.find((p) => p.id === 'rollout-detail')!, lang);
    const opener = page.getByRole('main').getByRole('button', { name: nameOf('applyStep1', lang) }).first();
    const dialog = page.getByRole('dialog');
    // hydration wires the handler: retry the keypress until the dialog is open
    await expect(async () => {
      if (!(await dialog.isVisible())) {
        await opener.focus();
        await page.keyboard.press('Enter');
      }
      await expect(dialog).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 30_000 });
    // aria-labelledby: the dialog is named by its title heading
    const title = (await dialog.getByRole('heading', { level: 2 }).innerText()).trim();
    await expect(dialog).toHaveAccessibleName(title);
    expect(await focusStaysIn(page)).toBe(true);
    // the server's plan (a read) has arrived: a diff region or an alert
    await expect(dialog.getByRole('region').or(dialog.getByRole('alert')).first()).toBeVisible({ timeout: 20_000 });
    await expectNoSeriousA11yViolations(page, testInfo, `${lang}-rollout-action-dialog`);
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect(await focusStaysIn(page), `focus after ${i + 1} Tab presses`).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(opener).toBeFocused();
  });

  test('the playground Templates menu: no axe violation while open; Escape returns focus', async ({ page }, testInfo) => {
    await openTarget(page, PAGES.find((p) => p.id === 'playground-tagging')!, lang);
    const button = page.getByRole('main').getByRole('button', { name: nameOf('templates', lang) }).first();
    const menu = page.getByRole('menu');
    await expect(async () => {
      if (!(await menu.isVisible())) await button.click({ timeout: 5_000 });
      await expect(menu).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 30_000 });
    await expectNoSeriousA11yViolations(page, testInfo, `${lang}-templates-menu`);
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
    await expect(button).toBeFocused();
  });
}

function keyboard(lang: Lang) {
  test('Tab reaches the skip link first, then the main navigation, with a visible focus ring', async ({ page }) => {
    await openTarget(page, PAGES.find((p) => p.id === 'pods')!, lang);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: nameOf('skipLink', lang) });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await expect(skip).toHaveAttribute('href', '#main');
    const nav = page.getByRole('navigation').first();
    let inNav = false;
    for (let i = 0; i < 6 && !inNav; i++) {
      await page.keyboard.press('Tab');
      inNav = await nav.evaluate((n) => n.contains(document.activeElement));
    }
    expect(inNav, 'a main navigation link is reached within 6 Tab presses').toBe(true);
    const ring = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement!);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    expect(ring.style).not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(2);
  });

  test('a pod row opens its drawer with Enter, and Escape gives the row its focus back', async ({ page }) => {
    await openTarget(page, { id: 'pods-db', path: '/pods?ns=db', ready: async (p) => void (await expect(p.getByRole('main').getByRole('table').first()).toBeVisible({ timeout: 20_000 })) }, lang);
    const row = page.getByRole('main').getByRole('row').filter({ has: page.getByRole('cell', { name: 'mysql-1', exact: true }) });
    await expect(async () => {
      await row.focus();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('dialog')).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 30_000 });
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(row).toBeFocused();
  });

  test('a Rollout row opens its detail page with Enter', async ({ page }) => {
    await openTarget(page, PAGES.find((p) => p.id === 'rollouts')!, lang);
    const row = page.getByRole('main').getByRole('row').filter({ has: page.getByRole('cell', { name: 'frontend', exact: true }) }).filter({ hasText: 'shop' }).first();
    await expect(async () => {
      await row.focus();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/\/rollouts\/shop\/frontend$/, { timeout: 5_000 });
    }).toPass({ timeout: 30_000 });
    await expect(pageHeading(page)).toBeVisible();
  });
}

test.describe('accessibility in English', () => {
  dialogs('en');
  keyboard('en');
});

test.describe('accessibility in 中文', () => {
  test.use({ locale: 'zh-CN' });
  dialogs('zh-CN');
  keyboard('zh-CN');
});
