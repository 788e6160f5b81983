import { expect, test } from './fixtures';
import { SettingsPage } from './pages/settings-page';

test('adding a custom resource lists it in the registry, persists, and can be removed', async ({ page }) => {
  const settings = new SettingsPage(page);
  await settings.goto();
  await expect(settings.heading).toBeVisible();

  // Invalid input is explained next to the field, and nothing is added.
  await settings.addKind({ group: 'nodots', version: 'one', plural: 'Things!' });
  await expect(settings.group).toHaveAttribute('aria-invalid', 'true');
  await expect(settings.version).toHaveAttribute('aria-invalid', 'true');
  await expect(settings.plural).toHaveAttribute('aria-invalid', 'true');
  await expect(settings.group).toBeFocused();

  await settings.addKind({ group: 'traefik.io', version: 'v1alpha1', plural: 'ingressroutes', kind: 'IngressRoute' });
  await expect(settings.form.getByRole('status')).toHaveText(/Added ingressroutes\.traefik\.io/);
  const row = settings.registryRow('ingressroutes.traefik.io');
  await expect(row).toBeVisible();
  await expect(row.getByRole('cell', { name: 'traefik.io', exact: true })).toBeVisible();

  await page.reload();
  await expect(row).toBeVisible();

  // Its live list page opens from the registry and says the cluster has none (not a blank page).
  await row.getByRole('link', { name: 'IngressRoute: list ingressroutes.traefik.io', exact: true }).click();
  await expect(page).toHaveURL(/\/resources\/ingressroutes\.v1alpha1\.traefik\.io$/);
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: 'IngressRoute' })).toBeVisible();
  await expect(page.getByRole('main').getByText(/No ingressroutes in all namespaces|Could not list ingressroutes|Not allowed to list ingressroutes/)).toBeVisible();

  await settings.goto();
  await row.getByRole('button', { name: 'Remove ingressroutes.traefik.io' }).click();
  await expect(row).toHaveCount(0);
});

test('a built-in kind opens its generic live list', async ({ page }) => {
  const settings = new SettingsPage(page);
  await settings.goto();
  await settings.registryRow('configmaps').getByRole('link').click();
  await expect(page).toHaveURL(/\/resources\/configmaps$/);
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: 'ConfigMap' })).toBeVisible();
});
