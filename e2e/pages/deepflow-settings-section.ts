import type { Locator, Page } from '@playwright/test';

/** Settings → DeepFlow: agent configuration YAML, DeepFlow version, Save. */
export class DeepflowSettingsSection {
  readonly form: Locator;
  readonly yaml: Locator;
  readonly version: Locator;
  readonly save: Locator;
  readonly error: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('main').getByRole('form', { name: 'DeepFlow settings' });
    this.yaml = this.form.getByLabel('Agent configuration (YAML)');
    this.version = this.form.getByLabel('DeepFlow version');
    this.save = this.form.getByRole('button', { name: 'Save', exact: true });
    this.error = this.form.getByRole('alert');
    this.status = this.form.getByRole('status');
  }

  async goto() {
    await this.page.goto('/settings');
    await this.yaml.waitFor();
  }
}
