import { expect, test } from './fixtures';

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
  await expect(main.getByRole('table', { name: 'Kind registry' }).getByRole('link', { name: 'List rollouts.rollouts.kruise.io' })).toBeVisible();
});
