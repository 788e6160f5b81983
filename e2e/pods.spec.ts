import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { coreApi, uniqueName } from './kube';
import { PodsPage } from './pages/pods-page';

// The seed's pods DeepFlow's standard logic cannot map (deepflow-tagging.md §6.2), with DeepFlow's
// default api_resources and no plugin: v7.1.6 runs no built-in rule without plugins either.
const UNMATCHED: { pod: string; reason: string; detail: string }[] = [
  { pod: 'ogtest-0', reason: 'owner not watched', detail: 'opengaussclusters not in api_resources' },
  { pod: 'ogtest-1', reason: 'owner not watched', detail: 'opengaussclusters not in api_resources' },
  { pod: 'data-import-ftrwh', reason: 'unsupported owner kind Job', detail: 'only a plugin with an accepted type' },
  { pod: 'nightly-report-29275680-9tnhp', reason: 'unsupported owner kind Job', detail: 'only a plugin with an accepted type' },
  { pod: 'debug-shell', reason: 'no owner', detail: 'no ownerReferences' },
  { pod: 'etcd-master-1', reason: 'unsupported owner kind Node', detail: 'static pod (owner Node)' },
  { pod: 'catalog-hbqbc', reason: 'owner not watched', detail: 'clonesets not in api_resources' },
  { pod: 'catalog-jksks', reason: 'owner not watched', detail: 'clonesets not in api_resources' },
];

async function setAgentConfig(page: Page, yaml: string) {
  await page.goto('/settings');
  const form = page.getByRole('form', { name: 'DeepFlow settings' });
  await form.getByLabel('Agent configuration (YAML)').fill(yaml);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('status')).toHaveText(/^Saved\./);
}

test.describe('pods page', () => {
  test('?show=unmatched lists the OpenGauss, Job, no-owner, static and CloneSet pods with their reasons', async ({ page }) => {
    const pods = new PodsPage(page);
    await pods.gotoQuery('show=unmatched');
    await expect(pods.heading).toBeVisible();
    await expect(pods.emulating).toContainText('Emulating DeepFlow v7.1.6');
    await pods.expectAllEvaluated();
    await expect(pods.tab('Unmatched')).toHaveAttribute('aria-selected', 'true');
    for (const u of UNMATCHED) {
      const cell = await pods.cell(u.pod, 'DeepFlow');
      await expect(cell).toContainText(u.reason);
      await expect(cell).toContainText(u.detail);
    }
    // synchronized pods are not listed; the tab count is the number of rows
    await expect(pods.list.row('redis-0')).toHaveCount(0);
    const count = Number((await pods.tab('Unmatched').innerText()).replace(/\D/g, ''));
    await expect(pods.list.rows).toHaveCount(count);
    // a remediation panel per platform; Job pods: only a plugin can help
    await expect(pods.remedy(/^OpenGauss/)).toContainText('opengaussclusters');
    await expect(pods.remedy(/^Job \/ CronJob/)).toContainText('No agent configuration can help here');
    const kruise = pods.remedy(/^OpenKruise/);
    await kruise.getByText('Agent configuration and ClusterRole rules to copy').click();
    await expect(kruise.getByRole('button', { name: 'Copy api_resources (agent config)' })).toBeVisible();
    await expect(kruise.getByRole('link', { name: 'Write a plugin' })).toHaveAttribute('href', /^\/plugins\/new\?kind=CloneSet&pods=/);
  });

  test('mysql-1 shows kubectl\'s CrashLoopBackOff with its restarts', async ({ page }) => {
    const pods = new PodsPage(page);
    await pods.goto('db');
    await expect(await pods.cell('mysql-1', 'Status')).toHaveText('CrashLoopBackOff');
    await expect(await pods.cell('mysql-1', 'Restarts')).not.toHaveText('0');
    await expect(await pods.cell('mysql-0', 'DeepFlow')).toHaveText('statefulset:db:mysql');
  });

  test('adding clonesets to the agent configuration re-classifies the CloneSet pods as synchronized', async ({ page }) => {
    const pods = new PodsPage(page);
    try {
      await setAgentConfig(page, 'inputs:\n  resources:\n    kubernetes:\n      api_resources:\n        - name: clonesets\n          group: apps.kruise.io\n');
      await pods.gotoQuery('show=unmatched');
      await pods.expectAllEvaluated();
      await expect(pods.list.row('ogtest-0')).toBeVisible();
      await expect(pods.list.row('catalog-hbqbc')).toHaveCount(0);
      await pods.gotoQuery('show=synchronized&ns=shop');
      await pods.expectAllEvaluated();
      await expect(await pods.cell('catalog-hbqbc', 'DeepFlow')).toHaveText('cloneset:shop:catalog');
    } finally {
      await setAgentConfig(page, '');
    }
    await pods.gotoQuery('show=unmatched&ns=shop');
    await expect(await pods.cell('catalog-hbqbc', 'DeepFlow')).toContainText('owner not watched');
  });

  test('a pod created while the page is open appears classified', async ({ page }) => {
    const api = coreApi('sandbox');
    const namespace = 'default';
    const name = uniqueName('e2e-pods');
    const pods = new PodsPage(page);
    await pods.goto(namespace);
    await pods.expectAllEvaluated();
    try {
      await api.createNamespacedPod({ namespace, body: { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace }, spec: { containers: [{ name: 'app', image: 'busybox:1.36' }] } } });
      await expect(pods.list.row(name)).toBeVisible();
      await expect.poll(async () => (await pods.cell(name, 'DeepFlow')).innerText()).toContain('no owner');
      await expect(await pods.cell(name, 'Status')).toHaveText('Pending');
      await pods.expectAllEvaluated();
    } finally {
      await api.deleteNamespacedPod({ name, namespace, gracePeriodSeconds: 0 }).catch(() => undefined);
    }
  });

  test('Enter opens the drawer with the metadata JSON, YAML, containers and logs; Escape returns to the row', async ({ page }) => {
    const pods = new PodsPage(page);
    await pods.gotoQuery('ns=db&pod=');
    await pods.expectAllEvaluated();
    await pods.openDrawerWithKeyboard('mysql-1');
    await expect(page).toHaveURL(/[?&]pod=db%2Fmysql-1/);
    await expect(pods.drawerSection('DeepFlow result')).toContainText('statefulset:db:mysql');
    const json = pods.drawerSection('Metadata JSON passed to plugins').getByLabel('Metadata JSON', { exact: true });
    await expect(json).toContainText('"name":"mysql-1","namespace":"db"');
    await expect(json).not.toContainText('resourceVersion');
    await expect(pods.drawerSection('YAML').getByLabel('Pod YAML', { exact: true })).toContainText('kind: Pod');
    await expect(pods.drawerSection('Containers').getByRole('table', { name: 'Containers' })).toContainText('CrashLoopBackOff');
    const logs = pods.drawerSection('Logs');
    // the crashing container has no current instance (as kubectl logs says); the previous one has logs
    await expect(logs).toContainText('is waiting to start: CrashLoopBackOff');
    await logs.getByRole('button', { name: 'Load previous' }).click();
    await expect(logs.getByRole('button', { name: 'Show current' })).toBeVisible();
    await expect(logs.getByLabel('Pod logs', { exact: true })).not.toBeEmpty();
    await page.keyboard.press('Escape');
    await expect(pods.drawer).toHaveCount(0);
    await expect(pods.list.row('mysql-1')).toBeFocused();
    await expect(page).not.toHaveURL(/[?&]pod=/);
  });

  test('a ?pod= link opens its drawer; "Write a plugin" from an OpenGauss pod targets its owner kind', async ({ page }) => {
    const pods = new PodsPage(page);
    await pods.gotoQuery('show=unmatched&pod=db%2Fogtest-0');
    await pods.expectAllEvaluated();
    await expect(pods.drawer).toBeVisible();
    await expect(pods.drawerSection('DeepFlow result')).toContainText('owner not watched');
    const link = pods.drawerSection('DeepFlow result').getByRole('link', { name: 'Write a plugin' });
    await expect(link).toHaveAttribute('href', '/plugins/new?kind=OpenGaussCluster&pods=db/ogtest-0');
    await page.keyboard.press('Escape');
    // the panel's link carries every unmatched OpenGauss pod
    await pods.remedy(/^OpenGauss/).getByRole('link', { name: 'Write a plugin' }).click();
    await expect(page).toHaveURL(/\/plugins\/new\?kind=OpenGaussCluster&pods=db\/ogtest-0,db\/ogtest-1,db\/ogtest-2$/);
  });

  test('filters and sort live in the URL', async ({ page }) => {
    const pods = new PodsPage(page);
    await pods.gotoQuery('show=unmatched');
    await pods.expectAllEvaluated();
    await pods.filterSelect('Platform').selectOption({ label: 'Job / CronJob' });
    await expect(page).toHaveURL(/platform=job/);
    await expect(pods.list.rows).toHaveCount(4);
    await pods.list.table.getByRole('button', { name: 'Name', exact: true }).click();
    await expect(page).toHaveURL(/sort=name/);
    expect(await pods.list.names()).toEqual(['data-import-dlmsj', 'data-import-ftrwh', 'nightly-report-29275680-9tnhp', 'nightly-report-29277120-vkt2h']);
    await page.reload();
    await expect(pods.filterSelect('Platform')).toHaveValue('job');
    await expect(pods.list.rows).toHaveCount(4);
    // the tabs move with the arrow keys
    await pods.tab('Unmatched').focus();
    await page.keyboard.press('ArrowRight');
    await expect(pods.tab('Synchronized')).toHaveAttribute('aria-selected', 'true');
    await expect(page).toHaveURL(/show=synchronized/);
  });
});

test('a ?ns= that does not exist says so', async ({ page }) => {
  const pods = new PodsPage(page);
  await pods.goto('no-such-namespace');
  await expect(page.getByRole('alert').filter({ hasText: 'Namespace "no-such-namespace" does not exist' })).toBeVisible();
  await expect(pods.list.table).toHaveCount(0);
});
