import type { Locator, Page } from '@playwright/test';

export class SettingsPage {
  readonly heading: Locator;
  readonly form: Locator;
  readonly group: Locator;
  readonly version: Locator;
  readonly plural: Locator;
  readonly kind: Locator;
  readonly namespaced: Locator;
  readonly submit: Locator;
  readonly registry: Locator;
  readonly contexts: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { level: 1, name: 'Settings', exact: true });
    this.form = main.getByRole('form', { name: 'Add a custom resource' });
    this.group = this.form.getByLabel('Group');
    this.version = this.form.getByLabel('Version');
    this.plural = this.form.getByLabel('Plural');
    this.kind = this.form.getByLabel('Kind (optional)');
    this.namespaced = this.form.getByLabel('Namespaced');
    this.submit = this.form.getByRole('button', { name: 'Add resource' });
    this.registry = main.getByRole('table', { name: 'Kind registry' });
    this.contexts = main.getByRole('table', { name: 'Contexts' });
  }

  async goto() {
    await this.page.goto('/settings');
  }

  registryRow(pluralDotGroup: string): Locator {
    return this.registry.getByRole('row').filter({ has: this.page.getByRole('link', { name: `List ${pluralDotGroup}`, exact: true }) });
  }

  async addKind(spec: { group: string; version: string; plural: string; kind?: string }) {
    await this.group.fill(spec.group);
    await this.version.fill(spec.version);
    await this.plural.fill(spec.plural);
    if (spec.kind) await this.kind.fill(spec.kind);
    await this.submit.click();
  }
}
