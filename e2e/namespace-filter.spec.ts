import { expect, test } from './fixtures';
import { namespaceNames, podNames } from './kube';
import { PodsPage } from './pages/pods-page';
import { RolloutsPage } from './pages/rollouts-page';

test('the namespace filter narrows the list, lives in the URL and survives reload', async ({ shell, page }) => {
  const namespaces = await namespaceNames('sandbox');
  const counts = await Promise.all(namespaces.map(async (ns) => [ns, (await podNames('sandbox', ns)).length] as const));
  const [ns, count] = counts.find(([, c]) => c > 0) ?? [];
  const all = await podNames('sandbox');
  expect(ns, 'some namespace has pods').toBeTruthy();
  expect(count!, 'the chosen namespace holds a strict subset of the pods').toBeLessThan(all.length);

  const pods = new PodsPage(page);
  await pods.goto();
  await expect(shell.namespaceSelect).toHaveValue('');
  await expect(pods.list.rows).toHaveCount(all.length);

  await shell.selectNamespace(ns!);
  await expect(page).toHaveURL(new RegExp(`[?&]ns=${ns}(&|$)`));
  await expect(pods.list.rows).toHaveCount(count!);
  // One namespace selected: its column is dropped, and every row is one of that namespace's pods.
  await expect(pods.list.table.getByRole('columnheader', { name: 'Namespace' })).toHaveCount(0);
  const inNs = await podNames('sandbox', ns!);
  expect((await pods.list.names()).sort()).toEqual(inNs.sort());

  await page.reload();
  await expect(shell.namespaceSelect).toHaveValue(ns!);
  await expect(pods.list.rows).toHaveCount(count!);

  // Navigating keeps the scope: the other list pages get the same ?ns=.
  await shell.navLink('Rollouts').click();
  await expect(page).toHaveURL(new RegExp(`/rollouts\\?ns=${ns}$`));
  await expect(shell.namespaceSelect).toHaveValue(ns!);

  await shell.navLink('Pods').click();
  await expect(page).toHaveURL(new RegExp(`/pods\\?ns=${ns}$`));
  await shell.selectNamespace('All namespaces');
  await expect(page).toHaveURL(/\/pods$/);
  await expect(pods.list.rows).toHaveCount(all.length);
});

test('the text filter narrows rows and Escape clears it', async ({ page }) => {
  const all = await podNames('sandbox');
  const target = all[0];
  const pods = new PodsPage(page);
  await pods.goto();
  await expect(pods.list.rows).toHaveCount(all.length);
  await pods.list.filter.fill(target);
  await expect(pods.list.row(target)).toBeVisible();
  expect(await pods.list.rows.count()).toBe(all.filter((n) => n.includes(target)).length || 1);
  await pods.list.filter.press('Escape');
  await expect(pods.list.filter).toHaveValue('');
  await expect(pods.list.rows).toHaveCount(all.length);
});

test('a namespace in ?ns= that does not exist says so, with a way back to all namespaces', async ({ shell, page }) => {
  expect(await namespaceNames('sandbox')).not.toContain('nope');
  const rollouts = new RolloutsPage(page);
  await shell.goto('/rollouts?ns=nope');
  await expect(rollouts.rollouts.namespaceMissing).toContainText('Namespace "nope" does not exist in context sandbox');
  await expect(rollouts.rollouts.table).toHaveCount(0);
  await expect(shell.namespaceSelect).toHaveValue('nope');

  await rollouts.rollouts.namespaceMissing.getByRole('link', { name: 'Show all namespaces' }).click();
  await expect(page).toHaveURL(/\/rollouts$/);
  await expect(shell.namespaceSelect).toHaveValue('');
  await expect(rollouts.rollouts.namespaceMissing).toHaveCount(0);
  await expect(rollouts.rollouts.rows.first()).toBeVisible();

  // An existing namespace without rollouts stays a calm empty list.
  const empty = 'kube-system';
  expect(await namespaceNames('sandbox')).toContain(empty);
  await shell.goto(`/rollouts?ns=${empty}`);
  await expect(page.getByRole('main').getByText(`No rollouts in namespace ${empty}`)).toBeVisible();
  await expect(rollouts.rollouts.namespaceMissing).toHaveCount(0);
});
