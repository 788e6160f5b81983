import type { Locator, Page } from '@playwright/test';
import { ResourceList } from './resource-list';

export class PodsPage {
  readonly heading: Locator;
  readonly list: ResourceList;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('main').getByRole('heading', { level: 1, name: 'Pods', exact: true });
    this.list = new ResourceList(page, 'Pods');
  }

  async goto(ns?: string) {
    await this.page.goto(ns ? `/pods?ns=${encodeURIComponent(ns)}` : '/pods');
  }
}
