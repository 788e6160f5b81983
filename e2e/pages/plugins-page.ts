import { expect, type Locator, type Page } from '@playwright/test';

/** /plugins: the plugin list, its row actions and their dialogs. */
export class PluginsPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly newPlugin: Locator;
  readonly dialog: Locator;
  readonly status: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { level: 1, name: 'Plugins', exact: true });
    this.table = main.getByRole('table', { name: 'Plugins' });
    this.newPlugin = main.getByRole('link', { name: 'New plugin', exact: true }).first();
    this.dialog = page.getByRole('dialog');
    this.status = main.getByRole('status').filter({ hasText: /\S/ });
    this.alert = main.getByRole('alert');
  }

  async goto() {
    await this.page.goto('/plugins');
    await expect(this.heading).toBeVisible();
  }

  row(name: string): Locator {
    return this.table.getByRole('row', { name, exact: true });
  }

  /** Data rows, top to bottom. */
  rows(): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell') });
  }

  async names(): Promise<string[]> {
    return this.rows().evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
  }

  enabledSwitch(name: string): Locator {
    return this.row(name).getByRole('switch', { name: `Enabled: ${name}` });
  }

  action(name: string, action: 'Rename' | 'Duplicate' | 'Delete' | 'Move up' | 'Move down'): Locator {
    const label = action.startsWith('Move') ? `${action.replace(' ', ` ${name} `)}` : `${action} ${name}`;
    return this.row(name).getByRole('button', { name: label, exact: true });
  }

  async rename(name: string, newName: string) {
    await this.action(name, 'Rename').click();
    await this.dialog.getByLabel('New name').fill(newName);
    await this.dialog.getByRole('button', { name: 'Rename', exact: true }).click();
    await expect(this.dialog).toBeHidden();
  }

  async duplicate(name: string, newName: string) {
    await this.action(name, 'Duplicate').click();
    await this.dialog.getByLabel('Name of the copy').fill(newName);
    await this.dialog.getByRole('button', { name: 'Duplicate', exact: true }).click();
    await expect(this.dialog).toBeHidden();
  }

  async delete(name: string) {
    await this.action(name, 'Delete').click();
    await this.dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(this.dialog).toBeHidden();
    await expect(this.row(name)).toHaveCount(0);
  }
}
