import { expect, test } from './fixtures';
import { podNames } from './kube';
import { PodsPage } from './pages/pods-page';

test('switching context changes the header and the pods list, and back', async ({ shell, page }) => {
  const mainPods = await podNames('sandbox');
  const stagingPods = await podNames('sandbox-staging');
  const onlyStaging = stagingPods.find((n) => !mainPods.includes(n));
  const onlyMain = mainPods.find((n) => !stagingPods.includes(n));
  expect(onlyStaging, 'the staging seed has a pod the default seed lacks').toBeTruthy();
  expect(onlyMain, 'the default seed has a pod the staging seed lacks').toBeTruthy();

  const pods = new PodsPage(page);
  await pods.goto();
  await expect(shell.contextName).toHaveText('sandbox');
  await expect(pods.list.row(onlyMain!)).toBeVisible();
  const mainServer = await shell.apiServer.innerText();

  await shell.switchContext('sandbox-staging');
  await expect(shell.apiServer).not.toHaveText(mainServer);
  await shell.expectConnected();
  await expect(pods.list.row(onlyStaging!)).toBeVisible();
  await expect(pods.list.row(onlyMain!)).toHaveCount(0);
  await expect(pods.list.rows).toHaveCount(stagingPods.length);

  // The choice is server state: a reload keeps it.
  await page.reload();
  await expect(shell.contextName).toHaveText('sandbox-staging');

  await shell.switchContext('sandbox');
  await expect(shell.apiServer).toHaveText(mainServer);
  await expect(pods.list.row(onlyMain!)).toBeVisible();
  await expect(pods.list.row(onlyStaging!)).toHaveCount(0);
});
