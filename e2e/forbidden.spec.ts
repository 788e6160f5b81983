import { startSandbox, type Sandbox } from '../lib/k8s/sandbox';
import { expect, test } from './fixtures';
import { RESTRICTED_API_PORT, RESTRICTED_TOKEN, SERVERS } from './failure-env';
import { PodsPage } from './pages/pods-page';
import { ResourceList } from './pages/resource-list';

// The studio at SERVERS.forbidden reads e2e/fixtures/restricted-kubeconfig.yaml, whose only cluster is
// https://127.0.0.1:3196: a sandbox started here that answers 403 for pods and serves everything else.
const server = SERVERS.forbidden;
test.use({ baseURL: server.baseURL });

let sandbox: Sandbox | undefined;
test.beforeAll(async () => {
  sandbox = await startSandbox({
    name: 'e2e-restricted',
    port: RESTRICTED_API_PORT,
    token: RESTRICTED_TOKEN,
    denyResources: ['pods'],
    objects: [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'restricted' } },
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'hidden-pod', namespace: 'restricted' }, spec: { containers: [{ name: 'app', image: 'busybox:1.36' }] } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'visible-config', namespace: 'restricted' }, data: { key: 'value' } },
    ],
  });
});
test.afterAll(async () => {
  await sandbox?.close();
});

test('a forbidden kind shows the forbidden state with the reason, and other views keep working', async ({ page, shell }) => {
  const pods = new PodsPage(page);
  await pods.goto();
  await expect(pods.heading).toBeVisible();
  await expect(shell.contextName).toHaveText('e2e-restricted');

  const forbidden = shell.main.getByRole('status').filter({ hasText: 'Not allowed to list pods in all namespaces' });
  await expect(forbidden).toBeVisible();
  // The API server's own reason, and the command that checks the permission.
  await expect(forbidden).toContainText(/forbidden/i);
  await expect(forbidden).toContainText('cannot list resource "pods"');
  await expect(forbidden.getByRole('code')).toHaveText('kubectl auth can-i list pods -A');
  await expect(pods.list.table).toHaveCount(0);
  // 403 is an answer, not an outage: the cluster itself is reachable.
  await shell.expectConnected();

  // The same cluster still serves everything else.
  await shell.goto('/resources/configmaps');
  const configMaps = new ResourceList(page, 'ConfigMap');
  await expect(configMaps.row('visible-config')).toBeVisible();
  await shell.expectConnected();

  await shell.goto('/rollouts');
  await expect(shell.heading('Rollouts')).toBeVisible();
  await expect(shell.main.getByText('No rollouts in all namespaces')).toBeVisible();
  await expect(shell.main.getByRole('status').filter({ hasText: /Not allowed to list/ })).toHaveCount(0);
});
