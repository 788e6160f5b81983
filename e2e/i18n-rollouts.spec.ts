// The rollouts pages in 中文 against the sandbox seed (shop/frontend: paused at step 2 of 4). Only
// reads: the confirmation dialog is opened and cancelled, nothing is written. Kruise's words stay
// verbatim: step states (StepPaused), kinds (VirtualService) and field names.
import { expect, test } from './fixtures';
import { RolloutActions, ActionDialogPO } from './pages/rollout-actions';
import { RolloutDetailPage } from './pages/rollout-detail-page';
import { RolloutsPage } from './pages/rollouts-page';

test.use({ locale: 'zh-CN' });

const ZH_ACTIONS = { applyStep: (n: number) => `应用第 ${n} 步`, restore: '还原原始配置', approve: '批准', saveScript: '保存脚本', result: '操作结果' };

test('the rollouts list speaks Chinese and keeps Kruise’s words', async ({ page }) => {
  const list = new RolloutsPage(page, { rollouts: 'Rollout', trafficRoutings: '流量路由' });
  await list.goto();
  await expect(list.heading).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const frontend = list.row('frontend', 'shop');
  await expect(frontend).toBeVisible({ timeout: 15_000 });
  await expect(frontend.getByRole('cell', { name: 'StepPaused', exact: true })).toBeVisible();
  await expect(frontend.getByRole('cell', { name: 'VirtualService + DestinationRule', exact: true })).toBeVisible();
  await expect(list.stepProgress(frontend)).toHaveAccessibleName('第 2 步，共 4 步，StepPaused');
  await expect(list.filterSelect('步骤状态')).toBeVisible();
  await expect(list.filterSelect('阶段').getByRole('option', { name: '全部' })).toBeAttached();
  await expect(list.trafficRoutings.rows.first()).toBeVisible();
});

test('the detail page: pipeline, step cards, actions and a confirmation dialog in Chinese', async ({ page }) => {
  const detail = new RolloutDetailPage(page);
  await detail.goto('shop', 'frontend');
  await expect(detail.heading).toContainText('Rollout');
  const summary = detail.section('概要');
  await expect(summary.getByRole('group', { name: '步骤状态', exact: true })).toContainText('StepPaused');
  await expect(summary.getByRole('group', { name: '当前步骤', exact: true })).toHaveText(/第 2 步，共 4 步/);
  await expect(summary.getByRole('table', { name: '状况' })).toBeVisible();

  const pipeline = detail.stepPipeline('步骤流水线', '步骤');
  await expect(pipeline.getByRole('listitem')).toHaveCount(4);
  await expect(pipeline).toContainText('批准');
  await expect(pipeline).toContainText('当前');

  const card = detail.stepCardNamed('第 2 步', '步骤');
  await expect(card).toContainText('当前');
  await expect(card).toContainText('StepPaused');
  await expect(card).toContainText('流量');
  await expect(detail.stepCardNamed('第 1 步', '步骤')).toContainText('人工批准');
  await expect(detail.stepCardNamed('第 3 步', '步骤')).toContainText('10 分钟');
  // match conditions are Kruise fields, verbatim
  await expect(card.getByRole('list', { name: '第 2 步的匹配条件' })).toContainText('header user-agent = "iPhone"');
  await expect(card.getByRole('region', { name: '第 2 步 VirtualService/frontend', exact: true })).toBeVisible();

  const gateways = detail.section('网关对象');
  await expect(gateways.getByRole('article', { name: 'VirtualService/frontend', exact: true })).toContainText('Kruise 的内置脚本');
  await expect(gateways.getByRole('button', { name: '编辑脚本' }).first()).toBeVisible();
  const live = detail.section('实时路由状态').getByRole('listitem', { name: 'VirtualService/frontend 的实时路由状态' });
  await expect(live).toContainText('实时 = 第 2 步', { timeout: 15_000 });
  await expect(live).toContainText('rollouts.kruise.io/original-spec-configuration');

  const actions = new RolloutActions(page, ZH_ACTIONS);
  await expect(summary.getByRole('button', { name: '批准', exact: true })).toBeVisible();
  for (const n of [1, 2, 3, 4]) await expect(actions.applyStep(n)).toBeVisible();
  await expect(actions.restoreOriginal).toBeVisible();
  await expect(page.getByRole('main').getByText('Apply step', { exact: false })).toHaveCount(0);

  // the dialog plans on the server (a read) and is cancelled: nothing is written
  const dialog = new ActionDialogPO(page, '将第 2 步应用到 shop/frontend', { confirm: '确认', cancel: '取消' });
  await actions.open(actions.applyStep(2), dialog);
  await expect(dialog.cancel).toBeVisible();
  await expect(dialog.confirm).toBeVisible();
  await expect(dialog.root).toContainText('EnsureRoutes');
  await expect(dialog.root.getByText('Confirm', { exact: true })).toHaveCount(0);
  await dialog.cancel.click();
  await expect(dialog.root).toBeHidden();
  await expect(actions.applyStep(2)).toBeFocused();
});

test('at 768 px the heading and the primary actions stay visible, the pipeline wraps', async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 900 });
  const detail = new RolloutDetailPage(page);
  await detail.goto('shop', 'frontend');
  await expect(detail.heading).toBeInViewport();
  const pipeline = detail.stepPipeline('步骤流水线', '步骤');
  const box = await pipeline.boundingBox();
  expect(box && box.x + box.width).toBeLessThanOrEqual(768);
  const approve = detail.section('概要').getByRole('button', { name: '批准', exact: true });
  await approve.scrollIntoViewIfNeeded();
  await expect(approve).toBeInViewport();
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(768);
});
