import { expect, test } from './fixtures';
import { PodsPage } from './pages/pods-page';
import { ResourceList } from './pages/resource-list';
import { SettingsPage } from './pages/settings-page';

// 中文 for the pods page, the settings page and a generic resource list: the product's own words are
// translated; Kubernetes kinds, pod names, statuses, field names and DeepFlow's details stay verbatim.
test.describe('pods, settings and resource lists in 中文', () => {
  test.use({ locale: 'zh-CN' });

  test('the pods page: headers, tabs, a classification reason and the remediation panels', async ({ page }) => {
    const pods = new PodsPage(page, 'zh-CN');
    await pods.gotoQuery('show=unmatched');
    await expect(pods.heading).toBeVisible();
    await expect(pods.emulating).toContainText('模拟 DeepFlow v7.1.6');
    await pods.expectAllEvaluated();
    await expect(pods.tab('未同步的 Pod')).toHaveAttribute('aria-selected', 'true');
    const headers = (await pods.list.table.getByRole('columnheader').allTextContents()).map((h) => h.replace(/[▲▼]/g, '').trim());
    expect(headers).toEqual(['名称', '命名空间', '状态', '重启次数', 'DeepFlow', '插件', '平台', '存在时间']);
    // the reason is translated, DeepFlow's detail (a field name) and the pod's name are not
    const reason = await pods.cell('debug-shell', 'DeepFlow');
    await expect(reason).toContainText('没有属主');
    await expect(reason).toContainText('no ownerReferences');
    await expect(await pods.cell('data-import-ftrwh', 'DeepFlow')).toContainText('不支持的属主类型 Job');
    await expect(await pods.cell('debug-shell', '状态')).toHaveText(/^[A-Za-z]+$/);
    await expect(pods.filterSelect('原因')).toBeVisible();
    await expect(page.getByRole('main').getByRole('heading', { name: '如何映射未同步的 Pod' })).toBeVisible();
    await expect(pods.remedy(/^OpenGauss/).getByRole('link', { name: '编写插件' })).toHaveAttribute('href', /^\/plugins\/new\?kind=OpenGaussCluster&/);
  });

  test('the pod drawer opens with Enter and speaks 中文 around the verbatim YAML', async ({ page }) => {
    const pods = new PodsPage(page, 'zh-CN');
    await pods.gotoQuery('show=unmatched&ns=db');
    await pods.expectAllEvaluated();
    await pods.openDrawerWithKeyboard('ogtest-0');
    const result = pods.drawerSection('DeepFlow 结果');
    await expect(result).toContainText('未同步：属主未被监听');
    await expect(result).toContainText('opengaussclusters not in api_resources');
    await expect(result.getByRole('link', { name: '编写插件' })).toHaveAttribute('href', '/plugins/new?kind=OpenGaussCluster&pods=db/ogtest-0');
    await expect(pods.drawerSection('传给插件的元数据 JSON').getByLabel('元数据 JSON', { exact: true })).toContainText('"name":"ogtest-0"');
    await expect(pods.drawerSection('YAML').getByLabel('Pod YAML', { exact: true })).toContainText('kind: Pod');
    await expect(pods.drawerSection('容器').getByRole('table', { name: '容器' })).toBeVisible();
    await expect(pods.drawer.getByRole('button', { name: '关闭' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(pods.drawer).toHaveCount(0);
    await expect(pods.list.row('ogtest-0')).toBeFocused();
  });

  test('at 768 px the pods table scrolls inside its own focusable region and keeps the name column', async ({ page }) => {
    await page.setViewportSize({ width: 768, height: 900 });
    const pods = new PodsPage(page, 'zh-CN');
    await pods.goto('db');
    await pods.expectAllEvaluated();
    const region = pods.tableRegion;
    await expect(region).toHaveAttribute('tabindex', '0');
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await region.focus();
    await expect(region).toBeFocused();
    await region.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    const name = pods.list.table.getByRole('columnheader', { name: '名称' });
    const [box, area] = [await name.boundingBox(), await region.boundingBox()];
    expect(box && area && box.x >= area.x - 1 && box.x < area.x + 20).toBe(true);
  });

  test('the settings page', async ({ page }) => {
    const settings = new SettingsPage(page, 'zh-CN');
    await settings.goto();
    await expect(settings.heading).toBeVisible();
    await expect(settings.form.getByLabel('组')).toHaveAttribute('placeholder', 'projectcontour.io');
    await expect(settings.submit).toBeVisible();
    await expect(settings.deepflowForm.getByRole('button', { name: '保存' })).toBeVisible();
    await expect(settings.contexts).toBeVisible();
    // kinds and plurals are the cluster's names, in every language
    const row = settings.registryRow('configmaps');
    await expect(row.getByRole('link', { name: 'ConfigMap：列出 configmaps', exact: true })).toHaveText('ConfigMap');
    await expect(row.getByRole('cell', { name: '内置', exact: true })).toBeVisible();
    await expect(settings.registry.getByRole('columnheader', { name: 'Kind' })).toBeVisible();
  });

  test('a generic resource list', async ({ page }) => {
    await page.goto('/resources/configmaps');
    const list = new ResourceList(page, 'ConfigMap');
    await expect(page.getByRole('main').getByRole('heading', { level: 1, name: 'ConfigMap', exact: true })).toBeVisible();
    await expect(list.table).toBeVisible();
    await expect(list.scrollRegion).toHaveAttribute('tabindex', '0');
    const headers = (await list.table.getByRole('columnheader').allTextContents()).map((h) => h.replace(/[▲▼]/g, '').trim());
    expect(headers).toEqual(['命名空间', '名称', '状态', '存在时间']);
    await expect(page.getByRole('main').getByText(/^所有命名空间中 \d+ 个$/)).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: '类型注册表' })).toBeVisible();
    await expect(page.getByRole('main').getByRole('searchbox', { name: '筛选 configmaps' })).toBeVisible();
  });
});
