import { expect, test } from './fixtures';
import { coreApi, uniqueName } from './kube';
import { PodsPage } from './pages/pods-page';

test('a pod created through the API appears within 2 s and disappears within 2 s of deletion', async ({ page, shell }) => {
  const api = coreApi('sandbox');
  const namespace = 'default';
  const name = uniqueName('e2e-live');
  const pods = new PodsPage(page);
  await pods.goto();
  await shell.expectConnected();
  await pods.list.expectLoaded();
  await expect(pods.list.row(name)).toHaveCount(0);

  try {
    await api.createNamespacedPod({
      namespace,
      body: { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace }, spec: { containers: [{ name: 'app', image: 'busybox:1.36' }] } },
    });
    await expect(pods.list.row(name)).toBeVisible({ timeout: 2000 });
    await expect(pods.list.row(name).getByRole('cell', { name: namespace, exact: true })).toBeVisible();
  } finally {
    await api.deleteNamespacedPod({ name, namespace, gracePeriodSeconds: 0 }).catch(() => undefined);
  }
  await expect(pods.list.row(name)).toHaveCount(0, { timeout: 2000 });
});
