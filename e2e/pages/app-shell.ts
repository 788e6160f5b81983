import { expect, type Locator, type Page } from '@playwright/test';

export const NAV = [
  { label: 'Pods', path: '/pods', heading: 'Pods' },
  { label: 'Plugins', path: '/plugins', heading: 'Plugins' },
  { label: 'Rollouts', path: '/rollouts', heading: 'Rollouts' },
  { label: 'Playground', path: '/playground', heading: 'Playground' },
  { label: 'Audit', path: '/audit', heading: 'Audit' },
  { label: 'Settings', path: '/settings', heading: 'Settings' },
] as const;

/** The frame around every page: main navigation and the cluster header. */
export class AppShell {
  readonly nav: Locator;
  readonly header: Locator;
  readonly contextName: Locator;
  readonly sandboxBadge: Locator;
  readonly apiServer: Locator;
  readonly connection: Locator;
  readonly contextSelect: Locator;
  readonly namespaceSelect: Locator;
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Main' });
    this.header = page.getByRole('banner', { name: 'Cluster' });
    this.contextName = this.header.getByLabel('Current context');
    this.sandboxBadge = this.header.getByLabel('Cluster type');
    this.apiServer = this.header.getByLabel('API server');
    this.connection = this.header.getByRole('status', { name: /^Cluster connection/ });
    this.contextSelect = this.header.getByRole('combobox', { name: 'Context' });
    this.namespaceSelect = this.header.getByRole('combobox', { name: 'Namespace' });
    this.main = page.getByRole('main');
  }

  navLink(label: string): Locator {
    return this.nav.getByRole('link', { name: label, exact: true });
  }

  heading(name: string): Locator {
    return this.main.getByRole('heading', { level: 1, name, exact: true });
  }

  async goto(path: string) {
    await this.page.goto(path);
  }

  async expectConnected() {
    await expect(this.connection).toHaveAccessibleName(/Connected/);
  }

  async switchContext(name: string) {
    await this.contextSelect.selectOption(name);
    await expect(this.contextName).toHaveText(name);
  }

  async selectNamespace(ns: string | 'All namespaces') {
    await this.namespaceSelect.selectOption(ns === 'All namespaces' ? { label: ns } : ns);
  }
}
