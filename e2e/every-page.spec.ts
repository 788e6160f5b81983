// Issue #10 §2 and §3, page by page, one page load each: in English and in 中文, at 1280×800 and at
// 768×1024 (and in the dark scheme for English), axe (WCAG 2.0/2.1 A and AA) finds no serious or
// critical violation; the main pages keep their heading and primary action on screen (not off the
// viewport, not cut off by a scrolling ancestor) and the document never scrolls sideways.
// Full-page screenshots are attached and kept under test-results/layout/<lang>-<width>-<page>.png
// for review. Dialogs, menus and the keyboard paths are in a11y.spec.ts.
import path from 'node:path';
import { expect, test } from './fixtures';
import { openTarget, pageHeading, PAGES } from './pages/a11y-targets';
import { nameOf, type Lang, type NameKey } from './pages/bilingual';
import { expectNoSeriousA11yViolations } from './support/axe';
import { documentOverflowsX, horizontalClipping } from './support/geometry';
import type { Page, TestInfo } from '@playwright/test';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 768, height: 1024 },
] as const;

/** The pages whose layout is checked, and the one action each is for (none on read-only views). */
const LAYOUT: Record<string, { primary?: { role: 'button' | 'link'; name: NameKey } }> = {
  pods: {},
  plugins: { primary: { role: 'link', name: 'newPlugin' } },
  'plugin-new': { primary: { role: 'button', name: 'save' } },
  rollouts: {},
  'rollout-detail': {},
  'playground-tagging': { primary: { role: 'button', name: 'share' } },
  'playground-routing': { primary: { role: 'button', name: 'share' } },
  audit: {},
  settings: { primary: { role: 'button', name: 'addResource' } },
  'resource-list': {},
  'sign-in': {},
};

// Each test checks a page four to six times; pages that run Lua workers take a while on two cores.
test.describe.configure({ timeout: 90_000 });

// The shell is one viewport tall and <main> scrolls inside it, so a plain full-page screenshot
// stops at the fold: while shooting, the shell grows to its content instead.
const WHOLE_PAGE = 'html, body, body .h-full { height: auto !important; } main { overflow: visible !important; }';

async function expectLaidOut(page: Page, testInfo: TestInfo, id: string, lang: Lang, width: number) {
  const file = path.join('test-results', 'layout', `${lang}-${width}-${id}.png`);
  const shot = await page.screenshot({ fullPage: true, path: file, style: WHOLE_PAGE });
  await testInfo.attach(`${lang}-${width}-${id}.png`, { body: shot, contentType: 'image/png' });
  const primary = LAYOUT[id].primary;
  const checks = [{ what: 'h1', el: pageHeading(page) }];
  if (primary) checks.push({ what: `primary action (${primary.name})`, el: page.getByRole('main').getByRole(primary.role, { name: nameOf(primary.name, lang) }).first() });
  for (const { what, el } of checks) {
    await expect(el, what).toBeVisible();
    expect(await horizontalClipping(page, el), `${what} of ${id} at ${width} px`).toEqual({ outsideViewport: false, clippedBy: null });
  }
  const doc = await documentOverflowsX(page);
  expect(doc.scrollWidth, `document scrollWidth of ${id} at ${width} px`).toBeLessThanOrEqual(doc.clientWidth);
}

function everyPage(lang: Lang) {
  for (const target of PAGES) {
    const laidOut = target.id in LAYOUT;
    test(`${target.id}: no serious or critical axe violation${laidOut ? ', heading and actions on screen' : ''} at 1280 and 768 px`, async ({ page }, testInfo) => {
      await page.setViewportSize(SIZES[0]);
      await openTarget(page, target, lang);
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await expect(pageHeading(page)).toBeVisible();
        await expectNoSeriousA11yViolations(page, testInfo, `${lang}-${size.width}-${target.id}`);
        if (lang === 'en') {
          await page.emulateMedia({ colorScheme: 'dark' });
          await expectNoSeriousA11yViolations(page, testInfo, `${lang}-${size.width}-dark-${target.id}`);
          await page.emulateMedia({ colorScheme: 'light' });
        }
        if (laidOut) await expectLaidOut(page, testInfo, target.id, lang, size.width);
      }
    });
  }
}

test.describe('every page in English', () => everyPage('en'));

test.describe('every page in 中文', () => {
  test.use({ locale: 'zh-CN' });
  everyPage('zh-CN');
});
