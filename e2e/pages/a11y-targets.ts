import { expect, type Locator, type Page } from '@playwright/test';

/** A page the a11y and layout specs visit, and what "loaded" means for it, by role alone (any language). */
export interface PageTarget {
  /** Short name, used in attachments and file names. */
  id: string;
  path: string;
  /** A dialog is open on arrival (the pod drawer of `?pod=`). */
  dialog?: boolean;
  /** Waits for the content that needs the cluster or a worker, beyond the heading. */
  ready?: (page: Page) => Promise<void>;
}

const firstTable = async (page: Page) => {
  await expect(page.getByRole('main').getByRole('table').first()).toBeVisible({ timeout: 20_000 });
};
const tablist = async (page: Page) => {
  await expect(page.getByRole('main').getByRole('tablist').first()).toBeVisible({ timeout: 30_000 });
};
const regions = async (page: Page) => {
  await expect(page.getByRole('main').getByRole('article').first()).toBeVisible({ timeout: 20_000 });
};

/** Every page of the studio the issue names; the playground once per `?mode=`. */
export const PAGES: PageTarget[] = [
  { id: 'pods', path: '/pods', ready: firstTable },
  { id: 'pod-drawer', path: '/pods?ns=db&pod=db%2Fmysql-1', dialog: true, ready: firstTable },
  { id: 'plugins', path: '/plugins' },
  { id: 'plugin-new', path: '/plugins/new' },
  { id: 'rollouts', path: '/rollouts', ready: firstTable },
  { id: 'rollout-detail', path: '/rollouts/shop/frontend', ready: regions },
  { id: 'playground-tagging', path: '/playground?mode=tagging', ready: tablist },
  { id: 'playground-routing', path: '/playground?mode=routing&rollout=shop/frontend', ready: tablist },
  { id: 'playground-cluster', path: '/playground?mode=cluster', ready: tablist },
  { id: 'script-check', path: '/playground/editor' },
  { id: 'audit', path: '/audit' },
  { id: 'settings', path: '/settings', ready: firstTable },
  { id: 'resource-list', path: '/resources/deployments.apps', ready: firstTable },
  { id: 'sign-in', path: '/sign-in' },
  { id: 'not-found', path: '/no-such-page' },
];

/** The page's h1, whatever its language. */
export function pageHeading(page: Page): Locator {
  return page.getByRole('main').getByRole('heading', { level: 1 }).first();
}

/** Opens `target` in `lang` and waits until its heading (and its data, and its dialog) are shown. */
export async function openTarget(page: Page, target: PageTarget, lang: 'en' | 'zh-CN'): Promise<void> {
  await page.goto(target.path);
  // the browser's language chose the studio's (Accept-Language): a check in 中文 must really be in 中文
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(pageHeading(page)).toBeVisible({ timeout: 30_000 });
  await target.ready?.(page);
  if (target.dialog) await expect(page.getByRole('dialog')).toBeVisible({ timeout: 20_000 });
}
