import { expect, test } from './fixtures';
import { PodsPage } from './pages/pods-page';
import { SettingsPage } from './pages/settings-page';

test('the header names the sandbox cluster and shows it is connected', async ({ shell }) => {
  await shell.goto('/pods');
  await expect(shell.contextName).toHaveText('sandbox');
  await expect(shell.sandboxBadge).toHaveText(/sandbox/i);
  await expect(shell.apiServer).toHaveText(/^https:\/\/127\.0\.0\.1:\d+/);
  await shell.expectConnected();
  await expect(shell.contextSelect).toHaveValue('sandbox');
  // A healthy sandbox has nothing to complain about.
  await expect(shell.page.getByRole('alert', { name: 'Cluster configuration problems' })).toHaveCount(0);
});

test('the settings page shows the connection details and the kubectl hint', async ({ shell }) => {
  await shell.goto('/settings');
  const main = shell.main;
  await expect(main.getByText(/kubectl --kubeconfig .*e2e-kubeconfig\.yaml get pods -A/)).toBeVisible();
  const contexts = main.getByRole('table', { name: 'Contexts' });
  await expect(contexts.getByRole('cell', { name: 'sandbox-staging', exact: true }).first()).toBeVisible();
  await expect(contexts.getByRole('cell', { name: /^sandbox\s+current$/ })).toBeVisible();
  await expect(main.getByRole('table', { name: 'Kind registry' }).getByRole('link', { name: 'Rollout: list rollouts.rollouts.kruise.io', exact: true })).toBeVisible();
});

test('the context switcher offers the read-only sandbox context, which reads the same cluster', async ({ shell, page }) => {
  const pods = new PodsPage(page);
  await pods.goto();
  await expect(shell.contextSelect.getByRole('option', { name: 'sandbox-readonly', exact: true })).toBeAttached();
  const server = await shell.apiServer.innerText();
  await expect(pods.list.rows.first()).toBeVisible();
  const first = (await pods.list.names())[0];

  await shell.switchContext('sandbox-readonly');
  await expect(shell.apiServer).toHaveText(server);
  await shell.expectConnected();
  await expect(pods.list.row(first)).toBeVisible();

  await shell.switchContext('sandbox');
});

test('a custom kind the cluster does not serve is that page\'s error; the header stays connected and the title is the plural', async ({ shell, page }) => {
  const settings = new SettingsPage(page);
  await settings.goto();
  await settings.addKind({ group: 'example.com', version: 'v1', plural: 'widgets' });
  await expect(settings.form.getByRole('status')).toHaveText(/Added widgets\.example\.com under its plural: The cluster does not serve example\.com\/v1\./);

  await settings.registryRow('widgets.example.com').getByRole('link').click();
  await expect(page).toHaveURL(/\/resources\/widgets\.v1\.example\.com/);
  // Never a guessed singular ("Widget"): the cluster does not name it, so the plural as typed.
  await expect(shell.heading('widgets')).toBeVisible();
  await expect(shell.main.getByRole('alert').filter({ hasText: 'Could not list widgets' })).toContainText('is its CRD installed?');
  await shell.expectConnected();

  // Back on a page whose kinds are served, nothing of it lingers.
  await shell.goto('/pods');
  await shell.expectConnected();
  await settings.goto();
  await settings.registryRow('widgets.example.com').getByRole('button', { name: 'Remove widgets.example.com' }).click();
});
