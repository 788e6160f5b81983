import type { Locator, Page } from '@playwright/test';
import { ResourceList } from './resource-list';

export class RolloutsPage {
  readonly heading: Locator;
  readonly rollouts: ResourceList;
  readonly trafficRoutings: ResourceList;
  readonly previewNote: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('main').getByRole('heading', { level: 1, name: 'Rollouts', exact: true });
    this.rollouts = new ResourceList(page, 'Rollouts');
    this.trafficRoutings = new ResourceList(page, 'Traffic routings');
    this.previewNote = page.getByRole('region', { name: 'Step-by-step traffic preview' });
  }

  async goto() {
    await this.page.goto('/rollouts');
  }
}
